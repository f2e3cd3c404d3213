package io.carelake.transforms.tables;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.LocationProviders;
import org.apache.iceberg.StaticTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.exceptions.NotFoundException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table as it was when a pipeline was built, by the location of that version's metadata file: what the
 * pipeline's steps write and read with. It serialises to two names, and each JVM loads it once, however
 * often a runner deserialises the steps that hold it (the Direct runner does so per bundle; a serialised
 * Iceberg table, with its file IO's configuration, is tens of kilobytes and milliseconds to read).
 *
 * <p>Iceberg deletes old metadata files as a table moves on (the last 50 are kept): a worker that starts
 * after that (autoscaling, a restarted task manager) gets the table's current version instead, which has
 * the pinned version's snapshots (unless expired) and its columns, possibly with more.
 */
final class PinnedTable implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int CACHED = 64;
  private static final Map<String, Table> LOADED = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Table> eldest) {
          return size() > CACHED;
        }
      });

  private final LakeTable table;
  private final String metadataLocation;
  private final @Nullable Long snapshotId;

  private PinnedTable(LakeTable table, String metadataLocation, @Nullable Long snapshotId) {
    this.table = table;
    this.metadataLocation = metadataLocation;
    this.snapshotId = snapshotId;
  }

  /** The version of {@code table} that {@code loaded} is. */
  static PinnedTable of(LakeTable table, Table loaded) {
    return new PinnedTable(table, ((HasTableOperations) loaded).operations().current().metadataFileLocation(),
        loaded.currentSnapshot() == null ? null : loaded.currentSnapshot().snapshotId());
  }

  /** The current snapshot of the pinned version; null when the table had none. */
  @Nullable Long snapshotId() {
    return snapshotId;
  }

  /** The pinned version, read-only: writers write its files, commits go through the catalog. */
  Table get() {
    String key = table.lake().root() + " " + table + " " + metadataLocation;
    Table cached = LOADED.get(key);
    if (cached == null) {
      cached = load();
      LOADED.put(key, cached);
    }
    return cached;
  }

  private Table load() {
    Table current = table.load();
    try {
      TableMetadata pinned = TableMetadataParser.read(current.io(), metadataLocation);
      return new BaseTable(new StaticTableOperations(pinned, current.io(),
          LocationProviders.locationsFor(pinned.location(), pinned.properties())), current.name());
    } catch (NotFoundException e) {
      return current;
    }
  }

  @Override
  public String toString() {
    return table + " at " + metadataLocation;
  }
}
