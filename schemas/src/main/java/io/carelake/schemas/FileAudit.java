package io.carelake.schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * One row of the audit table: what a run did with one landing file. Metadata only, never record
 * content: the error text names rules, columns and positions, not values.
 *
 * <p>For a {@code processed} file, {@code rowsRead = valid + quarantined} and
 * {@code valid = inserted + updated + unchanged}.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class FileAudit {
  public static final String PROCESSED = "processed";
  public static final String SKIPPED_DUPLICATE = "skipped_duplicate";
  public static final String REJECTED = "rejected";
  public static final String FAILED = "failed";

  public abstract String getRunId();

  public abstract String getPipeline();

  public abstract String getFile();

  public abstract @Nullable String getClientId();

  public abstract @Nullable String getContentSha256();

  public abstract long getSizeBytes();

  public abstract long getRowsRead();

  public abstract long getValid();

  public abstract long getQuarantined();

  public abstract long getInserted();

  public abstract long getUpdated();

  public abstract long getUnchanged();

  /** One of {@link #PROCESSED}, {@link #SKIPPED_DUPLICATE}, {@link #REJECTED}, {@link #FAILED}. */
  public abstract String getStatus();

  public abstract @Nullable String getError();

  public abstract Instant getStartedAt();

  public abstract Instant getEndedAt();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_FileAudit.Builder()
        .setRowsRead(0).setValid(0).setQuarantined(0).setInserted(0).setUpdated(0).setUnchanged(0);
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setRunId(String runId);

    public abstract Builder setPipeline(String pipeline);

    public abstract Builder setFile(String file);

    public abstract Builder setClientId(@Nullable String clientId);

    public abstract Builder setContentSha256(@Nullable String contentSha256);

    public abstract Builder setSizeBytes(long sizeBytes);

    public abstract Builder setRowsRead(long rowsRead);

    public abstract Builder setValid(long valid);

    public abstract Builder setQuarantined(long quarantined);

    public abstract Builder setInserted(long inserted);

    public abstract Builder setUpdated(long updated);

    public abstract Builder setUnchanged(long unchanged);

    public abstract Builder setStatus(String status);

    public abstract Builder setError(@Nullable String error);

    public abstract Builder setStartedAt(Instant startedAt);

    public abstract Builder setEndedAt(Instant endedAt);

    public abstract FileAudit build();
  }
}
