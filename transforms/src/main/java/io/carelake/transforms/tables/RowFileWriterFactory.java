package io.carelake.transforms.tables;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.Table;
import org.apache.iceberg.avro.Avro;
import org.apache.iceberg.data.BaseFileWriterFactory;
import org.apache.iceberg.orc.ORC;
import org.apache.iceberg.parquet.Parquet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Iceberg's data and equality-delete file writers for Beam rows, in Parquet: data rows of
 * {@code rowSchema}, delete rows of the table's key columns ({@code keySchema}).
 */
final class RowFileWriterFactory extends BaseFileWriterFactory<Row> {
  private final Schema rowSchema;
  private final @Nullable Schema keySchema;
  private final org.apache.iceberg.Schema tableSchema;
  private final org.apache.iceberg.@Nullable Schema deleteSchema;

  RowFileWriterFactory(Table table, Schema rowSchema, int @Nullable [] equalityFieldIds,
      org.apache.iceberg.@Nullable Schema deleteSchema, @Nullable Schema keySchema) {
    // Bundles are written in arrival order: the files claim no sort order.
    super(table, FileFormat.PARQUET, table.schema(), SortOrder.unsorted(), FileFormat.PARQUET,
        equalityFieldIds, deleteSchema, SortOrder.unsorted(), null);
    this.rowSchema = rowSchema;
    this.keySchema = keySchema;
    this.tableSchema = table.schema();
    this.deleteSchema = deleteSchema;
  }

  @Override
  protected void configureDataWrite(Parquet.DataWriteBuilder builder) {
    builder.createWriterFunc(type -> RowParquetWriter.of(rowSchema, tableSchema, type));
  }

  @Override
  protected void configureEqualityDelete(Parquet.DeleteWriteBuilder builder) {
    builder.createWriterFunc(type -> RowParquetWriter.of(keySchema, deleteSchema, type));
  }

  @Override
  protected void configurePositionDelete(Parquet.DeleteWriteBuilder builder) {
    throw new UnsupportedOperationException("lake writers write no position deletes");
  }

  @Override
  protected void configureDataWrite(Avro.DataWriteBuilder builder) {
    throw new UnsupportedOperationException("lake tables are written in Parquet");
  }

  @Override
  protected void configureEqualityDelete(Avro.DeleteWriteBuilder builder) {
    throw new UnsupportedOperationException("lake tables are written in Parquet");
  }

  @Override
  protected void configurePositionDelete(Avro.DeleteWriteBuilder builder) {
    throw new UnsupportedOperationException("lake tables are written in Parquet");
  }

  @Override
  protected void configureDataWrite(ORC.DataWriteBuilder builder) {
    throw new UnsupportedOperationException("lake tables are written in Parquet");
  }

  @Override
  protected void configureEqualityDelete(ORC.DeleteWriteBuilder builder) {
    throw new UnsupportedOperationException("lake tables are written in Parquet");
  }

  @Override
  protected void configurePositionDelete(ORC.DeleteWriteBuilder builder) {
    throw new UnsupportedOperationException("lake tables are written in Parquet");
  }
}
