package io.carelake.schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/**
 * A landing file that is not read as a whole: its name breaks the landing contract or its client is
 * unknown ({@code rejected}), or it cannot be read (permissions, truncated gzip, not text: {@code failed}).
 * The error names the cause, never the content.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class FileProblem {
  public abstract LandingFile file();

  /** {@link FileAudit#REJECTED} or {@link FileAudit#FAILED}. */
  public abstract String status();

  /** A machine-readable code, a colon and a short explanation, e.g. {@code name.contract: ...}. */
  public abstract String error();

  public static FileProblem rejected(LandingFile file, String error) {
    return new AutoValue_FileProblem(file, FileAudit.REJECTED, error);
  }

  public static FileProblem failed(LandingFile file, String error) {
    return new AutoValue_FileProblem(file, FileAudit.FAILED, error);
  }
}
