package io.carelake.transforms.extract.tic;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The schema asks for ISO dates (yyyy-MM-dd); files also carry US dates ({@code 10/25/2022}, {@code 1/5/2023}),
 * timestamps ({@code 2022-10-25T00:00:00}) and impossible dates ({@code 9999-99-99}). The last are kept as text
 * only: whether they are acceptable is a quality rule's decision, not the parser's.
 */
public final class TicDates {
  private TicDates() {}

  /** The date as yyyy-MM-dd, or null when the text is not a recognised, valid date. */
  public static @Nullable String toIso(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String s = text.trim();
    try {
      if (s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-'
          && (s.length() == 10 || s.charAt(10) == 'T' || s.charAt(10) == ' ')) {
        return iso(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10));
      }
      if (s.length() == 10 && s.charAt(4) == '/' && s.charAt(7) == '/') {
        return iso(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10));
      }
      int first = s.indexOf('/');
      int second = first < 0 ? -1 : s.indexOf('/', first + 1);
      if (first > 0 && second > first + 1 && s.length() - second - 1 == 4 && s.indexOf('/', second + 1) < 0) {
        return iso(number(s, second + 1, s.length()), number(s, 0, first), number(s, first + 1, second));
      }
    } catch (NumberFormatException | DateTimeException e) {
      return null;
    }
    return null;
  }

  private static int number(String s, int from, int to) {
    if (from >= to || to - from > 4) {
      throw new NumberFormatException(s);
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException(s);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static String iso(int year, int month, int day) {
    return LocalDate.of(year, month, day).toString();
  }
}
