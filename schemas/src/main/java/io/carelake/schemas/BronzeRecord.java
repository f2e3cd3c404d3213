package io.carelake.schemas;

import com.google.auto.value.AutoValue;
import java.util.Map;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * A record as delivered, with its ingestion metadata: the bronze zone keeps every parsed row of every
 * file so that silver can be rebuilt, and any row traced back to its file and line.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class BronzeRecord {
  public abstract String getRunId();

  public abstract @Nullable String getClientId();

  public abstract String getSourceFile();

  public abstract long getLineNumber();

  public abstract Instant getIngestedAt();

  /** Hex SHA-256 of the record's original text: finds the same row delivered twice. */
  public abstract String getRecordSha256();

  /** Header name to raw value, as delivered. */
  public abstract Map<String, String> getFields();

  public static BronzeRecord of(String runId, @Nullable String clientId, String sourceFile, long lineNumber,
      Instant ingestedAt, String recordSha256, Map<String, String> fields) {
    return new AutoValue_BronzeRecord(runId, clientId, sourceFile, lineNumber, ingestedAt, recordSha256, fields);
  }
}
