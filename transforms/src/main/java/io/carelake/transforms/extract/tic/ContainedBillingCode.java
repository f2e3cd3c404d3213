package io.carelake.transforms.extract.tic;

import com.google.auto.value.AutoValue;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One code of a bundle ({@code bundled_codes}) or of a capitation arrangement ({@code covered_services}). */
@AutoValue
public abstract class ContainedBillingCode {
  public abstract @Nullable String billingCodeType();

  public abstract @Nullable String billingCodeTypeVersion();

  public abstract @Nullable String billingCode();

  public abstract @Nullable String description();

  public static ContainedBillingCode of(@Nullable String billingCodeType, @Nullable String billingCodeTypeVersion,
      @Nullable String billingCode, @Nullable String description) {
    return new AutoValue_ContainedBillingCode(billingCodeType, billingCodeTypeVersion, billingCode, description);
  }
}
