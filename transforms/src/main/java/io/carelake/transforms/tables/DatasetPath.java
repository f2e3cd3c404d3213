package io.carelake.transforms.tables;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/**
 * Where an append-only dataset lives: each run adds its own folder,
 * {@code <dataset>/run_id=<runId>/part-*.parquet}, and never changes another run's files.
 */
@AutoValue
public abstract class DatasetPath implements Serializable {
  public abstract String zone();

  public abstract String name();

  /** The dataset folder. */
  public abstract String path();

  static DatasetPath of(String zone, String name, String path) {
    return new AutoValue_DatasetPath(zone, name, path);
  }

  String runDir(String runId) {
    return LakePaths.join(path(), "run_id=" + LakePaths.checkSegment(runId, "run id"));
  }

  /** Every Parquet file of every run. */
  String allFilesPattern() {
    return LakePaths.join(path(), "run_id=*", "*.parquet");
  }

  String runFilesPattern(String runId) {
    return LakePaths.join(runDir(runId), "*.parquet");
  }

  @Override
  public final String toString() {
    return path();
  }
}
