package io.carelake.transforms.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * Reads a lake table into memory without a pipeline: for tools that show a table and for tests. Meant for
 * small tables. Rows come in the table's own schema (as a Beam schema) unless one is given.
 */
public final class TableRows {
  private TableRows() {}

  /** Every current row; none when the table does not exist or has no snapshot. */
  public static List<Row> read(LakeTable table) {
    return table.find().map(t -> read(t, Optional.ofNullable(t.currentSnapshot()).map(Snapshot::snapshotId),
        TableSchemas.toBeam(t.schema().asStruct()))).orElse(List.of());
  }

  /** Every current row, as rows of {@code schema}. */
  public static List<Row> read(LakeTable table, Schema schema) {
    return table.find().map(t -> read(t, Optional.ofNullable(t.currentSnapshot()).map(Snapshot::snapshotId), schema))
        .orElse(List.of());
  }

  /** Every row of a snapshot: time travel. */
  public static List<Row> readSnapshot(LakeTable table, long snapshotId) {
    Table loaded = table.load();
    if (loaded.snapshot(snapshotId) == null) {
      throw new IllegalArgumentException("table " + table + " has no snapshot " + snapshotId);
    }
    return read(loaded, Optional.of(snapshotId), TableSchemas.toBeam(schemaAt(loaded, snapshotId).asStruct()));
  }

  /** The table's schema when {@code snapshot} was committed. */
  private static org.apache.iceberg.Schema schemaAt(Table table, long snapshot) {
    Integer id = table.snapshot(snapshot).schemaId();
    return id == null ? table.schema() : table.schemas().get(id);
  }

  private static List<Row> read(Table table, Optional<Long> snapshot, Schema schema) {
    if (snapshot.isEmpty()) {
      return List.of();
    }
    org.apache.iceberg.Schema projection = TaskReader.projection(schemaAt(table, snapshot.get()), schema);
    List<FileScanTask> tasks = new ArrayList<>();
    try (CloseableIterable<FileScanTask> planned = table.newScan().useSnapshot(snapshot.get()).planFiles()) {
      planned.forEach(tasks::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot plan the files of " + table.name(), e);
    }
    tasks.sort(Comparator.comparing(task -> task.file().path().toString()));
    List<Row> rows = new ArrayList<>();
    for (FileScanTask task : tasks) {
      collect(TaskReader.of(table, projection, task), schema, rows);
    }
    return rows;
  }

  /**
   * The change feed of a merged table: the rows each version added, oldest version first (compactions,
   * which change no row, left out). Each is a change row ({@link ChangeFeed}) as it was committed, even if
   * a later version replaced it.
   */
  public static List<Row> changes(LakeTable table) {
    Optional<Table> found = table.find();
    if (found.isEmpty() || found.get().currentSnapshot() == null) {
      return List.of();
    }
    Table loaded = found.get();
    Schema schema = TableSchemas.toBeam(loaded.schema().asStruct());
    List<Snapshot> versions = new ArrayList<>();
    SnapshotUtil.ancestorsOf(loaded.currentSnapshot().snapshotId(), loaded::snapshot).forEach(versions::add);
    List<Row> rows = new ArrayList<>();
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (!DataOperations.REPLACE.equals(versions.get(i).operation())) {
        collectAdded(loaded, versions.get(i), schema, rows);
      }
    }
    return rows;
  }

  /** The change rows one version added: its change feed. */
  public static List<Row> changesOf(LakeTable table, long snapshotId) {
    Table loaded = table.load();
    Snapshot version = loaded.snapshot(snapshotId);
    if (version == null) {
      throw new IllegalArgumentException("table " + table + " has no snapshot " + snapshotId);
    }
    List<Row> rows = new ArrayList<>();
    collectAdded(loaded, version, TableSchemas.toBeam(loaded.schema().asStruct()), rows);
    return rows;
  }

  private static void collectAdded(Table table, Snapshot version, Schema schema, List<Row> rows) {
    List<DataFile> added = new ArrayList<>();
    version.addedDataFiles(table.io()).forEach(added::add);
    added.sort(Comparator.comparing(file -> file.path().toString()));
    for (DataFile file : added) {
      collect(TaskReader.asAdded(table, table.schema(), file), schema, rows);
    }
  }

  private static void collect(TaskReader reader, Schema schema, List<Row> rows) {
    IcebergRows toRow = IcebergRows.of(reader.schema().asStruct(), schema);
    try (CloseableIterable<Record> records = reader.records()) {
      records.forEach(record -> rows.add(toRow.apply(record)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
