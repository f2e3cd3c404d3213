package io.carelake.transforms.extract;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Watch;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Lists the files of the landing zone that match a file pattern on any Beam filesystem, as landing
 * files with path, name and size. A pattern matching nothing is an empty delivery, not an error.
 *
 * <p>With {@link #withPollInterval} the zone is watched and each new file is emitted once, for
 * streaming runs; the classic Spark runner cannot run this form.
 */
@AutoValue
public abstract class ListLandingFiles extends PTransform<PBegin, PCollection<LandingFile>> {
  abstract String filepattern();

  abstract @Nullable Duration pollInterval();

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

  @Override
  public PCollection<LandingFile> expand(PBegin begin) {
    FileIO.Match match = FileIO.match()
        .filepattern(filepattern())
        .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW);
    if (pollInterval() != null) {
      match = match.continuously(pollInterval(), Watch.Growth.never());
    }
    return begin
        .apply("MatchLandingZone", match)
        .apply("DescribeFiles", ParDo.of(new DescribeFileFn()))
        .setCoder(SchemaCoders.of(LandingFile.class));
  }

  private static final class DescribeFileFn extends DoFn<MatchResult.Metadata, LandingFile> {
    @ProcessElement
    public void process(@Element MatchResult.Metadata metadata, OutputReceiver<LandingFile> out) {
      if (metadata.resourceId().isDirectory()) {
        return;
      }
      out.output(LandingFile.builder()
          .setPath(metadata.resourceId().toString())
          .setName(metadata.resourceId().getFilename())
          .setSizeBytes(metadata.sizeBytes())
          .build());
    }
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setFilepattern(String filepattern);

    abstract Builder setPollInterval(@Nullable Duration pollInterval);

    abstract ListLandingFiles build();
  }
}
