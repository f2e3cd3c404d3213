package io.carelake.transforms.extract;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.carelake.schemas.FileAudit;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.SchemaCoders;
import io.carelake.transforms.validate.FailableResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class SkipProcessedFilesTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static LandingFile file(String name, String hash) {
    return LandingFile.builder().setPath("/landing/" + name).setName(name).setSizeBytes(1)
        .setClientId("acme").setDeliveryDate("2025-03-01").setContentSha256(hash).build();
  }

  private PCollection<KV<String, String>> processed(KV<String, String>... hashToRun) {
    return pipeline.apply("Processed", Create.of(List.of(hashToRun))
        .withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
  }

  @SuppressWarnings("unchecked")
  @Test
  public void eachContentIsReadOnceAndEarlierRunsAreRemembered() {
    PCollection<LandingFile> files = pipeline.apply("Files", Create.of(
        file("acme_2025-03-01.csv", "h1"), file("acme_20250301.csv", "h1"), file("acme_20250302.csv", "h2"),
        file("acme_20250303.csv", "h3")).withCoder(SchemaCoders.of(LandingFile.class)));
    FailableResult<LandingFile, FileProblem> result = files.apply(SkipProcessedFiles.against(processed(KV.of(SkipProcessedFiles.contentKey("acme", "h3"), "run-0"))));

    PAssert.that(result.output()).containsInAnyOrder(file("acme_2025-03-01.csv", "h1"), file("acme_20250302.csv", "h2"));
    PAssert.that(result.failures()).satisfies(skipped -> {
      List<String> reasons = new ArrayList<>();
      skipped.forEach(problem -> {
        assertThat(problem.getStatus(), equalTo(FileAudit.SKIPPED_DUPLICATE));
        reasons.add(problem.getFile().getName() + " " + problem.getError());
      });
      assertThat(reasons, containsInAnyOrder(
          "acme_20250301.csv duplicate.content: same content as acme_2025-03-01.csv in this run",
          "acme_20250303.csv duplicate.content: this content was processed by run run-0"));
      return null;
    });
    pipeline.run();
  }

  @SuppressWarnings("unchecked")
  @Test
  public void reprocessingReadsContentAnEarlierRunProcessed() {
    PCollection<LandingFile> files = pipeline.apply("Files",
        Create.of(file("acme_20250303.csv", "h3")).withCoder(SchemaCoders.of(LandingFile.class)));
    FailableResult<LandingFile, FileProblem> result = files.apply(
        SkipProcessedFiles.against(processed(KV.of(SkipProcessedFiles.contentKey("acme", "h3"), "run-0"))).withReprocess(true));
    PAssert.that(result.output()).containsInAnyOrder(file("acme_20250303.csv", "h3"));
    PAssert.that(result.failures()).empty();
    pipeline.run();
  }
}
