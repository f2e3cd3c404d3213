package io.carelake.runners.dataflow;

import io.carelake.pipelines.LandingNotifications;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubIO;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.transforms.Deduplicate;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;

/**
 * New landing files from Cloud Storage notifications delivered through Pub/Sub: each
 * {@code OBJECT_FINALIZE} of an object directly in the landing folder announces that file. Pub/Sub
 * delivers at least once, so a notification seen again (same object and generation) is dropped; a new
 * generation of an object is a new delivery, which the content check after it recognises if it is the
 * same content.
 */
public final class PubsubLandingNotifications implements LandingNotifications {
  private static final Pattern SUBSCRIPTION = Pattern.compile("projects/[^/]+/subscriptions/[^/]+");

  @Override
  public boolean reads(String subscription) {
    return SUBSCRIPTION.matcher(subscription).matches();
  }

  @Override
  public PTransform<PBegin, PCollection<String>> newFiles(String subscription, String landingDir) {
    return new ReadAnnouncedFiles(subscription, landingDir);
  }

  private static final class ReadAnnouncedFiles extends PTransform<PBegin, PCollection<String>> {
    private final String subscription;
    private final String landingDir;

    ReadAnnouncedFiles(String subscription, String landingDir) {
      this.subscription = subscription;
      this.landingDir = landingDir;
    }

    @Override
    public PCollection<String> expand(PBegin begin) {
      return begin
          .apply("ReadStorageNotifications", PubsubIO.readMessagesWithAttributes().fromSubscription(subscription))
          .apply("NewObjectsInLanding", ParDo.of(new NewLandingObjectFn(landingDir)))
          .apply("OncePerGeneration", Deduplicate.values())
          .apply("ObjectPath", MapElements.into(TypeDescriptors.strings())
              .via(objectGeneration -> objectGeneration.substring(0, objectGeneration.lastIndexOf('#'))));
    }
  }

  /** {@code gs://bucket/object#generation} of each new object directly in the landing folder. */
  static final class NewLandingObjectFn extends DoFn<PubsubMessage, String> {
    private final String landingDir;

    NewLandingObjectFn(String landingDir) {
      this.landingDir = landingDir.endsWith("/") ? landingDir : landingDir + "/";
    }

    @ProcessElement
    public void process(@Element PubsubMessage message, @Timestamp Instant published, OutputReceiver<String> out) {
      Map<String, String> attributes = message.getAttributeMap();
      if (attributes == null || !"OBJECT_FINALIZE".equals(attributes.get("eventType"))
          || attributes.get("bucketId") == null || attributes.get("objectId") == null) {
        return;
      }
      String path = "gs://" + attributes.get("bucketId") + "/" + attributes.get("objectId");
      if (path.startsWith(landingDir) && path.indexOf('/', landingDir.length()) < 0
          && path.length() > landingDir.length()) {
        // Stamped when heard of, as a listing would: the landing windows then follow the processing
        // clock, and a notification delayed in Pub/Sub is never late for them.
        Instant now = Instant.now();
        out.outputWithTimestamp(path + "#" + attributes.getOrDefault("objectGeneration", ""),
            now.isAfter(published) ? now : published);
      }
    }
  }
}
