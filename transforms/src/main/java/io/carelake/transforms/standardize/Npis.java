package io.carelake.transforms.standardize;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * National Provider Identifiers: ten digits, the last a Luhn check digit computed over the first nine with
 * the card issuer prefix {@code 80840} in front (CMS, "Requirements for Check Digit Algorithm for the NPI").
 */
public final class Npis {
  /** The Luhn sum of the prefix 80840 with its digits doubled as they are in front of nine digits: 8+0+8+0+8 -> 24. */
  private static final int PREFIX_SUM = 24;

  private Npis() {}

  /** True for ten digits whose last is the check digit of the first nine. */
  public static boolean isValid(@Nullable String npi) {
    if (npi == null || npi.length() != 10) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = npi.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
  }

  /** The check digit of nine digits, the NPI's first nine. */
  public static int checkDigit(String nineDigits) {
    int sum = PREFIX_SUM;
    // From the right, the first of the nine digits is doubled, then every other one.
    for (int i = 8, position = 0; i >= 0; i--, position++) {
      int digit = nineDigits.charAt(i) - '0';
      if (position % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return (10 - sum % 10) % 10;
  }
}
