package io.carelake.transforms.extract;

import io.carelake.schemas.BadRecord;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SourceRecord;
import io.carelake.schemas.Violation;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;

/** Reads one CSV landing file: its header first, then each record as a source record or a bad record. */
final class ReadCsvFileFn extends DoFn<LandingFile, SourceRecord> {
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
  private transient CsvFileReader reader;

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
    reader = new CsvFileReader(delimiter, Charset.forName(charset), maxRecordChars);
  }

  @ProcessElement
  public void process(@Element LandingFile file, MultiOutputReceiver out) {
    String problem = reader.read(file, new CsvFileReader.Records() {
      @Override
      public void record(long lineNumber, List<String> header, List<String> values, String text) {
        recordsRead.inc();
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          fields.put(header.get(i), values.get(i));
        }
        out.get(records).output(SourceRecord.of(file, lineNumber, Collections.unmodifiableMap(fields), text));
      }

      @Override
      public void badRecord(long lineNumber, List<Violation> violations, String text) {
        recordsRead.inc();
        badRecords.inc();
        out.get(failures).output(BadRecord.builder()
            .setPipeline(pipeline)
            .setStage(ReadCsvRecords.STAGE)
            .setViolations(violations)
            .setSourceFile(file.getName())
            .setLineNumber(lineNumber)
            .setClientId(file.getClientId())
            .setRunId(runId)
            .setPayload(text)
            .setRecordedAt(Instant.now())
            .build());
      }
    });
    if (problem != null) {
      failedFiles.inc();
      out.get(fileProblems).output(FileProblem.failed(file, problem));
    }
  }
}
