package io.carelake.pipelines.reference;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How NPPES values become silver values, the same for the bulk file and the API, so that both sources' copy
 * of one update compare equal: stripped, blank and {@code <UNAVAIL>} null, phones their digits, dates
 * strict. A value that cannot be read returns null from the {@code parse} methods and the caller decides
 * whether that quarantines the record.
 */
final class ProviderValues {
  static final String UNAVAILABLE = "<UNAVAIL>";

  private ProviderValues() {}

  /** The value stripped, or null when blank or NPPES's {@code <UNAVAIL>}. */
  static @Nullable String text(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() || UNAVAILABLE.equals(stripped) ? null : stripped;
  }

  /** The digits of a phone or fax number, or null when it has none; extensions stay appended. */
  static @Nullable String phone(@Nullable String value) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.length() == 0 ? null : digits.toString();
  }

  /** A postal code's digits and letters (ZIP+4 without its hyphen, as the bulk file has it). */
  static @Nullable String postalCode(@Nullable String value) {
    String text = text(value);
    return text == null ? null : text.replace("-", "").replace(" ", "");
  }

  /** {@code Y}/{@code YES} true, {@code N}/{@code NO} false, anything else (NPPES's {@code X}) null. */
  static @Nullable Boolean flag(@Nullable String value) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    switch (text.toUpperCase(java.util.Locale.ROOT)) {
      case "Y":
      case "YES":
        return Boolean.TRUE;
      case "N":
      case "NO":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /**
   * The bulk file's {@code MM/DD/YYYY} date, or null when it does not exist on the calendar; read without a
   * formatter, as there are millions of them.
   */
  static @Nullable LocalDate usDate(String text) {
    if (text.length() != 10 || text.charAt(2) != '/' || text.charAt(5) != '/') {
      return null;
    }
    int month = digits(text, 0, 2);
    int day = digits(text, 3, 5);
    int year = digits(text, 6, 10);
    return calendarDate(year, month, day);
  }

  /** The API's {@code YYYY-MM-DD} date, or null when it does not exist on the calendar. */
  static @Nullable LocalDate isoDate(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    return calendarDate(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
  }

  /** Epoch millis of the day's start in UTC: the sequence of a provider's records. */
  static long epochMillis(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /**
   * Whether a record deactivates its NPI: it has a deactivation date and no reactivation since (NPPES keeps an
   * earlier reactivation date on an NPI deactivated again).
   */
  static boolean deactivates(@Nullable LocalDate deactivation, @Nullable LocalDate reactivation) {
    return deactivation != null && (reactivation == null || reactivation.isBefore(deactivation));
  }

  /** The latest of the dates given, null ones ignored; null when all are. */
  static @Nullable LocalDate latest(@Nullable LocalDate... dates) {
    LocalDate latest = null;
    for (LocalDate date : dates) {
      if (date != null && (latest == null || date.isAfter(latest))) {
        latest = date;
      }
    }
    return latest;
  }

  private static @Nullable LocalDate calendarDate(int year, int month, int day) {
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    LocalDate first = LocalDate.of(year, month, 1);
    return day <= first.lengthOfMonth() ? first.withDayOfMonth(day) : null;
  }

  /** The number written by the digits in [from, to), or -1 when any is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
