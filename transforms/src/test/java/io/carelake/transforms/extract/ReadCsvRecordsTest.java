package io.carelake.transforms.extract;

import static io.carelake.transforms.extract.LandingFixtures.atEpoch;
import static io.carelake.transforms.extract.LandingFixtures.concat;
import static io.carelake.transforms.extract.LandingFixtures.gzip;
import static io.carelake.transforms.extract.LandingFixtures.landed;
import static io.carelake.transforms.extract.LandingFixtures.utf8;
import static io.carelake.transforms.extract.LandingFixtures.write;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.carelake.schemas.BadRecord;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import io.carelake.schemas.SourceRecord;
import io.carelake.schemas.Violation;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.joda.time.Instant;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class ReadCsvRecordsTest {
  private static final String PIPELINE = "members";
  private static final String RUN_ID = "run-2025-01-31";

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder landing = new TemporaryFolder();

  private CsvReadResult read(ReadCsvRecords reading, LandingFile... files) {
    return p.apply(Create.of(List.of(files)).withCoder(SchemaCoders.of(LandingFile.class))).apply(reading);
  }

  private CsvReadResult read(LandingFile... files) {
    return read(ReadCsvRecords.of(PIPELINE, RUN_ID), files);
  }

  /** Fields in header order from alternating names and values. */
  private static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  private static BadRecord parseFailure(LandingFile file, long line, String payload, Violation... violations) {
    return BadRecord.builder()
        .setPipeline(PIPELINE)
        .setStage("parse")
        .setViolations(Arrays.asList(violations))
        .setSourceFile(file.getName())
        .setLineNumber(line)
        .setClientId("acme")
        .setRunId(RUN_ID)
        .setPayload(payload)
        .setRecordedAt(new Instant(0))
        .build();
  }

  private static Violation columnCount(int expected, int found) {
    return Violation.of("csv.column_count", null, "expected " + expected + " fields, found " + found);
  }

  private static final Violation NOT_UTF8 = Violation.of("csv.encoding", null, "text is not valid UTF-8");

  @Test
  public void quotedFieldsKeepTheirLineNumbersAndOriginalText() {
    LandingFile file = landed(write(landing, "acme_20250131.csv",
        "member_id,name,note\n"
            + "1,\"Smith, Ann\",\"said \"\"hi\"\"\"\n"
            + "2,\"Lee\nBo\",plain\n"
            + "\n"
            + "3, Kim ,\"two\n\nline breaks\"\n"
            + "4,Park,\n"));

    CsvReadResult result = read(file);

    PAssert.that(result.records()).containsInAnyOrder(
        SourceRecord.of(file, 2, fields("member_id", "1", "name", "Smith, Ann", "note", "said \"hi\""),
            "1,\"Smith, Ann\",\"said \"\"hi\"\"\""),
        SourceRecord.of(file, 3, fields("member_id", "2", "name", "Lee\nBo", "note", "plain"),
            "2,\"Lee\nBo\",plain"),
        SourceRecord.of(file, 6, fields("member_id", "3", "name", " Kim ", "note", "two\n\nline breaks"),
            "3, Kim ,\"two\n\nline breaks\""),
        SourceRecord.of(file, 9, fields("member_id", "4", "name", "Park", "note", ""), "4,Park,"));
    PAssert.that(result.failures()).empty();
    PAssert.that(result.fileProblems()).empty();
    p.run();
  }

  @Test
  public void byteOrderMarkAndCrlfAreNotPartOfTheData() {
    LandingFile file = landed(write(landing, "acme_20250131.csv",
        "\uFEFF member_id ,name\r\n1,Ann\r\n2,\"B\r\nC\"\r\n"));

    CsvReadResult result = read(file);

    PAssert.that(result.records()).containsInAnyOrder(
        SourceRecord.of(file, 2, fields("member_id", "1", "name", "Ann"), "1,Ann"),
        SourceRecord.of(file, 3, fields("member_id", "2", "name", "B\r\nC"), "2,\"B\r\nC\""));
    PAssert.that(result.failures()).empty();
    PAssert.that(result.fileProblems()).empty();
    p.run();
  }

  @Test
  public void recordsWithTheWrongNumberOfFieldsAreBadRecordsAndCounted() {
    LandingFile file = landed(write(landing, "acme_20250131.csv",
        "member_id,name,city\n1,Ann\n2,Bo,Troy,NY\n3,Cy,Rome\n"));

    CsvReadResult result = read(file);

    PAssert.that(result.records()).containsInAnyOrder(
        SourceRecord.of(file, 4, fields("member_id", "3", "name", "Cy", "city", "Rome"), "3,Cy,Rome"));
    PAssert.that(result.failures().apply(atEpoch())).containsInAnyOrder(
        parseFailure(file, 2, "1,Ann", columnCount(3, 2)),
        parseFailure(file, 3, "2,Bo,Troy,NY", columnCount(3, 4)));
    PAssert.that(result.fileProblems()).empty();
    PipelineResult run = p.run();

    assertThat(counter(run, "records_read"), equalTo(3L));
    assertThat(counter(run, "bad_records"), equalTo(2L));
  }

  @Test
  public void invalidUtf8BytesAreReportedWithEveryOtherViolationOfTheRecord() {
    byte[] content = concat(concat(utf8("member_id,name\n1,Ann\n2,B"), new byte[] {(byte) 0xC3, 0x28}),
        concat(utf8("o\n3,C"), concat(new byte[] {(byte) 0xFF}, utf8(",extra\n4,Di\n"))));
    LandingFile file = landed(write(landing, "acme_20250131.csv", content));

    CsvReadResult result = read(file);

    PAssert.that(result.records()).containsInAnyOrder(
        SourceRecord.of(file, 2, fields("member_id", "1", "name", "Ann"), "1,Ann"),
        SourceRecord.of(file, 5, fields("member_id", "4", "name", "Di"), "4,Di"));
    PAssert.that(result.failures().apply(atEpoch())).containsInAnyOrder(
        parseFailure(file, 3, "2,B\uFFFD(o", NOT_UTF8),
        parseFailure(file, 4, "3,C\uFFFD,extra", NOT_UTF8, columnCount(2, 3)));
    PAssert.that(result.fileProblems()).empty();
    p.run();
  }

  @Test
  public void recordLongerThanTheLimitIsCutAndReadingResumesOnTheNextLine() {
    LandingFile file = landed(write(landing, "acme_20250131.csv",
        "member_id,note\n1,short\n2,far too long for the limit\n3,ok\n"));

    CsvReadResult result = read(ReadCsvRecords.of(PIPELINE, RUN_ID).withMaxRecordChars(15), file);

    PAssert.that(result.records()).containsInAnyOrder(
        SourceRecord.of(file, 2, fields("member_id", "1", "note", "short"), "1,short"),
        SourceRecord.of(file, 4, fields("member_id", "3", "note", "ok"), "3,ok"));
    PAssert.that(result.failures().apply(atEpoch())).containsInAnyOrder(
        parseFailure(file, 3, "2,far too long ",
            Violation.of("csv.record_too_large", null, "record is longer than 15 characters")));
    PAssert.that(result.fileProblems()).empty();
    p.run();
  }

  @Test
  public void quoteLeftOpenAtTheEndOfTheFileIsABadRecord() {
    LandingFile file = landed(write(landing, "acme_20250131.csv",
        "member_id,note\n1,ok\n2,\"never closed\n3,swallowed\n"));

    CsvReadResult result = read(file);

    PAssert.that(result.records()).containsInAnyOrder(
        SourceRecord.of(file, 2, fields("member_id", "1", "note", "ok"), "1,ok"));
    PAssert.that(result.failures().apply(atEpoch())).containsInAnyOrder(
        parseFailure(file, 3, "2,\"never closed\n3,swallowed\n", Violation.of("csv.unterminated_quote", null,
            "quoted field is not closed before the end of the file")));
    PAssert.that(result.fileProblems()).empty();
    p.run();
  }

  @Test
  public void textAfterAClosingQuoteIsMalformed() {
    LandingFile file = landed(write(landing, "acme_20250131.csv",
        "member_id,name\n1,\"Ann\"e\n2,Bo\n"));

    CsvReadResult result = read(file);

    PAssert.that(result.records()).containsInAnyOrder(
        SourceRecord.of(file, 3, fields("member_id", "2", "name", "Bo"), "2,Bo"));
    PAssert.that(result.failures().apply(atEpoch())).containsInAnyOrder(
        parseFailure(file, 2, "1,\"Ann\"e",
            Violation.of("csv.malformed", null, "record is not valid RFC 4180 CSV")));
    PAssert.that(result.fileProblems()).empty();
    p.run();
  }

  @Test
  public void headerOnlyFileHasNoRecordsAndNoProblem() {
    LandingFile file = landed(write(landing, "acme_20250131.csv", "member_id,name\r\n"));

    CsvReadResult result = read(file);

    PAssert.that(result.records()).empty();
    PAssert.that(result.failures()).empty();
    PAssert.that(result.fileProblems()).empty();
    p.run();
  }

  @Test
  public void filesWithoutAUsableHeaderAreFileProblemsWithNoRecords() {
    LandingFile empty = landed(write(landing, "acme_20250131.csv", ""));
    LandingFile blankLines = landed(write(landing, "acme_20250131_2.csv", "\r\n\n"));
    LandingFile duplicate = landed(write(landing, "acme_20250131_3.csv", "member_id,name, member_id\n1,Ann,1\n"));
    LandingFile blankName = landed(write(landing, "acme_20250131_4.csv", "member_id,  ,name\n1,x,Ann\n"));
    LandingFile openQuote = landed(write(landing, "acme_20250131_5.csv", "member_id,\"name\n"));

    CsvReadResult result = read(empty, blankLines, duplicate, blankName, openQuote);

    PAssert.that(result.records()).empty();
    PAssert.that(result.failures()).empty();
    PAssert.that(result.fileProblems()).containsInAnyOrder(
        FileProblem.failed(empty, "csv.no_header: file has no header record"),
        FileProblem.failed(blankLines, "csv.no_header: file has no header record"),
        FileProblem.failed(duplicate, "csv.header_duplicate: columns 1 and 3 have the same name"),
        FileProblem.failed(blankName, "csv.header_blank: column 2 has no name"),
        FileProblem.failed(openQuote, "csv.header_malformed: header breaks csv.unterminated_quote"));
    p.run();
  }

  @Test
  public void gzippedFileIsDecompressed() {
    LandingFile file = landed(write(landing, "acme_20250131.csv.gz", gzip(utf8("member_id,name\n1,Ann\n"))));

    CsvReadResult result = read(file);

    PAssert.that(result.records()).containsInAnyOrder(
        SourceRecord.of(file, 2, fields("member_id", "1", "name", "Ann"), "1,Ann"));
    PAssert.that(result.failures()).empty();
    PAssert.that(result.fileProblems()).empty();
    p.run();
  }

  @Test
  public void truncatedGzipIsAFileProblem() {
    byte[] compressed = gzip(utf8("member_id,name\n1,Ann\n"));
    LandingFile file = landed(write(landing, "acme_20250131.csv.gz", Arrays.copyOf(compressed, 12)));

    CsvReadResult result = read(file);

    PAssert.that(result.records()).empty();
    PAssert.that(result.failures()).empty();
    PAssert.that(result.fileProblems()).containsInAnyOrder(
        FileProblem.failed(file, "read.gzip: truncated or corrupt gzip stream"));
    p.run();
  }

  @Test
  public void fileThatCannotBeOpenedIsAFileProblem() {
    File gone = write(landing, "acme_20250131.csv", "member_id\n1\n");
    LandingFile listed = landed(gone);
    gone.delete();

    CsvReadResult result = read(listed);

    PAssert.that(result.records()).empty();
    PAssert.that(result.failures()).empty();
    PAssert.that(result.fileProblems()).containsInAnyOrder(
        FileProblem.failed(listed, "read.io: FileNotFoundException"));
    p.run();
  }

  @Test
  public void fileWithoutReadPermissionIsAFileProblem() {
    File locked = write(landing, "acme_20250131.csv", "member_id\n1\n");
    Assume.assumeTrue("cannot take read permission away", locked.setReadable(false, false));
    // Root reads any file whatever its permissions.
    Assume.assumeFalse("this user reads unreadable files", Files.isReadable(locked.toPath()));
    LandingFile listed = landed(locked);

    CsvReadResult result = read(listed);

    PAssert.that(result.records()).empty();
    PAssert.that(result.fileProblems()).containsInAnyOrder(
        FileProblem.failed(listed, "read.io: FileNotFoundException"));
    p.run();
  }

  @Test
  public void delimiterAndCharsetAreConfigurable() {
    LandingFile file = landed(write(landing, "acme_20250131.csv",
        "member_id|name\n1|Jos\u00e9 \"Pepe\"\n".getBytes(StandardCharsets.ISO_8859_1)));

    CsvReadResult result = read(
        ReadCsvRecords.of(PIPELINE, RUN_ID).withDelimiter('|').withCharset("ISO-8859-1"), file);

    PAssert.that(result.records()).containsInAnyOrder(SourceRecord.of(
        file, 2, fields("member_id", "1", "name", "Jos\u00e9 \"Pepe\""), "1|Jos\u00e9 \"Pepe\""));
    PAssert.that(result.failures()).empty();
    PAssert.that(result.fileProblems()).empty();
    p.run();
  }

  private static long counter(PipelineResult run, String name) {
    MetricQueryResults metrics = run.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(ReadCsvRecords.class, name)).build());
    long total = 0;
    for (MetricResult<Long> counter : metrics.getCounters()) {
      total += counter.getAttempted();
    }
    return total;
  }
}
