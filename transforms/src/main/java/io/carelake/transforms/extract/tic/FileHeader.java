package io.carelake.transforms.extract.tic;

import com.google.auto.value.AutoValue;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The top-level scalar fields of an in-network file; any of them may be absent. */
@AutoValue
public abstract class FileHeader {
  public abstract @Nullable String reportingEntityName();

  public abstract @Nullable String reportingEntityType();

  public abstract @Nullable String planName();

  public abstract @Nullable String planIdType();

  public abstract @Nullable String planId();

  public abstract @Nullable String planSponsorName();

  public abstract @Nullable String issuerName();

  public abstract @Nullable String planMarketType();

  /** As written in the file. */
  public abstract @Nullable String lastUpdatedOnText();

  /** {@link #lastUpdatedOnText()} as an ISO date (yyyy-MM-dd), or null when it is not a date. */
  public abstract @Nullable String lastUpdatedOn();

  public abstract @Nullable String version();

  static Builder builder() {
    return new AutoValue_FileHeader.Builder();
  }

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setReportingEntityName(@Nullable String value);

    abstract Builder setReportingEntityType(@Nullable String value);

    abstract Builder setPlanName(@Nullable String value);

    abstract Builder setPlanIdType(@Nullable String value);

    abstract Builder setPlanId(@Nullable String value);

    abstract Builder setPlanSponsorName(@Nullable String value);

    abstract Builder setIssuerName(@Nullable String value);

    abstract Builder setPlanMarketType(@Nullable String value);

    abstract Builder setLastUpdatedOnText(@Nullable String value);

    abstract Builder setLastUpdatedOn(@Nullable String value);

    abstract Builder setVersion(@Nullable String value);

    abstract FileHeader build();
  }
}
