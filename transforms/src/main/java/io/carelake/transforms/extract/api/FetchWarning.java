package io.carelake.transforms.extract.api;

import com.google.auto.value.AutoValue;
import io.carelake.schemas.LandingFile;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;

/**
 * A file that landed but is known to be incomplete, e.g. a query past the source's result cap that
 * could not be split ({@code source.truncated: ...}). The file is also in the landed output: a warning is
 * not a failure, and {@code FileProblem} has no status for "landed, but".
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class FetchWarning {
  public static final String TRUNCATED = "source.truncated";

  public abstract LandingFile getFile();

  /** A reason id, a colon and a short explanation that names no query value. */
  public abstract String getWarning();

  public static FetchWarning of(LandingFile file, String warning) {
    return new AutoValue_FetchWarning(file, warning);
  }
}
