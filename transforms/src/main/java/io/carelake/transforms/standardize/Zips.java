package io.carelake.transforms.standardize;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * US ZIP codes as delivered ({@code "68504"}, {@code "68504-1234"}, {@code "685041234"}, surrounded by
 * spaces or not) to a {@link ZipCode}.
 *
 * <p>A 4-digit value is taken as a zip whose leading zero was lost: spreadsheets read zip columns as
 * numbers, which turns New England and New Jersey zips such as {@code 02134} into {@code 2134}. No
 * 4-digit zips exist, so restoring the zero cannot misread a correct value. Other shapes (8 digits,
 * letters, a 5+4 split by a space) are rejected rather than guessed at.
 */
public final class Zips {
  private Zips() {}

  /** The zip in {@code text}, or null when it is not one of the shapes above. */
  public static @Nullable ZipCode parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String zip = text.strip();
    int length = zip.length();
    if (length == 4 && allDigits(zip, 0, 4)) {
      return ZipCode.of("0" + zip, null);
    }
    if (length == 5 && allDigits(zip, 0, 5)) {
      return ZipCode.of(zip, null);
    }
    if (length == 9 && allDigits(zip, 0, 9)) {
      return ZipCode.of(zip.substring(0, 5), zip.substring(5));
    }
    if (length == 10 && zip.charAt(5) == '-' && allDigits(zip, 0, 5) && allDigits(zip, 6, 10)) {
      return ZipCode.of(zip.substring(0, 5), zip.substring(6));
    }
    return null;
  }

  private static boolean allDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
