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

  public abstract String getRunId();

  public abstract String getPipeline();

  public abstract String getAlertType();

  public abstract @Nullable String getClientId();

  public abstract String getFile();

  public abstract long getRowsRead();

  public abstract long getQuarantined();

  public abstract double getInvalidRatio();

  public abstract double getThreshold();

  public abstract Instant getRaisedAt();

  /** Outcome of the webhook POST ({@code delivered 200}, {@code failed ...}), or null with no webhook. */
  public abstract @Nullable String getDelivery();

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
