package io.carelake.transforms.extract;

import io.carelake.schemas.BadRecord;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SourceRecord;
import io.carelake.schemas.Violation;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.CoderProperties;
import org.joda.time.Instant;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class RecordCodersTest {
  private static final LandingFile LISTED =
      LandingFile.builder().setPath("/lake/landing/acme_20250131.csv").setName("acme_20250131.csv")
          .setSizeBytes(1234).build();
  private static final LandingFile FINGERPRINTED = LISTED.toBuilder()
      .setClientId("acme").setDeliveryDate("2025-01-31").setPart(2).setContentSha256("ab12").build();

  @Test
  public void landingFilesKeepEveryFieldAndCodeDeterministically() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(RecordCoders.landingFile(), LISTED);
    CoderProperties.coderDecodeEncodeEqual(RecordCoders.landingFile(), FINGERPRINTED);
    CoderProperties.coderDeterministic(RecordCoders.landingFile(), FINGERPRINTED, FINGERPRINTED);
  }

  @Test
  public void fileProblemsKeepTheirStatus() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(RecordCoders.fileProblem(),
        FileProblem.rejected(LISTED, "name.date: not a calendar date"));
    CoderProperties.coderDecodeEncodeEqual(RecordCoders.fileProblem(),
        FileProblem.failed(FINGERPRINTED, "read.io: FileNotFoundException"));
  }

  @Test
  public void sourceRecordsKeepFieldsAndRawText() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(RecordCoders.sourceRecord(),
        SourceRecord.of(FINGERPRINTED, 7, Map.of("member_id", "M1", "city", ""), "M1,"));
  }

  @Test
  public void badRecordsKeepEveryViolationAndCodeDeterministically() throws Exception {
    BadRecord full = BadRecord.builder()
        .setPipeline("members").setStage("parse")
        .setViolations(List.of(Violation.of("csv.encoding", null, "text is not valid UTF-8"),
            Violation.of("phone.format", "phone", "not a phone number")))
        .setSourceFile(LISTED.path()).setLineNumber(12L).setByteOffset(340L).setClientId("acme")
        .setRunId("run-1").setPayload("1,Ann").setRecordedAt(new Instant(1_700_000_000_000L))
        .build();
    BadRecord sparse = full.toBuilder()
        .setViolations(List.of(Violation.of("csv.malformed", null, "record is not valid RFC 4180 CSV")))
        .setLineNumber(null).setByteOffset(null).setClientId(null).setPayload(null).build();
    CoderProperties.coderDecodeEncodeEqual(RecordCoders.badRecord(), full);
    CoderProperties.coderDecodeEncodeEqual(RecordCoders.badRecord(), sparse);
    CoderProperties.coderDeterministic(RecordCoders.badRecord(), full, full);
  }
}
