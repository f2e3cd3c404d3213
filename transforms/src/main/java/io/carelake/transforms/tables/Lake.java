package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import java.util.List;

/**
 * The root of a lake on any Beam filesystem (a local folder, {@code gs://bucket/lake}) and the paths of
 * its zones. Silver and gold hold versioned tables ({@link TablePath}); bronze, quarantine, audit and
 * alerts hold append-only datasets ({@link DatasetPath}); landing holds files as delivered.
 */
@AutoValue
public abstract class Lake implements Serializable {
  public static final String LANDING = "landing";
  public static final String BRONZE = "bronze";
  public static final String SILVER = "silver";
  public static final String GOLD = "gold";
  public static final String QUARANTINE = "quarantine";
  public static final String AUDIT = "audit";
  public static final String ALERTS = "alerts";

  public static final List<String> ZONES = List.of(LANDING, BRONZE, SILVER, GOLD, QUARANTINE, AUDIT, ALERTS);
  public static final List<String> TABLE_ZONES = List.of(SILVER, GOLD);
  public static final List<String> DATASET_ZONES = List.of(BRONZE, QUARANTINE, AUDIT, ALERTS);

  /** The path of the lake root, without trailing separator; local paths are made absolute. */
  public abstract String root();

  public static Lake at(String root) {
    return new AutoValue_Lake(LakePaths.normalizeRoot(root));
  }

  /** The folder of a zone. */
  public String zone(String zone) {
    checkArgument(ZONES.contains(zone), "unknown zone %s, expected one of %s", zone, ZONES);
    return LakePaths.join(root(), zone);
  }

  public String landing() {
    return zone(LANDING);
  }

  /** A versioned table of the silver or gold zone. */
  public TablePath table(String zone, String name) {
    checkArgument(TABLE_ZONES.contains(zone), "tables live in %s, not in %s", TABLE_ZONES, zone);
    return TablePath.of(zone, LakePaths.checkSegment(name, "table name"), LakePaths.join(zone(zone), name));
  }

  /** An append-only dataset of the bronze, quarantine, audit or alerts zone. */
  public DatasetPath dataset(String zone, String name) {
    checkArgument(DATASET_ZONES.contains(zone), "datasets live in %s, not in %s", DATASET_ZONES, zone);
    return DatasetPath.of(zone, LakePaths.checkSegment(name, "dataset name"), LakePaths.join(zone(zone), name));
  }

  public TablePath silver(String name) {
    return table(SILVER, name);
  }

  public TablePath gold(String name) {
    return table(GOLD, name);
  }

  public DatasetPath bronze(String name) {
    return dataset(BRONZE, name);
  }

  public DatasetPath quarantine(String name) {
    return dataset(QUARANTINE, name);
  }

  public DatasetPath audit(String name) {
    return dataset(AUDIT, name);
  }

  public DatasetPath alerts(String name) {
    return dataset(ALERTS, name);
  }

  @Override
  public final String toString() {
    return root();
  }
}
