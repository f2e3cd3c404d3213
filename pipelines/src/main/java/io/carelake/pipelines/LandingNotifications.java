package io.carelake.pipelines;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * A source of new-file notifications for a streaming run, instead of listing the landing zone: Cloud
 * Storage notifications through Pub/Sub on Dataflow. Implementations are services of the runner jars
 * that can read them ({@code META-INF/services}), so no messaging client is a dependency of the
 * pipelines.
 */
public interface LandingNotifications {
  /** Whether this source reads {@code subscription}, such as {@code projects/p/subscriptions/s}. */
  boolean reads(String subscription);

  /** The paths of the files announced in {@code landingDir} (not in its sub-folders), each once. */
  PTransform<PBegin, PCollection<String>> newFiles(String subscription, String landingDir);

  /**
   * The source on the class path that reads {@code subscription}.
   *
   * @throws IllegalArgumentException when none does, naming what is available
   */
  static LandingNotifications forSubscription(String subscription) {
    List<LandingNotifications> sources = StreamSupport
        .stream(ServiceLoader.load(LandingNotifications.class).spliterator(), false)
        .collect(Collectors.toList());
    return sources.stream().filter(source -> source.reads(subscription)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--landingNotifications: no notification source for "
            + subscription + (sources.isEmpty()
                ? " in this jar; Pub/Sub notifications are read by the Dataflow runner jar"
                : "; expected projects/<project>/subscriptions/<subscription>")));
  }
}
