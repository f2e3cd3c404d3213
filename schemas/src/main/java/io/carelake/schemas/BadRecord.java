package io.carelake.schemas;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * The dead-letter envelope shared by every stage of every pipeline. It keeps the original payload, so the
 * quarantine zone it is written to is the one restricted zone of the lake.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class BadRecord {
  public abstract String getPipeline();

  /** The step that rejected the record, for example {@code parse} or {@code validate}. */
  public abstract String getStage();

  /** Every rule the record broke, in rule order. Never empty. */
  public abstract List<Violation> getViolations();

  public abstract String getSourceFile();

  /** 1-based line of the record's first physical line, or null where the source has no lines. */
  public abstract @Nullable Long getLineNumber();

  /** Byte offset of the record in the source, where the source has no lines. */
  public abstract @Nullable Long getByteOffset();

  public abstract @Nullable String getClientId();

  public abstract String getRunId();

  /** The record as it was read (a CSV line, a JSON object). */
  public abstract @Nullable String getPayload();

  public abstract Instant getRecordedAt();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_BadRecord.Builder();
  }

  /** The rule ids, in order: handy for tests and for counting failures per rule. */
  public List<String> ruleIds() {
    return getViolations().stream().map(Violation::getRuleId).collect(java.util.stream.Collectors.toList());
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setPipeline(String pipeline);

    public abstract Builder setStage(String stage);

    public abstract Builder setViolations(List<Violation> violations);

    public abstract Builder setSourceFile(String sourceFile);

    public abstract Builder setLineNumber(@Nullable Long lineNumber);

    public abstract Builder setByteOffset(@Nullable Long byteOffset);

    public abstract Builder setClientId(@Nullable String clientId);

    public abstract Builder setRunId(String runId);

    public abstract Builder setPayload(@Nullable String payload);

    public abstract Builder setRecordedAt(Instant recordedAt);

    abstract BadRecord autoBuild();

    public BadRecord build() {
      BadRecord record = autoBuild();
      if (record.getViolations().isEmpty()) {
        throw new IllegalStateException("a bad record needs at least one violation");
      }
      return record;
    }
  }
}
