package io.carelake.transforms.standardize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Phone numbers to E.164 ({@code +14025550134}) with libphonenumber. A number without a country code
 * is read as a number of {@code defaultRegion} (an ISO 3166 region such as {@code "US"}).
 *
 * <p>Only numbers libphonenumber considers valid for their region are accepted, so a 7-digit local
 * number without area code is rejected. Extensions are dropped (E.164 has none) and letters are read as
 * keypad digits ({@code 1-800-FLOWERS}), as libphonenumber does.
 */
public final class Phones {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  // No valid number has fewer digits (vanity numbers keep at least their prefix in digits). Rejecting
  // such text up front spares libphonenumber's parse failures, which are exceptions and too costly for
  // the blanks, "N/A"s and "unknown"s of large files.
  private static final int MIN_DIGITS = 3;

  private Phones() {}

  /** The E.164 form of {@code text}, or null when it is not a valid number. */
  public static @Nullable String toE164(@Nullable String text, String defaultRegion) {
    PhoneNumber number = parseValid(text, defaultRegion);
    return number == null ? null : UTIL.format(number, PhoneNumberFormat.E164);
  }

  /** Whether {@link #toE164} would accept {@code text}, without formatting it. */
  public static boolean isValid(@Nullable String text, String defaultRegion) {
    return parseValid(text, defaultRegion) != null;
  }

  private static @Nullable PhoneNumber parseValid(@Nullable String text, String defaultRegion) {
    if (text == null || !hasMinimumDigits(text)) {
      return null;
    }
    try {
      PhoneNumber number = UTIL.parse(text, defaultRegion);
      return UTIL.isValidNumber(number) ? number : null;
    } catch (NumberParseException e) {
      return null;
    }
  }

  private static boolean hasMinimumDigits(String text) {
    int digits = 0;
    for (int i = 0; i < text.length() && digits < MIN_DIGITS; i++) {
      if (Character.isDigit(text.charAt(i))) {
        digits++;
      }
    }
    return digits >= MIN_DIGITS;
  }
}
