package io.carelake.schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/**
 * A landing file that is not read as a whole: its name breaks the landing contract or its client is
 * unknown ({@code rejected}), it cannot be read (permissions, truncated gzip, not text: {@code failed}),
 * or its content was already processed ({@code skipped_duplicate}). The error names the cause, never
 * the content.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class FileProblem {
  public abstract LandingFile getFile();

  /** {@link FileAudit#REJECTED}, {@link FileAudit#FAILED} or {@link FileAudit#SKIPPED_DUPLICATE}. */
  public abstract String getStatus();

  /** A machine-readable code, a colon and a short explanation, e.g. {@code name.contract: ...}. */
  public abstract String getError();

  public static FileProblem rejected(LandingFile file, String error) {
    return new AutoValue_FileProblem(file, FileAudit.REJECTED, error);
  }

  public static FileProblem failed(LandingFile file, String error) {
    return new AutoValue_FileProblem(file, FileAudit.FAILED, error);
  }

  public static FileProblem skippedDuplicate(LandingFile file, String reason) {
    return new AutoValue_FileProblem(file, FileAudit.SKIPPED_DUPLICATE, reason);
  }
}
