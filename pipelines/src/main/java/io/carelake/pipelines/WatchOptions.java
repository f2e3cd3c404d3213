package io.carelake.pipelines;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.StreamingOptions;

/**
 * Options of a file-driven pipeline that can watch its landing zone: with {@code --streaming=true} the
 * zone is polled and files flow through the pipeline as they arrive.
 */
public interface WatchOptions extends StreamingOptions {
  @Description("Streaming only: how often the landing zone is listed for new files, in seconds.")
  @Default.Long(30)
  long getPollIntervalSeconds();

  void setPollIntervalSeconds(long value);

  @Description("Streaming only: files found within one window of this many seconds are processed together,"
      + " and bronze, quarantine, audit, alerts and silver changes are written once per window.")
  @Default.Long(60)
  long getWindowSeconds();

  void setWindowSeconds(long value);

  @Description("Streaming only: stop watching, finish the open windows and end the run once no new file"
      + " has landed for this many seconds; 0 watches until the job is stopped.")
  @Default.Long(0)
  long getStopWhenIdleSeconds();

  void setStopWhenIdleSeconds(long value);

  @Description("Streaming only: a Pub/Sub subscription (projects/<project>/subscriptions/<name>) receiving the"
      + " Cloud Storage notifications (OBJECT_FINALIZE) of the landing bucket: files are taken as announced"
      + " instead of listing the landing zone. Read by the Dataflow runner jar. Empty: list the zone.")
  @Default.String("")
  String getLandingNotifications();

  void setLandingNotifications(String value);
}
