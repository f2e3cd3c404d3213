package io.carelake.transforms.extract;

import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import io.carelake.transforms.validate.FailableResult;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Watching a landing zone: each content is read once across windows, and never again after a restart. */
@RunWith(JUnit4.class)
public class SkipProcessedFilesStreamingTest {
  private static final Duration WINDOW = Duration.standardMinutes(1);
  private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");
  private static final IntervalWindow FIRST = new IntervalWindow(START, WINDOW);
  private static final IntervalWindow SECOND = new IntervalWindow(START.plus(WINDOW), WINDOW);

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static LandingFile file(String name, String hash) {
    return LandingFile.builder().setPath("/landing/" + name).setName(name).setSizeBytes(1)
        .setClientId("acme").setDeliveryDate("2025-03-01").setContentSha256(hash).build();
  }

  private static TimestampedValue<LandingFile> arriving(LandingFile file, IntervalWindow window) {
    return TimestampedValue.of(file, window.start().plus(Duration.standardSeconds(7)));
  }

  private FailableResult<LandingFile, FileProblem> skip(TestStream<LandingFile> files, boolean reprocess,
      List<KV<String, String>> audit) {
    PCollection<KV<String, String>> processed = pipeline.apply("Audit", Create.of(audit)
        .withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
    return pipeline.apply("Files", files)
        .apply("Windows", Window.into(FixedWindows.of(WINDOW)))
        .apply("Skip", SkipProcessedFiles.against(processed).withReprocess(reprocess));
  }

  @Test
  public void aContentIsReadOnceAcrossWindowsAndNotAgainAfterARestart() {
    LandingFile monday = file("acme_20250301.csv", "aa");
    LandingFile resentSameWindow = file("acme_20250301_2.csv", "aa");
    LandingFile resentLater = file("acme_20250302.csv", "aa");
    LandingFile processedBeforeRestart = file("acme_20250228.csv", "bb");
    LandingFile fresh = file("acme_20250303.csv", "cc");
    TestStream<LandingFile> files = TestStream.create(SchemaCoders.of(LandingFile.class))
        .advanceWatermarkTo(START)
        .addElements(arriving(resentSameWindow, FIRST), arriving(monday, FIRST), arriving(processedBeforeRestart, FIRST))
        .advanceWatermarkTo(SECOND.start())
        .addElements(arriving(resentLater, SECOND), arriving(fresh, SECOND))
        .advanceWatermarkToInfinity();

    FailableResult<LandingFile, FileProblem> result = skip(files, false,
        List.of(KV.of(SkipProcessedFiles.contentKey("acme", "bb"), "run-7"),
            KV.of(SkipProcessedFiles.contentKey("acme", "bb"), "run-3")));

    PAssert.that(result.output()).inWindow(FIRST).containsInAnyOrder(monday);
    PAssert.that(result.output()).inWindow(SECOND).containsInAnyOrder(fresh);
    PAssert.that(result.failures()).inWindow(FIRST).containsInAnyOrder(
        FileProblem.skippedDuplicate(resentSameWindow, "duplicate.content: same content as acme_20250301.csv in this run"),
        FileProblem.skippedDuplicate(processedBeforeRestart, "duplicate.content: this content was processed by run run-3"));
    PAssert.that(result.failures()).inWindow(SECOND).containsInAnyOrder(
        FileProblem.skippedDuplicate(resentLater, "duplicate.content: same content as acme_20250301.csv in this run"));
    pipeline.run();
  }

  @Test
  public void reprocessingReadsAContentOnceMore() {
    LandingFile processed = file("acme_20250228.csv", "bb");
    LandingFile resent = file("acme_20250301.csv", "bb");
    TestStream<LandingFile> files = TestStream.create(SchemaCoders.of(LandingFile.class))
        .advanceWatermarkTo(START)
        .addElements(arriving(processed, FIRST))
        .advanceWatermarkTo(SECOND.start())
        .addElements(arriving(resent, SECOND))
        .advanceWatermarkToInfinity();

    FailableResult<LandingFile, FileProblem> result = skip(files, true,
        List.of(KV.of(SkipProcessedFiles.contentKey("acme", "bb"), "run-3")));

    PAssert.that(result.output()).containsInAnyOrder(processed);
    PAssert.that(result.failures()).inWindow(SECOND).containsInAnyOrder(
        FileProblem.skippedDuplicate(resent, "duplicate.content: same content as acme_20250228.csv in this run"));
    pipeline.run();
  }
}
