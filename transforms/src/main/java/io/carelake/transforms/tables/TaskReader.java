package io.carelake.transforms.tables;

import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.DeleteFilter;
import org.apache.iceberg.data.GenericDeleteFilter;
import org.apache.iceberg.data.IdentityPartitionConverters;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.expressions.Evaluator;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.util.PartitionUtil;

/**
 * Reads Iceberg's generic records from one Parquet data file of a table: a scan task with its deletes
 * and residual filter applied, or a file as it was added (for the change feed, which is what a version
 * added, whatever later versions deleted).
 */
final class TaskReader {
  private final org.apache.iceberg.Schema schema;
  private final CloseableIterable<Record> records;

  private TaskReader(org.apache.iceberg.Schema schema, CloseableIterable<Record> records) {
    this.schema = schema;
    this.records = records;
  }

  /** The columns of {@code table} that {@code rowSchema} names: what a read of those rows needs. */
  static org.apache.iceberg.Schema projection(org.apache.iceberg.Schema table, Schema rowSchema) {
    return table.select(rowSchema.getFieldNames().stream().filter(name -> table.findField(name) != null).toList());
  }

  static TaskReader of(Table table, org.apache.iceberg.Schema projection, FileScanTask task) {
    DeleteFilter<Record> deletes = new GenericDeleteFilter(table.io(), task, table.schema(), projection);
    org.apache.iceberg.Schema readSchema = deletes.requiredSchema();
    Map<Integer, ?> constants = PartitionUtil.constantsMap(task, IdentityPartitionConverters::convertConstant);
    CloseableIterable<Record> records = Parquet.read(table.io().newInputFile(task.file().path().toString()))
        .project(readSchema)
        .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(readSchema, fileSchema, constants))
        .split(task.start(), task.length())
        .filter(task.residual())
        .build();
    records = deletes.filter(records);
    Expression residual = task.residual();
    if (residual != null && residual != Expressions.alwaysTrue()) {
      InternalRecordWrapper wrapper = new InternalRecordWrapper(readSchema.asStruct());
      Evaluator filter = new Evaluator(readSchema.asStruct(), residual, true);
      records = CloseableIterable.filter(records, record -> filter.eval(wrapper.wrap(record)));
    }
    return new TaskReader(readSchema, records);
  }

  /** Every row of a data file as written, without the deletes committed since. */
  static TaskReader asAdded(Table table, org.apache.iceberg.Schema projection, DataFile file) {
    CloseableIterable<Record> records = Parquet.read(table.io().newInputFile(file.path().toString()))
        .project(projection)
        .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(projection, fileSchema, Map.of()))
        .build();
    return new TaskReader(projection, records);
  }

  /** The schema of the records, which may hold more columns than asked for (to apply deletes). */
  org.apache.iceberg.Schema schema() {
    return schema;
  }

  CloseableIterable<Record> records() {
    return records;
  }
}
