package io.carelake.pipelines;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import io.carelake.schemas.LandingFile;
import io.carelake.transforms.extract.ListLandingFiles;
import io.carelake.transforms.extract.MatchAnnouncedFiles;
import java.io.Serializable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * How a streaming run watches its landing zone: poll interval (or a notification subscription), window,
 * and when to stop.
 */
@AutoValue
public abstract class LandingWatch implements Serializable {
  public abstract Duration pollInterval();

  public abstract Duration window();

  /** Stop once no new file has landed for this long; null: watch until the job is stopped. */
  public abstract @Nullable Duration stopWhenIdle();

  /** The subscription announcing new files, instead of listing the zone; null: list it. */
  public abstract @Nullable String notifications();

  public static LandingWatch of(Duration pollInterval, Duration window, @Nullable Duration stopWhenIdle) {
    return new AutoValue_LandingWatch(pollInterval, window, stopWhenIdle, null);
  }

  /** Files are taken as {@code subscription} announces them. */
  public LandingWatch withNotifications(String subscription) {
    checkArgument(stopWhenIdle() == null, "--stopWhenIdleSeconds: a run fed by notifications cannot tell idle from"
        + " quiet; stop it by draining the job");
    LandingNotifications.forSubscription(subscription);
    return new AutoValue_LandingWatch(pollInterval(), window(), null, subscription);
  }

  /**
   * The windows a streaming run's landing files are put in: each window's files are decided, merged,
   * audited and written together. A file is never late: it is stamped when found, on the clock the
   * watermark follows.
   */
  public Window<LandingFile> intoWindows() {
    return Window.<LandingFile>into(FixedWindows.of(window())).withAllowedLateness(Duration.ZERO);
  }

  /**
   * The landing files of {@code landingDir}: listed once for a batch run ({@code watch} null), or, for
   * a streaming run, listed every poll interval or taken as notifications announce them. Timestamped
   * when found; the caller windows them.
   */
  public static PTransform<PBegin, PCollection<LandingFile>> landingFiles(String landingDir, @Nullable LandingWatch watch) {
    ListLandingFiles listing = ListLandingFiles.matching(landingDir + "/*");
    if (watch == null) {
      return listing;
    }
    if (watch.notifications() != null) {
      PTransform<PBegin, PCollection<String>> announced =
          LandingNotifications.forSubscription(watch.notifications()).newFiles(watch.notifications(), landingDir);
      return new PTransform<>() {
        @Override
        public PCollection<LandingFile> expand(PBegin begin) {
          return begin.apply("ReadNotifications", announced).apply("MatchAnnouncedFiles", MatchAnnouncedFiles.create());
        }
      };
    }
    listing = listing.withPollInterval(watch.pollInterval());
    return watch.stopWhenIdle() == null ? listing : listing.withStopWhenIdleFor(watch.stopWhenIdle());
  }

  /**
   * Starts a pipeline that watches its landing zone. A runner that cannot run, in a streaming pipeline,
   * the splittable DoFns that read files or the timers of the window-by-window steps (the classic Spark
   * runner: which one its translator meets first depends on the graph) fails deep inside its translator;
   * this says what is wrong and what to do instead.
   *
   * @throws UnsupportedOperationException when the runner cannot watch files
   */
  public static PipelineResult start(Pipeline pipeline) {
    try {
      return pipeline.run();
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        String message = String.valueOf(cause.getMessage());
        if (message.contains("splittable DoFn") || message.contains("cannot yet be used with timers")) {
          throw new UnsupportedOperationException("--streaming: runner "
              + pipeline.getOptions().getRunner().getSimpleName() + " cannot watch a landing zone (it cannot run"
              + " the splittable DoFns that read files, or the timers that decide window by window, in a streaming"
              + " pipeline; the classic Spark runner is one such)."
              + " Watch with the Flink, Direct or Dataflow runner, or run in batch (--streaming=false).", e);
        }
      }
      throw e;
    }
  }

  /**
   * The watch the options ask for, or null for a batch run.
   *
   * @throws IllegalArgumentException naming the option that is out of range
   */
  public static @Nullable LandingWatch from(WatchOptions options) {
    if (!options.isStreaming()) {
      return null;
    }
    if (options.getPollIntervalSeconds() <= 0) {
      throw new IllegalArgumentException("--pollIntervalSeconds must be positive");
    }
    if (options.getWindowSeconds() <= 0) {
      throw new IllegalArgumentException("--windowSeconds must be positive");
    }
    if (options.getStopWhenIdleSeconds() < 0) {
      throw new IllegalArgumentException("--stopWhenIdleSeconds must be 0 (never) or positive");
    }
    LandingWatch watch = of(Duration.standardSeconds(options.getPollIntervalSeconds()),
        Duration.standardSeconds(options.getWindowSeconds()),
        options.getStopWhenIdleSeconds() == 0 ? null : Duration.standardSeconds(options.getStopWhenIdleSeconds()));
    return options.getLandingNotifications().isBlank() ? watch
        : watch.withNotifications(options.getLandingNotifications().strip());
  }
}
