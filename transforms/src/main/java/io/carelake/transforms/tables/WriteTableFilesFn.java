package io.carelake.transforms.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
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
 * Writes the rows a bundle holds into Parquet data files of the table, one set of files per window and
 * partition, and emits only the files' metadata when the bundle finishes: rows are never shuffled to be
 * written. When the table has a key, rows marked as updates ({@link #updateColumn}) also write their key
 * to an equality-delete file, which hides the key's earlier row once committed.
 */
final class WriteTableFilesFn extends DoFn<Row, WrittenFiles> {
  private final PinnedTable pinned;
  private final Schema rowSchema;
  private final List<String> keyColumns;
  private final @Nullable String updateColumn;
  private final @Nullable String updateValue;
  private final boolean upsert;

  private transient Table table;
  private transient Map<BoundedWindow, OpenFiles> open;

  /**
   * @param pinned the table, as it was when the pipeline was built
   * @param keyColumns the key whose earlier rows updates replace; empty for an append-only table
   * @param updateColumn the column that marks a row as an update of its key, with {@code updateValue}
   * @param upsert whether every row of a keyed table replaces its key's earlier row, inserts too: a
   *     streaming window replayed after a restore then cannot add a key twice
   */
  WriteTableFilesFn(PinnedTable pinned, Schema rowSchema, List<String> keyColumns, @Nullable String updateColumn,
      @Nullable String updateValue, boolean upsert) {
    this.pinned = pinned;
    this.rowSchema = rowSchema;
    this.keyColumns = keyColumns;
    this.updateColumn = updateColumn;
    this.updateValue = updateValue;
    this.upsert = upsert;
  }

  @Setup
  public void setup() {
    table = pinned.get();
  }

  @StartBundle
  public void startBundle() {
    open = new HashMap<>();
  }

  @ProcessElement
  public void process(@Element Row row, BoundedWindow window) {
    open.computeIfAbsent(window, w -> new OpenFiles()).write(row);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    for (Map.Entry<BoundedWindow, OpenFiles> files : open.entrySet()) {
      WrittenFiles written = files.getValue().close();
      context.output(written, files.getKey().maxTimestamp(), files.getKey());
    }
    open = null;
  }

  @Teardown
  public void teardown() {
    // A failed bundle leaves files that no commit names: invisible, and removed by maintenance.
    if (open != null) {
      open.values().forEach(OpenFiles::abort);
    }
  }

  /** The rolling writers of one window of a bundle, per partition. */
  private final class OpenFiles {
    private final PartitionSpec spec = table.spec();
    private final OutputFileFactory fileFactory = OutputFileFactory
        .builderFor(table, ThreadLocalRandom.current().nextInt(1 << 20), ThreadLocalRandom.current().nextLong(1L << 40))
        .format(FileFormat.PARQUET)
        .operationId(UUID.randomUUID().toString())
        .build();
    private final long targetFileSize = PropertyUtil.propertyAsLong(table.properties(),
        TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
    private final RowFileWriterFactory writerFactory;
    private final @Nullable Schema keySchema;
    private final PartitionKey partitionKey = new PartitionKey(spec, table.schema());
    private final RowStructLike asStruct = RowStructLike.of(rowSchema, table.schema().asStruct());
    private final Map<StructLike, RollingDataWriter<Row>> dataWriters = StructLikeMap.create(spec.partitionType());
    private final Map<StructLike, RollingEqualityDeleteWriter<Row>> deleteWriters =
        StructLikeMap.create(spec.partitionType());

    OpenFiles() {
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

    WrittenFiles close() {
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
      List<java.io.Closeable> writers = new ArrayList<>(dataWriters.values());
      writers.addAll(deleteWriters.values());
      for (java.io.Closeable writer : writers) {
        try {
          writer.close();
        } catch (IOException | RuntimeException e) {
          // The bundle failed already; its files are not committed.
        }
      }
    }
  }
}
