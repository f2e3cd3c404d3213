package io.carelake.transforms.extract;

import io.carelake.schemas.BadRecord;
import io.carelake.schemas.FileAudit;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SourceRecord;
import io.carelake.schemas.Violation;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Schema coders of the records this package emits, with the snake_case field names their
 * {@code @SchemaCaseFormat} asks for.
 *
 * <p>The schemas are spelled out because Beam 2.62's {@code AutoValueSchema} only recognises
 * {@code getX()}/{@code isX()} accessors: on CareLake's plain {@code x()} accessors it infers an empty
 * schema, whose coder loses every field. Once the record types get a working {@code @DefaultSchema},
 * these coders should give way to the pipeline's schema registry.
 */
final class RecordCoders {
  private static final Schema LANDING_FILE = Schema.builder()
      .addStringField("path")
      .addStringField("name")
      .addInt64Field("size_bytes")
      .addNullableField("client_id", FieldType.STRING)
      .addNullableField("delivery_date", FieldType.STRING)
      .addInt32Field("part")
      .addNullableField("content_sha256", FieldType.STRING)
      .build();

  private static final Schema FILE_PROBLEM = Schema.builder()
      .addRowField("file", LANDING_FILE)
      .addStringField("status")
      .addStringField("error")
      .build();

  private static final Schema SOURCE_RECORD = Schema.builder()
      .addRowField("file", LANDING_FILE)
      .addInt64Field("line_number")
      .addMapField("fields", FieldType.STRING, FieldType.STRING)
      .addStringField("raw_text")
      .build();

  private static final Schema VIOLATION = Schema.builder()
      .addStringField("rule_id")
      .addNullableField("field", FieldType.STRING)
      .addStringField("reason")
      .build();

  private static final Schema BAD_RECORD = Schema.builder()
      .addStringField("pipeline")
      .addStringField("stage")
      .addArrayField("violations", FieldType.row(VIOLATION))
      .addStringField("source_file")
      .addNullableField("line_number", FieldType.INT64)
      .addNullableField("byte_offset", FieldType.INT64)
      .addNullableField("client_id", FieldType.STRING)
      .addStringField("run_id")
      .addNullableField("payload", FieldType.STRING)
      .addDateTimeField("recorded_at")
      .build();

  private RecordCoders() {}

  static SchemaCoder<LandingFile> landingFile() {
    return SchemaCoder.of(LANDING_FILE, TypeDescriptor.of(LandingFile.class),
        RecordCoders::landingFileRow, RecordCoders::landingFileOf);
  }

  static SchemaCoder<FileProblem> fileProblem() {
    return SchemaCoder.of(FILE_PROBLEM, TypeDescriptor.of(FileProblem.class),
        problem -> Row.withSchema(FILE_PROBLEM)
            .addValues(landingFileRow(problem.file()), problem.status(), problem.error())
            .build(),
        RecordCoders::fileProblemOf);
  }

  static SchemaCoder<SourceRecord> sourceRecord() {
    return SchemaCoder.of(SOURCE_RECORD, TypeDescriptor.of(SourceRecord.class),
        record -> Row.withSchema(SOURCE_RECORD)
            .addValues(landingFileRow(record.file()), record.lineNumber(), record.fields(), record.rawText())
            .build(),
        row -> SourceRecord.of(landingFileOf(row.getRow("file")), row.getInt64("line_number"),
            row.getMap("fields"), row.getString("raw_text")));
  }

  static SchemaCoder<BadRecord> badRecord() {
    return SchemaCoder.of(BAD_RECORD, TypeDescriptor.of(BadRecord.class),
        RecordCoders::badRecordRow, RecordCoders::badRecordOf);
  }

  private static Row landingFileRow(LandingFile file) {
    return Row.withSchema(LANDING_FILE)
        .addValues(file.path(), file.name(), file.sizeBytes(), file.clientId(), file.deliveryDate(),
            file.part(), file.contentSha256())
        .build();
  }

  private static LandingFile landingFileOf(Row row) {
    return LandingFile.builder()
        .setPath(row.getString("path"))
        .setName(row.getString("name"))
        .setSizeBytes(row.getInt64("size_bytes"))
        .setClientId(row.getString("client_id"))
        .setDeliveryDate(row.getString("delivery_date"))
        .setPart(row.getInt32("part"))
        .setContentSha256(row.getString("content_sha256"))
        .build();
  }

  private static FileProblem fileProblemOf(Row row) {
    LandingFile file = landingFileOf(row.getRow("file"));
    String status = row.getString("status");
    if (FileAudit.REJECTED.equals(status)) {
      return FileProblem.rejected(file, row.getString("error"));
    }
    if (FileAudit.FAILED.equals(status)) {
      return FileProblem.failed(file, row.getString("error"));
    }
    throw new IllegalStateException("a file problem is rejected or failed, not " + status);
  }

  private static Row badRecordRow(BadRecord record) {
    List<Row> violations = new ArrayList<>();
    for (Violation violation : record.violations()) {
      violations.add(Row.withSchema(VIOLATION)
          .addValues(violation.ruleId(), violation.field(), violation.reason()).build());
    }
    return Row.withSchema(BAD_RECORD)
        .addValues(record.pipeline(), record.stage(), violations, record.sourceFile(), record.lineNumber(),
            record.byteOffset(), record.clientId(), record.runId(), record.payload(), record.recordedAt())
        .build();
  }

  private static BadRecord badRecordOf(Row row) {
    List<Violation> violations = new ArrayList<>();
    for (Row violation : row.<Row>getArray("violations")) {
      violations.add(Violation.of(
          violation.getString("rule_id"), violation.getString("field"), violation.getString("reason")));
    }
    return BadRecord.builder()
        .setPipeline(row.getString("pipeline"))
        .setStage(row.getString("stage"))
        .setViolations(violations)
        .setSourceFile(row.getString("source_file"))
        .setLineNumber(row.getInt64("line_number"))
        .setByteOffset(row.getInt64("byte_offset"))
        .setClientId(row.getString("client_id"))
        .setRunId(row.getString("run_id"))
        .setPayload(row.getString("payload"))
        .setRecordedAt(row.getDateTime("recorded_at").toInstant())
        .build();
  }
}
