package io.carelake.runners.dataflow;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import io.carelake.pipelines.LandingNotifications;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessage;
import org.apache.beam.sdk.io.gcp.pubsub.PubsubMessageWithAttributesCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Cloud Storage notifications (attributes as Cloud Storage sends them) to announced landing files. */
@RunWith(JUnit4.class)
public class PubsubLandingNotificationsTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static PubsubMessage notification(String eventType, String bucket, String object, String generation) {
    return new PubsubMessage("{\"kind\":\"storage#object\"}".getBytes(StandardCharsets.UTF_8), Map.of(
        "notificationConfig", "projects/_/buckets/" + bucket + "/notificationConfigs/1",
        "eventType", eventType,
        "payloadFormat", "JSON_API_V1",
        "bucketId", bucket,
        "objectId", object,
        "objectGeneration", generation,
        "eventTime", "2025-03-01T09:00:07.123Z"));
  }

  @Test
  public void onlyNewObjectsDirectlyInTheLandingFolderAreAnnounced() {
    PubsubMessage roster = notification("OBJECT_FINALIZE", "plan-lake", "landing/members/acme_20250301.csv", "1740819607123456");
    PubsubMessage deleted = notification("OBJECT_DELETE", "plan-lake", "landing/members/acme_20250228.csv", "17");
    PubsubMessage inSubFolder = notification("OBJECT_FINALIZE", "plan-lake", "landing/members/tmp/acme_20250301.csv", "18");
    PubsubMessage otherZone = notification("OBJECT_FINALIZE", "plan-lake", "bronze/members/part-0.parquet", "19");
    PubsubMessage otherBucket = notification("OBJECT_FINALIZE", "other", "landing/members/acme_20250301.csv", "20");
    PubsubMessage metadataOnly = notification("OBJECT_METADATA_UPDATE", "plan-lake", "landing/members/acme_20250301.csv", "1740819607123456");

    PAssert.that(pipeline
            .apply(Create.of(roster, deleted, inSubFolder, otherZone, otherBucket, metadataOnly)
                .withCoder(PubsubMessageWithAttributesCoder.of()))
            .apply(ParDo.of(new PubsubLandingNotifications.NewLandingObjectFn("gs://plan-lake/landing/members"))))
        .containsInAnyOrder("gs://plan-lake/landing/members/acme_20250301.csv#1740819607123456");
    pipeline.run();
  }

  @Test
  public void pubsubSubscriptionsFindThisSource() {
    assertThat(LandingNotifications.forSubscription("projects/plan/subscriptions/landing"),
        instanceOf(PubsubLandingNotifications.class));
    assertThat(new PubsubLandingNotifications().reads("projects/plan/topics/landing"), is(false));
  }
}
