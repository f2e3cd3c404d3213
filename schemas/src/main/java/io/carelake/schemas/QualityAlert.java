package io.carelake.schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/** A data-quality alert: a file whose share of invalid rows is above its client's threshold. */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class QualityAlert {
  public static final String INVALID_RATIO = "invalid_ratio";

  public abstract String runId();

  public abstract String pipeline();

  public abstract String alertType();

  public abstract @Nullable String clientId();

  public abstract String file();

  public abstract long rowsRead();

  public abstract long quarantined();

  public abstract double invalidRatio();

  public abstract double threshold();

  public abstract Instant raisedAt();

  /** Outcome of the webhook POST ({@code delivered 200}, {@code failed ...}), or null with no webhook. */
  public abstract @Nullable String delivery();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_QualityAlert.Builder().setAlertType(INVALID_RATIO);
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setRunId(String runId);

    public abstract Builder setPipeline(String pipeline);

    public abstract Builder setAlertType(String alertType);

    public abstract Builder setClientId(@Nullable String clientId);

    public abstract Builder setFile(String file);

    public abstract Builder setRowsRead(long rowsRead);

    public abstract Builder setQuarantined(long quarantined);

    public abstract Builder setInvalidRatio(double invalidRatio);

    public abstract Builder setThreshold(double threshold);

    public abstract Builder setRaisedAt(Instant raisedAt);

    public abstract Builder setDelivery(@Nullable String delivery);

    public abstract QualityAlert build();
  }
}
