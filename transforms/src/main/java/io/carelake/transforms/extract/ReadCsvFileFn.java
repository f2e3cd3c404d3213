package io.carelake.transforms.extract;

import io.carelake.schemas.BadRecord;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SourceRecord;
import io.carelake.schemas.Violation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/** Reads one CSV landing file: its header first, then each record as a source record or a bad record. */
final class ReadCsvFileFn extends DoFn<LandingFile, SourceRecord> {
  private static final char REPLACEMENT_CHARACTER = '\uFFFD';

  private final String pipeline;
  private final String runId;
  private final char delimiter;
  private final String charset;
  private final int maxRecordChars;
  private final TupleTag<SourceRecord> records;
  private final TupleTag<BadRecord> failures;
  private final TupleTag<FileProblem> fileProblems;
  private final Counter recordsRead = Metrics.counter(ReadCsvRecords.class, "records_read");
  private final Counter badRecords = Metrics.counter(ReadCsvRecords.class, "bad_records");
  private final Counter failedFiles = Metrics.counter(ReadCsvRecords.class, "files_failed");
  private transient CsvFieldParser fieldParser;

  ReadCsvFileFn(String pipeline, String runId, char delimiter, String charset, int maxRecordChars,
      TupleTag<SourceRecord> records, TupleTag<BadRecord> failures, TupleTag<FileProblem> fileProblems) {
    this.pipeline = pipeline;
    this.runId = runId;
    this.delimiter = delimiter;
    this.charset = charset;
    this.maxRecordChars = maxRecordChars;
    this.records = records;
    this.failures = failures;
    this.fileProblems = fileProblems;
  }

  @Setup
  public void setup() {
    fieldParser = new CsvFieldParser(delimiter);
  }

  @ProcessElement
  public void process(@Element LandingFile file, MultiOutputReceiver out) {
    try (Reader text = LandingFileInput.openText(file, Charset.forName(charset))) {
      CsvRecordSplitter splitter = new CsvRecordSplitter(text, delimiter, maxRecordChars);
      List<String> header = new ArrayList<>();
      String headerProblem = readHeader(splitter.next(), header);
      if (headerProblem != null) {
        fail(file, headerProblem, out);
        return;
      }
      for (RawCsvRecord raw = splitter.next(); raw != null; raw = splitter.next()) {
        emit(file, header, raw, out);
      }
    } catch (IOException e) {
      fail(file, LandingFileInput.describe(file, e), out);
    }
  }

  /** Fills {@code header} with the trimmed column names; returns why the file cannot be read by it, or null. */
  private @Nullable String readHeader(@Nullable RawCsvRecord record, List<String> header) {
    if (record == null) {
      return CsvRules.NO_HEADER + ": file has no header record";
    }
    List<Violation> violations = new ArrayList<>();
    Optional<List<String>> names = parse(record, violations);
    if (!violations.isEmpty()) {
      return CsvRules.HEADER_MALFORMED + ": header breaks " + String.join(", ", ruleIds(violations));
    }
    // Problems name column positions, not names: a file delivered without header has data there.
    Map<String, Integer> columns = new HashMap<>();
    for (String name : names.orElseThrow()) {
      String trimmed = name.trim();
      int column = header.size() + 1;
      if (trimmed.isEmpty()) {
        return CsvRules.HEADER_BLANK + ": column " + column + " has no name";
      }
      Integer first = columns.putIfAbsent(trimmed, column);
      if (first != null) {
        return CsvRules.HEADER_DUPLICATE + ": columns " + first + " and " + column + " have the same name";
      }
      header.add(trimmed);
    }
    return null;
  }

  private void emit(LandingFile file, List<String> header, RawCsvRecord raw, MultiOutputReceiver out) {
    recordsRead.inc();
    List<Violation> violations = new ArrayList<>();
    Optional<List<String>> values = parse(raw, violations);
    if (values.isPresent() && values.get().size() != header.size()) {
      violations.add(Violation.of(CsvRules.COLUMN_COUNT, null,
          "expected " + header.size() + " fields, found " + values.get().size()));
    }
    if (violations.isEmpty()) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        fields.put(header.get(i), values.get().get(i));
      }
      out.get(records).output(
          SourceRecord.of(file, raw.lineNumber(), Collections.unmodifiableMap(fields), raw.text()));
    } else {
      badRecords.inc();
      out.get(failures).output(BadRecord.builder()
          .setPipeline(pipeline)
          .setStage(ReadCsvRecords.STAGE)
          .setViolations(violations)
          .setSourceFile(file.getName())
          .setLineNumber(raw.lineNumber())
          .setClientId(file.getClientId())
          .setRunId(runId)
          .setPayload(raw.text())
          .setRecordedAt(Instant.now())
          .build());
    }
  }

  /** The record's values, adding to {@code violations} every record rule its text breaks. */
  private Optional<List<String>> parse(RawCsvRecord raw, List<Violation> violations) {
    if (raw.text().indexOf(REPLACEMENT_CHARACTER) >= 0) {
      violations.add(Violation.of(CsvRules.ENCODING, null, "text is not valid " + charset));
    }
    switch (raw.ending()) {
      case TOO_LARGE:
        violations.add(Violation.of(CsvRules.RECORD_TOO_LARGE, null,
            "record is longer than " + maxRecordChars + " characters"));
        return Optional.empty();
      case UNTERMINATED_QUOTE:
        violations.add(Violation.of(CsvRules.UNTERMINATED_QUOTE, null,
            "quoted field is not closed before the end of the file"));
        return Optional.empty();
      case COMPLETE:
        Optional<List<String>> values = fieldParser.parse(raw.text());
        if (values.isEmpty()) {
          violations.add(Violation.of(CsvRules.MALFORMED, null, "record is not valid RFC 4180 CSV"));
        }
        return values;
      default:
        throw new IllegalStateException("unknown record ending " + raw.ending());
    }
  }

  private void fail(LandingFile file, String problem, MultiOutputReceiver out) {
    failedFiles.inc();
    out.get(fileProblems).output(FileProblem.failed(file, problem));
  }

  private static List<String> ruleIds(List<Violation> violations) {
    List<String> ids = new ArrayList<>();
    for (Violation violation : violations) {
      ids.add(violation.getRuleId());
    }
    return ids;
  }
}
