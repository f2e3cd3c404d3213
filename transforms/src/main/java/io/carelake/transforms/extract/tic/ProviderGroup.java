package io.carelake.transforms.extract.tic;

import com.google.auto.value.AutoValue;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The NPIs billing under one TIN. An NPI of 0 means the arrangement is at TIN level only (schema 2.x);
 * NPIs written as strings are read as numbers.
 */
@AutoValue
public abstract class ProviderGroup {
  /** Shared, not copied: callers must not change it. */
  @SuppressWarnings("mutable")
  public abstract long[] npis();

  public abstract @Nullable String tinType();

  public abstract @Nullable String tinValue();

  public abstract @Nullable String tinBusinessName();

  public static ProviderGroup of(long[] npis, @Nullable String tinType, @Nullable String tinValue,
      @Nullable String tinBusinessName) {
    return new AutoValue_ProviderGroup(npis, tinType, tinValue, tinBusinessName);
  }
}
