package io.carelake.transforms.quality;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.carelake.schemas.FileAudit;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class AssembleFileAuditTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private static LandingFile file(String name) {
    return LandingFile.builder().setPath("/landing/" + name).setName(name).setSizeBytes(42)
        .setClientId("acme").setDeliveryDate("2025-03-01").setContentSha256("ab".repeat(32)).build();
  }

  @Test
  public void countsTalliesPerFileAndKeepsTheWorstProblem() {
    PCollection<LandingFile> read = pipeline.apply("Read",
        Create.of(file("acme_20250301.csv"), file("acme_20250302.csv")).withCoder(SchemaCoders.of(LandingFile.class)));
    PCollection<FileProblem> problems = pipeline.apply("Problems", Create.of(
        FileProblem.rejected(file("bad name.csv"), "name.contract: expected ..."),
        FileProblem.failed(file("acme_20250302.csv"), "read.io: IOException"),
        FileProblem.skippedDuplicate(file("acme_20250302.csv"), "duplicate.content: ..."))
        .withCoder(SchemaCoders.of(FileProblem.class)));
    // Counts of one file from several bundles: 3 read, 1 quarantined, 2 valid (1 inserted, 1 unchanged).
    PCollection<KV<String, KV<String, Long>>> tallies = pipeline.apply("Tallies", Create.of(
        FileTally.of("acme_20250301.csv", FileTally.READ, 2), FileTally.of("acme_20250301.csv", FileTally.READ, 1),
        FileTally.of("acme_20250301.csv", FileTally.QUARANTINED, 1),
        FileTally.of("acme_20250301.csv", FileTally.VALID, 2),
        FileTally.of("acme_20250301.csv", FileTally.INSERTED, 1), FileTally.of("acme_20250301.csv", FileTally.UNCHANGED, 1))
        .withCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))));

    PCollection<FileAudit> audit = AuditInputs.of(read, problems, tallies)
        .apply(AssembleFileAudit.forRun("members", "run-1", new Instant(0)));

    PAssert.that(audit).satisfies(rows -> {
      Map<String, FileAudit> byFile = new HashMap<>();
      rows.forEach(row -> byFile.put(row.getFile(), row));
      assertThat(byFile.size(), equalTo(3));
      FileAudit processed = byFile.get("acme_20250301.csv");
      assertThat(processed.getStatus(), equalTo(FileAudit.PROCESSED));
      assertThat(processed.getRowsRead(), equalTo(3L));
      assertThat(processed.getQuarantined(), equalTo(1L));
      assertThat(processed.getValid(), equalTo(2L));
      assertThat(processed.getInserted(), equalTo(1L));
      assertThat(processed.getUnchanged(), equalTo(1L));
      assertThat(processed.getContentSha256(), equalTo("ab".repeat(32)));
      assertThat(byFile.get("acme_20250302.csv").getStatus(), equalTo(FileAudit.FAILED));
      assertThat(byFile.get("acme_20250302.csv").getError(), equalTo("read.io: IOException"));
      assertThat(byFile.get("bad name.csv").getStatus(), equalTo(FileAudit.REJECTED));
      return null;
    });
    pipeline.run();
  }
}
