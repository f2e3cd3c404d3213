package io.carelake.transforms.tables;

import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.io.RollingDataWriter;
import org.apache.iceberg.io.RollingEqualityDeleteWriter;
import org.apache.iceberg.util.PropertyUtil;
import org.apache.iceberg.util.StructLikeMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a step writes rows of one table: Parquet data files of the table as the pipeline was built, one set
 * per window and partition for each bundle. {@link WriteTable} writes with one; a step that produces a
 * table's rows as a by-product of its own work (a reader writing bronze as it parses) can hold one too,
 * write rows where it makes them, emit the {@link TableFiles} of each bundle, and commit them with
 * {@link WriteTable#committing}: the rows are never handed from step to step to be written.
 *
 * <p>For a keyed table, rows marked as updates (and every row when the sink upserts) also write their
 * key to an equality-delete file, which hides the key's earlier row once committed.
 */
public final class TableSink implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PinnedTable pinned;
  private final Schema rowSchema;
  private final List<String> keyColumns;
  private final @Nullable String updateColumn;
  private final @Nullable String updateValue;
  private final boolean upsert;

  /**
   * @param keyColumns the key whose earlier rows updates replace; empty for an append-only table
   * @param updateColumn the column that marks a row as an update of its key, with {@code updateValue}
   * @param upsert whether every row of a keyed table replaces its key's earlier row, inserts too: a
   *     streaming window replayed after a restore then cannot add a key twice
   */
  TableSink(PinnedTable pinned, Schema rowSchema, List<String> keyColumns, @Nullable String updateColumn,
      @Nullable String updateValue, boolean upsert) {
    this.pinned = pinned;
    this.rowSchema = rowSchema;
    this.keyColumns = List.copyOf(keyColumns);
    this.updateColumn = updateColumn;
    this.updateValue = updateValue;
    this.upsert = upsert;
  }

  /** The table's snapshot when the sink was made, null if it had none: appends commit after it. */
  @Nullable Long baseSnapshot() {
    return pinned.snapshotId();
  }

  /** The schema of the rows the sink takes. */
  public Schema rowSchema() {
    return rowSchema;
  }

  /** Writers for one bundle: call in {@code @StartBundle}, and {@link BundleWriter#finish} in {@code @FinishBundle}. */
  public BundleWriter openBundle() {
    return new BundleWriter(pinned.get());
  }

  /** The writers of one bundle, per window and partition. */
  public final class BundleWriter implements Closeable {
    private final Table table;
    private final Map<BoundedWindow, WindowFiles> windows = new LinkedHashMap<>();

    private BundleWriter(Table table) {
      this.table = table;
    }

    /** Writes {@code row}, of the sink's schema, in {@code window}. */
    public void write(Row row, BoundedWindow window) {
      windows.computeIfAbsent(window, w -> new WindowFiles(table)).write(row);
    }

    /** Closes the files; what each window of the bundle wrote, to emit in that window. */
    public List<KV<BoundedWindow, TableFiles>> finish() {
      List<KV<BoundedWindow, TableFiles>> written = new ArrayList<>();
      for (Map.Entry<BoundedWindow, WindowFiles> window : windows.entrySet()) {
        written.add(KV.of(window.getKey(), new TableFiles(window.getValue().finish())));
      }
      windows.clear();
      return written;
    }

    /** Closes what is open after a failure: its files are named by no commit, and {@code maintain} removes them. */
    @Override
    public void close() {
      windows.values().forEach(WindowFiles::abort);
      windows.clear();
    }
  }

  /** The rolling writers of one window of a bundle, per partition. */
  private final class WindowFiles {
    private final Table table;
    private final PartitionSpec spec;
    private final OutputFileFactory fileFactory;
    private final long targetFileSize;
    private final RowFileWriterFactory writerFactory;
    private final @Nullable Schema keySchema;
    private final PartitionKey partitionKey;
    private final RowStructLike asStruct;
    private final Map<StructLike, RollingDataWriter<Row>> dataWriters;
    private final Map<StructLike, RollingEqualityDeleteWriter<Row>> deleteWriters;

    WindowFiles(Table table) {
      this.table = table;
      this.spec = table.spec();
      this.fileFactory = OutputFileFactory
          .builderFor(table, ThreadLocalRandom.current().nextInt(1 << 20), ThreadLocalRandom.current().nextLong(1L << 40))
          .format(FileFormat.PARQUET)
          .operationId(UUID.randomUUID().toString())
          .build();
      this.targetFileSize = PropertyUtil.propertyAsLong(table.properties(),
          TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
      this.partitionKey = new PartitionKey(spec, table.schema());
      this.asStruct = RowStructLike.of(rowSchema, table.schema().asStruct());
      this.dataWriters = StructLikeMap.create(spec.partitionType());
      this.deleteWriters = StructLikeMap.create(spec.partitionType());
      if (keyColumns.isEmpty()) {
        writerFactory = new RowFileWriterFactory(table, rowSchema, null, null, null);
        keySchema = null;
      } else {
        org.apache.iceberg.Schema deleteSchema = table.schema().select(keyColumns);
        int[] equalityIds = deleteSchema.columns().stream().mapToInt(column -> column.fieldId()).toArray();
        keySchema = TableSchemas.toBeam(deleteSchema.asStruct());
        writerFactory = new RowFileWriterFactory(table, rowSchema, equalityIds, deleteSchema, keySchema);
      }
    }

    void write(Row row) {
      partitionKey.partition(asStruct.wrap(row));
      RollingDataWriter<Row> data = dataWriters.get(partitionKey);
      if (data == null) {
        StructLike partition = partitionKey.copy();
        data = new RollingDataWriter<>(writerFactory, fileFactory, table.io(), targetFileSize, spec, partition);
        dataWriters.put(partition, data);
      }
      data.write(row);
      if (keySchema != null && (upsert || updateValue.equals(row.getString(updateColumn)))) {
        RollingEqualityDeleteWriter<Row> deletes = deleteWriters.get(partitionKey);
        if (deletes == null) {
          StructLike partition = partitionKey.copy();
          deletes = new RollingEqualityDeleteWriter<>(writerFactory, fileFactory, table.io(), targetFileSize, spec,
              partition);
          deleteWriters.put(partition, deletes);
        }
        deletes.write(keyInTableOrder(row));
      }
    }

    private Row keyInTableOrder(Row row) {
      List<Object> values = new ArrayList<>(keySchema.getFieldCount());
      keySchema.getFieldNames().forEach(column -> values.add(row.getValue(column)));
      return Row.withSchema(keySchema).addValues(values).build();
    }

    WrittenFiles finish() {
      List<DataFile> dataFiles = new ArrayList<>();
      List<DeleteFile> deleteFiles = new ArrayList<>();
      try {
        for (RollingDataWriter<Row> writer : dataWriters.values()) {
          writer.close();
          dataFiles.addAll(writer.result().dataFiles());
        }
        for (RollingEqualityDeleteWriter<Row> writer : deleteWriters.values()) {
          writer.close();
          deleteFiles.addAll(writer.result().deleteFiles());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the data files of table " + table.name(), e);
      }
      return new WrittenFiles(dataFiles, deleteFiles);
    }

    void abort() {
      List<Closeable> writers = new ArrayList<>(dataWriters.values());
      writers.addAll(deleteWriters.values());
      for (Closeable writer : writers) {
        try {
          writer.close();
        } catch (IOException | RuntimeException e) {
          // The bundle failed already; its files are not committed.
        }
      }
    }
  }
}
