package io.carelake.transforms.extract.tic;

import com.google.auto.value.AutoValue;
import java.math.BigDecimal;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One {@code negotiated_prices} entry. */
@AutoValue
public abstract class NegotiatedPrice {
  public abstract String negotiatedType();

  /** Exactly as written in the file (never through a double). */
  public abstract BigDecimal negotiatedRate();

  /** As written in the file. */
  public abstract String expirationDateText();

  /** {@link #expirationDateText()} as an ISO date (yyyy-MM-dd), or null when it is not a date. */
  public abstract @Nullable String expirationDate();

  public abstract String billingClass();

  /** Schema 2.x only; null in 1.x files. */
  public abstract @Nullable String setting();

  public abstract List<String> serviceCodes();

  public abstract List<String> billingCodeModifiers();

  public abstract @Nullable String additionalInformation();

  static NegotiatedPrice of(String negotiatedType, BigDecimal negotiatedRate, String expirationDateText,
      @Nullable String expirationDate, String billingClass, @Nullable String setting, List<String> serviceCodes,
      List<String> billingCodeModifiers, @Nullable String additionalInformation) {
    return new AutoValue_NegotiatedPrice(negotiatedType, negotiatedRate, expirationDateText, expirationDate,
        billingClass, setting, serviceCodes, billingCodeModifiers, additionalInformation);
  }
}
