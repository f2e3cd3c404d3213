package io.carelake.pipelines;

import com.google.auto.value.AutoValue;
import java.io.Serializable;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/** How a streaming run watches its landing zone: poll interval, window, and when to stop. */
@AutoValue
public abstract class LandingWatch implements Serializable {
  public abstract Duration pollInterval();

  public abstract Duration window();

  /** Stop once no new file has landed for this long; null: watch until the job is stopped. */
  public abstract @Nullable Duration stopWhenIdle();

  public static LandingWatch of(Duration pollInterval, Duration window, @Nullable Duration stopWhenIdle) {
    return new AutoValue_LandingWatch(pollInterval, window, stopWhenIdle);
  }

  /**
   * Starts a pipeline that watches its landing zone. A runner that cannot run the splittable DoFn
   * behind the watch (the classic Spark runner) fails deep inside its translator; this says what is
   * wrong and what to do instead.
   *
   * @throws UnsupportedOperationException when the runner cannot watch files
   */
  public static PipelineResult start(Pipeline pipeline) {
    try {
      return pipeline.run();
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (String.valueOf(cause.getMessage()).contains("splittable DoFn")) {
          throw new UnsupportedOperationException("--streaming: runner "
              + pipeline.getOptions().getRunner().getSimpleName() + " cannot watch a landing zone (it does not"
              + " run the splittable DoFn that lists new files; the classic Spark runner is one such)."
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
    return of(Duration.standardSeconds(options.getPollIntervalSeconds()),
        Duration.standardSeconds(options.getWindowSeconds()),
        options.getStopWhenIdleSeconds() == 0 ? null : Duration.standardSeconds(options.getStopWhenIdleSeconds()));
  }
}
