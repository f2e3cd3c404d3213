package io.carelake.transforms.tables;

import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.LocationProviders;
import org.apache.iceberg.StaticTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;

/**
 * A table as it was when a pipeline was built, by the location of that version's metadata file: what the
 * pipeline's steps write and read with. It serialises to two names, and each JVM loads it once, however
 * often a runner deserialises the steps that hold it (the Direct runner does so per bundle; a serialised
 * Iceberg table, with its file IO's configuration, is tens of kilobytes and milliseconds to read).
 */
final class PinnedTable implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, Table> LOADED = new ConcurrentHashMap<>();

  private final LakeTable table;
  private final String metadataLocation;

  private PinnedTable(LakeTable table, String metadataLocation) {
    this.table = table;
    this.metadataLocation = metadataLocation;
  }

  /** The version of {@code table} that {@code loaded} is. */
  static PinnedTable of(LakeTable table, Table loaded) {
    return new PinnedTable(table, ((HasTableOperations) loaded).operations().current().metadataFileLocation());
  }

  /** The pinned version, read-only: writers write its files, commits go through the catalog. */
  Table get() {
    return LOADED.computeIfAbsent(metadataLocation, location -> {
      Table current = table.load();
      TableMetadata pinned = TableMetadataParser.read(current.io(), location);
      return new BaseTable(new StaticTableOperations(pinned, current.io(),
          LocationProviders.locationsFor(pinned.location(), pinned.properties())), current.name());
    });
  }

  @Override
  public String toString() {
    return table + " at " + metadataLocation;
  }
}
