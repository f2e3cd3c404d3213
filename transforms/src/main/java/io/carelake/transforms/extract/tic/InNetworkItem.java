package io.carelake.transforms.extract.tic;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The item or service of one {@code in_network} element, shared by all of its rate rows. */
@AutoValue
public abstract class InNetworkItem {
  /** Position of the element in the file's {@code in_network} array, from 0. */
  public abstract long elementIndex();

  /** Byte offset of the element's opening brace in the (uncompressed) file. */
  public abstract long byteOffset();

  public abstract String negotiationArrangement();

  public abstract @Nullable String name();

  public abstract String billingCodeType();

  public abstract @Nullable String billingCodeTypeVersion();

  public abstract String billingCode();

  public abstract @Nullable String description();

  public abstract @Nullable String severityOfIllness();

  public abstract List<ContainedBillingCode> bundledCodes();

  public abstract List<ContainedBillingCode> coveredServices();

  static InNetworkItem of(long elementIndex, long byteOffset, String negotiationArrangement, @Nullable String name,
      String billingCodeType, @Nullable String billingCodeTypeVersion, String billingCode,
      @Nullable String description, @Nullable String severityOfIllness, List<ContainedBillingCode> bundledCodes,
      List<ContainedBillingCode> coveredServices) {
    return new AutoValue_InNetworkItem(elementIndex, byteOffset, negotiationArrangement, name, billingCodeType,
        billingCodeTypeVersion, billingCode, description, severityOfIllness, bundledCodes, coveredServices);
  }
}
