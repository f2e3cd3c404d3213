package io.carelake.schemas;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCaseFormat;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.CaseFormat;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A file delivered to the landing zone, with what its name says under the landing contract
 * ({@code {client_id}_{delivery_date}[_{part}].csv}) and, once read, its content hash.
 */
@AutoValue
@DefaultSchema(AutoValueSchema.class)
@SchemaCaseFormat(CaseFormat.LOWER_UNDERSCORE)
public abstract class LandingFile {
  /** Full path, any Beam filesystem. */
  public abstract String getPath();

  /** The last path segment. */
  public abstract String getName();

  public abstract long getSizeBytes();

  public abstract @Nullable String getClientId();

  /** ISO date (yyyy-MM-dd) from the file name. */
  public abstract @Nullable String getDeliveryDate();

  /** The delivery's part number; 0 where the name has none. */
  public abstract int getPart();

  /** Hex SHA-256 of the file's bytes as delivered (before decompression). */
  public abstract @Nullable String getContentSha256();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_LandingFile.Builder().setPart(0);
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setPath(String path);

    public abstract Builder setName(String name);

    public abstract Builder setSizeBytes(long sizeBytes);

    public abstract Builder setClientId(@Nullable String clientId);

    public abstract Builder setDeliveryDate(@Nullable String deliveryDate);

    public abstract Builder setPart(int part);

    public abstract Builder setContentSha256(@Nullable String contentSha256);

    public abstract LandingFile build();
  }
}
