package io.carelake.transforms.tables;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection.IsBounded;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Appends rows to a dataset as Parquet files of the run, {@code <dataset>/run_id=<runId>/part-*.parquet}.
 *
 * <p>Bounded input is written once, in as many files as the runner chooses unless
 * {@link #withNumShards} says otherwise. Unbounded input is written per window with a fixed number of
 * files per window (1 unless set); input still in the global window is first cut into fixed windows of
 * {@link #withWindowSize} (1 minute unless set), since a global window would never be written.
 *
 * <p>The result's {@code getPerDestinationOutputFilenames()} holds each file once it is complete, for
 * steps that must wait on the write.
 */
@AutoValue
public abstract class WriteDataset extends PTransform<PCollection<Row>, WriteFilesResult<Void>> {
  private static final int STREAMING_SHARDS = 1;
  private static final Duration STREAMING_WINDOW = Duration.standardMinutes(1);

  abstract DatasetPath dataset();

  abstract String runId();

  abstract @Nullable Integer numShards();

  abstract Duration windowSize();

  abstract Builder toBuilder();

  public static WriteDataset to(DatasetPath dataset, String runId) {
    LakePaths.checkSegment(runId, "run id");
    return new AutoValue_WriteDataset.Builder()
        .setDataset(dataset).setRunId(runId).setWindowSize(STREAMING_WINDOW).build();
  }

  public WriteDataset withNumShards(int numShards) {
    checkArgument(numShards > 0, "numShards must be positive, got %s", numShards);
    return toBuilder().setNumShards(numShards).build();
  }

  public WriteDataset withWindowSize(Duration windowSize) {
    checkArgument(windowSize != null && windowSize.isLongerThan(Duration.ZERO),
        "windowSize must be positive, got %s", windowSize);
    return toBuilder().setWindowSize(windowSize).build();
  }

  @Override
  public WriteFilesResult<Void> expand(PCollection<Row> rows) {
    checkArgument(rows.hasSchema(), "rows written to dataset %s must have a schema", dataset());
    FileIO.Write<Void, Row> write = RowParquet.write(rows.getSchema(), dataset().runDir(runId()));
    if (rows.isBounded() == IsBounded.BOUNDED) {
      return rows.apply("WriteParquet", numShards() == null ? write : write.withNumShards(numShards()));
    }
    PCollection<Row> windowed = rows;
    if (rows.getWindowingStrategy().getWindowFn() instanceof GlobalWindows) {
      windowed = rows.apply("WindowRows", Window.into(FixedWindows.of(windowSize())));
    }
    return windowed.apply("WriteParquet",
        write.withNumShards(numShards() == null ? STREAMING_SHARDS : numShards()));
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setDataset(DatasetPath dataset);

    abstract Builder setRunId(String runId);

    abstract Builder setNumShards(Integer numShards);

    abstract Builder setWindowSize(Duration windowSize);

    abstract WriteDataset build();
  }
}
