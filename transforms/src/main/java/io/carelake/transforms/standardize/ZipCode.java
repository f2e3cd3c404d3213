package io.carelake.transforms.standardize;

import com.google.auto.value.AutoValue;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A US ZIP code: the 5-digit zip and, when known, the 4-digit add-on. */
@AutoValue
public abstract class ZipCode {
  public abstract String zip5();

  public abstract @Nullable String plus4();

  static ZipCode of(String zip5, @Nullable String plus4) {
    return new AutoValue_ZipCode(zip5, plus4);
  }
}
