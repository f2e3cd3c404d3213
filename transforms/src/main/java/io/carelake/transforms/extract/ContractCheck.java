package io.carelake.transforms.extract;

import com.google.auto.value.AutoValue;
import io.carelake.schemas.LandingFile;
import org.checkerframework.checker.nullness.qual.Nullable;

/** What the landing contract says of one file: the file with its name's fields filled in, or why not. */
@AutoValue
public abstract class ContractCheck {
  /** The file with client id, delivery date and part set; null when rejected. */
  public abstract @Nullable LandingFile file();

  /** A {@code code: explanation} rejection; null when accepted. */
  public abstract @Nullable String rejection();

  public boolean isAccepted() {
    return rejection() == null;
  }

  static ContractCheck accepted(LandingFile file) {
    return new AutoValue_ContractCheck(file, null);
  }

  static ContractCheck rejected(String rejection) {
    return new AutoValue_ContractCheck(null, rejection);
  }
}
