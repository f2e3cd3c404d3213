package io.carelake.transforms.extract;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Lists the files of the landing zone that match a file pattern on any Beam filesystem, as landing
 * files with path, name and size. A pattern matching nothing is an empty delivery, not an error.
 *
 * <p>With {@link #withPollInterval} the zone is watched ({@link LandingZoneSource}) and each new file
 * is emitted once (by path), timestamped when the listing found it, for streaming runs.
 * Watching goes on forever unless {@link #withStopWhenIdleFor} ends it once no new file has come for a
 * while, which lets a streaming run finish on its own (backfills, tests).
 */
@AutoValue
public abstract class ListLandingFiles extends PTransform<PBegin, PCollection<LandingFile>> {
  abstract String filepattern();

  abstract @Nullable Duration pollInterval();

  abstract @Nullable Duration stopWhenIdleFor();

  abstract Builder toBuilder();

  public static ListLandingFiles matching(String filepattern) {
    checkArgument(filepattern != null && !filepattern.isBlank(), "filepattern must not be blank");
    return new AutoValue_ListLandingFiles.Builder().setFilepattern(filepattern).build();
  }

  /** Watches the pattern forever, matching it again every {@code pollInterval}. */
  public ListLandingFiles withPollInterval(Duration pollInterval) {
    checkArgument(pollInterval != null && pollInterval.isLongerThan(Duration.ZERO),
        "pollInterval must be positive");
    return toBuilder().setPollInterval(pollInterval).build();
  }

  /** Stops watching once no new file has appeared for {@code idle}; needs {@link #withPollInterval}. */
  public ListLandingFiles withStopWhenIdleFor(Duration idle) {
    checkArgument(idle != null && idle.isLongerThan(Duration.ZERO), "idle time must be positive");
    return toBuilder().setStopWhenIdleFor(idle).build();
  }

  @Override
  public PCollection<LandingFile> expand(PBegin begin) {
    checkArgument(stopWhenIdleFor() == null || pollInterval() != null,
        "stopping when idle is for a watched landing zone: set a poll interval too");
    if (pollInterval() != null) {
      return begin.apply("WatchLandingZone",
          Read.from(new LandingZoneSource(filepattern(), pollInterval(), stopWhenIdleFor())));
    }
    return begin
        .apply("MatchLandingZone", FileIO.match().filepattern(filepattern()).withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("DescribeFiles", ParDo.of(new DescribeFileFn()))
        .setCoder(SchemaCoders.of(LandingFile.class));
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setFilepattern(String filepattern);

    abstract Builder setPollInterval(@Nullable Duration pollInterval);

    abstract Builder setStopWhenIdleFor(@Nullable Duration stopWhenIdleFor);

    abstract ListLandingFiles build();
  }
}
