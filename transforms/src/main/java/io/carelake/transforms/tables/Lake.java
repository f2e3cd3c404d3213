package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.util.List;
import org.apache.iceberg.MetadataTableType;

/**
 * A lake: a root path on any Beam filesystem (a local folder, {@code gs://bucket/lake}) holding the
 * landing zone's files as delivered, and the Apache Iceberg tables of every other zone, reached through
 * one catalog ({@link LakeCatalog}). A table is named by its zone and name ({@code silver.members} in the
 * catalog); with the embedded catalog it lives at {@code <root>/<zone>/<name>}.
 */
public final class Lake implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String LANDING = "landing";
  public static final String BRONZE = "bronze";
  public static final String SILVER = "silver";
  public static final String GOLD = "gold";
  public static final String QUARANTINE = "quarantine";
  public static final String AUDIT = "audit";
  public static final String ALERTS = "alerts";

  public static final List<String> ZONES = List.of(LANDING, BRONZE, SILVER, GOLD, QUARANTINE, AUDIT, ALERTS);
  /** Zones of Iceberg tables: every zone but landing. */
  public static final List<String> TABLE_ZONES = List.of(BRONZE, SILVER, GOLD, QUARANTINE, AUDIT, ALERTS);
  /** The zones of records as delivered, good or bad. */
  static final List<String> RAW_ZONES = List.of(BRONZE, QUARANTINE);

  private final String root;
  private final LakeCatalog catalog;

  private Lake(String root, LakeCatalog catalog) {
    this.root = root;
    this.catalog = catalog;
  }

  /** A lake at {@code root} with its embedded catalog. */
  public static Lake at(String root) {
    String normalized = LakePaths.normalizeRoot(root);
    return new Lake(normalized, LakeCatalog.embedded(normalized));
  }

  /**
   * A lake at {@code root} whose tables are in the catalog {@code catalogSpec} describes: blank for the
   * embedded catalog, inline Iceberg catalog properties ({@code type=jdbc,uri=jdbc:postgresql://...}) or a
   * reference to a properties file ({@link LakeCatalog#parse}).
   */
  public static Lake at(String root, String catalogSpec) {
    String normalized = LakePaths.normalizeRoot(root);
    return new Lake(normalized, LakeCatalog.parse(normalized, catalogSpec));
  }

  /** The path of the lake root, without trailing separator; local paths are made absolute. */
  public String root() {
    return root;
  }

  LakeCatalog catalog() {
    return catalog;
  }

  /** The folder of a zone. */
  public String zone(String zone) {
    checkArgument(ZONES.contains(zone), "unknown zone %s, expected one of %s", zone, ZONES);
    return LakePaths.join(root, zone);
  }

  public String landing() {
    return zone(LANDING);
  }

  /**
   * A table of a zone other than landing; it need not exist yet. Its name must not be one of Iceberg's
   * metadata tables ({@code files}, {@code snapshots}, ...), which engines would read instead.
   */
  public LakeTable table(String zone, String name) {
    checkArgument(TABLE_ZONES.contains(zone), "tables live in %s, not in %s", TABLE_ZONES, zone);
    LakePaths.checkSegment(name, "table name");
    checkArgument(MetadataTableType.from(name) == null,
        "table name %s is the name of an Iceberg metadata table, which engines would read instead", name);
    return LakeTable.of(this, zone, name);
  }

  /** A table named {@code zone/name} or {@code zone.name}, as users write them. */
  public LakeTable table(String qualifiedName) {
    String[] parts = qualifiedName.split("[/.]", 2);
    checkArgument(parts.length == 2, "a table is named zone/name, such as silver/members; got %s", qualifiedName);
    return table(parts[0], parts[1]);
  }

  public LakeTable bronze(String name) {
    return table(BRONZE, name);
  }

  public LakeTable silver(String name) {
    return table(SILVER, name);
  }

  public LakeTable gold(String name) {
    return table(GOLD, name);
  }

  public LakeTable quarantine(String name) {
    return table(QUARANTINE, name);
  }

  public LakeTable audit(String name) {
    return table(AUDIT, name);
  }

  public LakeTable alerts(String name) {
    return table(ALERTS, name);
  }

  /** Every table of the lake's zones that exists in its catalog, zone by zone. */
  public List<LakeTable> tables() {
    org.apache.iceberg.catalog.Catalog loaded = catalog.load();
    List<LakeTable> tables = new java.util.ArrayList<>();
    for (String zone : TABLE_ZONES) {
      org.apache.iceberg.catalog.Namespace namespace = org.apache.iceberg.catalog.Namespace.of(zone);
      if (loaded instanceof org.apache.iceberg.catalog.SupportsNamespaces namespaces
          && !namespaces.namespaceExists(namespace)) {
        continue;
      }
      loaded.listTables(namespace).stream().map(id -> table(zone, id.name())).sorted(
          java.util.Comparator.comparing(LakeTable::toString)).forEach(tables::add);
    }
    return tables;
  }

  /** Describes the catalog without its properties' values, which may be secret. */
  public String describeCatalog() {
    return catalog.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Lake lake && lake.root.equals(root) && lake.catalog.equals(catalog);
  }

  @Override
  public int hashCode() {
    return root.hashCode() * 31 + catalog.hashCode();
  }

  @Override
  public String toString() {
    return root;
  }
}
