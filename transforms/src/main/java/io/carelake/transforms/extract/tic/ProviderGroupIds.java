package io.carelake.transforms.extract.tic;

import java.math.BigDecimal;

/**
 * provider_group_id is a JSON number: most payers write integers, some write floats ({@code 690.64470}). Ids
 * are compared as numbers, so {@code 690.64470}, {@code 690.6447} and {@code 6.906447E2} are one id, written
 * {@code 690.6447}; {@code 12.0} is {@code 12}.
 */
public final class ProviderGroupIds {
  private ProviderGroupIds() {}

  /** The canonical text of a numeric id; throws NumberFormatException when the text is not a number. */
  public static String normalise(String numberText) {
    if (isPlainInteger(numberText)) {
      return numberText;
    }
    return new BigDecimal(numberText.trim()).stripTrailingZeros().toPlainString();
  }

  private static boolean isPlainInteger(String text) {
    int length = text.length();
    if (length == 0 || length > 18) {
      return false;
    }
    int start = text.charAt(0) == '-' ? 1 : 0;
    if (start == length || (text.charAt(start) == '0' && length > start + 1)) {
      return false;
    }
    for (int i = start; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !text.equals("-0");
  }
}
