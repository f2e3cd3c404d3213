package io.carelake.transforms.tables;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.types.Types.NestedField;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.parquet.hadoop.ParquetOutputFormat;

/**
 * A table of the lake, named by zone and name ({@code silver.members} in the catalog); it need not exist
 * yet: the first writer creates it. Pipelines hold tables by this name only. What it tells (schema,
 * snapshots) is read from the catalog when asked.
 */
public final class LakeTable implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Properties of every table a writer creates: Iceberg format v2 (row-level deletes), Parquet data. */
  private static final Map<String, String> TABLE_PROPERTIES = Map.of(
      TableProperties.FORMAT_VERSION, "2",
      TableProperties.DEFAULT_FILE_FORMAT, "parquet",
      // Merges write deletes rather than rewriting files; engines that update the table should too.
      TableProperties.UPDATE_MODE, "merge-on-read",
      TableProperties.DELETE_MODE, "merge-on-read",
      TableProperties.MERGE_MODE, "merge-on-read",
      // A streaming run commits once per window: keep the metadata files from piling up.
      TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true",
      TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "50");
  /**
   * Raw zones keep records as delivered, mostly unique values: a Parquet dictionary fills up, falls back
   * to plain encoding, and meanwhile costs about a fifth of writing a bronze row (profiled on members).
   * Set when a table is created; a table created before keeps its properties until altered.
   */
  private static final Map<String, String> RAW_ZONE_PROPERTIES = Map.of(ParquetOutputFormat.ENABLE_DICTIONARY, "false");

  private final Lake lake;
  private final String zone;
  private final String name;

  private LakeTable(Lake lake, String zone, String name) {
    this.lake = lake;
    this.zone = zone;
    this.name = name;
  }

  static LakeTable of(Lake lake, String zone, String name) {
    return new LakeTable(lake, zone, name);
  }

  public Lake lake() {
    return lake;
  }

  public String zone() {
    return zone;
  }

  public String name() {
    return name;
  }

  TableIdentifier identifier() {
    return TableIdentifier.of(Namespace.of(zone), name);
  }

  /** The table as the catalog has it now, empty when it does not exist. */
  Optional<Table> find() {
    try {
      return Optional.of(lake.catalog().load().loadTable(identifier()));
    } catch (NoSuchTableException e) {
      return Optional.empty();
    }
  }

  private Map<String, String> properties() {
    if (!Lake.RAW_ZONES.contains(zone)) {
      return TABLE_PROPERTIES;
    }
    Map<String, String> properties = new HashMap<>(TABLE_PROPERTIES);
    properties.putAll(RAW_ZONE_PROPERTIES);
    return properties;
  }

  Table load() {
    return find().orElseThrow(() -> new IllegalStateException("table " + this + " does not exist in the lake"));
  }

  /**
   * The table, created with {@code schema} and {@code partitioning} if it does not exist yet, or with the
   * columns of {@code schema} it lacks added (as optional columns) if it does: a writer can always write
   * rows of its schema. {@code keyColumns}, if any, become the table's identifier fields.
   */
  Table createOrEvolve(Schema schema, Partitioning partitioning, List<String> keyColumns) {
    Catalog catalog = lake.catalog().load();
    Optional<Table> existing = find();
    if (existing.isEmpty()) {
      org.apache.iceberg.Schema tableSchema = withIdentifierFields(TableSchemas.toIceberg(schema), keyColumns);
      if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(identifier().namespace())) {
        try {
          namespaces.createNamespace(identifier().namespace());
        } catch (AlreadyExistsException e) {
          // Created by another writer meanwhile.
        }
      }
      try {
        return catalog.createTable(identifier(), tableSchema, partitioning.toSpec(tableSchema), properties());
      } catch (AlreadyExistsException e) {
        existing = Optional.of(load());
      }
    }
    Table table = existing.get();
    Set<String> missing = new HashSet<>(schema.getFieldNames());
    table.schema().columns().forEach(column -> missing.remove(column.name()));
    if (!missing.isEmpty()) {
      table.updateSchema().unionByNameWith(TableSchemas.toIceberg(schema)).commit();
      table.refresh();
    }
    return table;
  }

  private static org.apache.iceberg.Schema withIdentifierFields(org.apache.iceberg.Schema schema, List<String> keyColumns) {
    if (keyColumns.isEmpty()) {
      return schema;
    }
    Set<Integer> ids = new HashSet<>();
    for (String column : keyColumns) {
      NestedField field = schema.findField(column);
      if (field == null || field.isOptional()) {
        throw new IllegalArgumentException("key column " + column + " must be a non-null column of the table");
      }
      ids.add(field.fieldId());
    }
    return new org.apache.iceberg.Schema(schema.columns(), ids);
  }

  public boolean exists() {
    return find().isPresent();
  }

  /** The table's columns as a Beam schema; the table must exist. */
  public Schema schema() {
    return TableSchemas.toBeam(load().schema().asStruct());
  }

  /** The current snapshot's id; empty when the table does not exist or has no snapshot yet. */
  public Optional<Long> currentSnapshotId() {
    return find().map(Table::currentSnapshot).map(Snapshot::snapshotId);
  }

  /**
   * How many rows the current snapshot holds, from its summary, without reading data: rows written less
   * rows deleted. Exact for the lake's tables, whose every delete row removes one earlier row (a merge's
   * update deletes its key's one row); 0 when the table has no snapshot.
   */
  public long rowCount() {
    return find().map(Table::currentSnapshot).map(snapshot -> {
      Map<String, String> summary = snapshot.summary();
      return count(summary, "total-records") - count(summary, "total-equality-deletes")
          - count(summary, "total-position-deletes");
    }).orElse(0L);
  }

  private static long count(Map<String, String> summary, String key) {
    String value = summary.get(key);
    return value == null ? 0 : Long.parseLong(value);
  }

  /** The table's versions, oldest first: the current snapshot and its ancestors still kept. */
  public List<TableSnapshot> history() {
    Optional<Table> table = find();
    if (table.isEmpty() || table.get().currentSnapshot() == null) {
      return List.of();
    }
    List<TableSnapshot> history = new ArrayList<>();
    SnapshotUtil.ancestorsOf(table.get().currentSnapshot().snapshotId(), table.get()::snapshot)
        .forEach(snapshot -> history.add(TableSnapshot.of(snapshot)));
    Collections.reverse(history);
    return history;
  }

  /** The snapshot current at {@code time}; empty when the table had none then. */
  public Optional<Long> snapshotAsOf(java.time.Instant time) {
    Optional<Table> table = find();
    if (table.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SnapshotUtil.snapshotIdAsOfTime(table.get(), time.toEpochMilli()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether a run of this id committed to the table, in any snapshot still kept. */
  public boolean hasCommitsOfRun(String runId) {
    return find().map(table -> {
      for (Snapshot snapshot : table.snapshots()) {
        if (runId.equals(snapshot.summary().get(TableSnapshot.RUN_ID))) {
          return true;
        }
      }
      return false;
    }).orElse(false);
  }

  /** Where the table's files are, as the catalog says; the table must exist. */
  public String location() {
    return load().location();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LakeTable table && table.lake.equals(lake) && table.zone.equals(zone)
        && table.name.equals(name);
  }

  @Override
  public int hashCode() {
    return (lake.hashCode() * 31 + zone.hashCode()) * 31 + name.hashCode();
  }

  /** {@code zone/name}, as tools take it. */
  @Override
  public String toString() {
    return zone + "/" + name;
  }
}
