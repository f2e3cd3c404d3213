package io.carelake.schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One broken rule: a machine-readable rule id (for example {@code phone.format}), the field it concerns
 * and a human reason. Reasons describe the rule, never the value, so they are safe to show.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class Violation {
  public abstract String getRuleId();

  public abstract @Nullable String getField();

  public abstract String getReason();

  public static Violation of(String ruleId, @Nullable String field, String reason) {
    return new AutoValue_Violation(ruleId, field, reason);
  }
}
