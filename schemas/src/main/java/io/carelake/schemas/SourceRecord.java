package io.carelake.schemas;

import com.google.auto.value.AutoValue;
import java.util.Map;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/**
 * One record of a delimited landing file, read by its header: column name to raw text, exactly as
 * delivered (no trimming), with where it came from and the original text for the quarantine zone.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class SourceRecord {
  public abstract LandingFile getFile();

  /** 1-based line of the record's first physical line (a quoted field may span several lines). */
  public abstract long getLineNumber();

  /** Header name to raw value. Empty cells are empty strings. */
  public abstract Map<String, String> getFields();

  /** The record's original text, without its line terminator. */
  public abstract String getRawText();

  public abstract Builder toBuilder();

  public static SourceRecord of(LandingFile file, long lineNumber, Map<String, String> fields, String rawText) {
    return new AutoValue_SourceRecord.Builder()
        .setFile(file).setLineNumber(lineNumber).setFields(fields).setRawText(rawText).build();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setFile(LandingFile file);

    public abstract Builder setLineNumber(long lineNumber);

    public abstract Builder setFields(Map<String, String> fields);

    public abstract Builder setRawText(String rawText);

    public abstract SourceRecord build();
  }
}
