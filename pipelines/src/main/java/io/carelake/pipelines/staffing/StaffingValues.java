package io.carelake.pipelines.staffing;

import io.carelake.schemas.Violation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Try-cast of CMS file values, as seed SQL's {@code try_cast} but never silent: an empty value is null, a
 * value that does not parse adds a violation naming its rule and column (never the value, which the
 * quarantined record keeps) and gives null.
 */
final class StaffingValues {
  static final String REQUIRED = "staffing.required";
  static final String NUMBER = "staffing.number";
  static final String INTEGER = "staffing.integer";
  static final String NEGATIVE = "staffing.negative";
  static final String DATE = "staffing.date";
  static final String CCN = "staffing.ccn";

  private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern WHOLE = Pattern.compile("(-?\\d+)(?:\\.0*)?");
  private static final Pattern SCIENTIFIC = Pattern.compile("\\d(?:\\.\\d+)?[eE]\\+?\\d{1,3}");
  private static final Pattern CCN_SHAPE = Pattern.compile("[0-9A-Z]{6}");
  // Spreadsheets and pandas turn 015392 into 15392 or 15392.0: digits, maybe with a zero fraction.
  private static final Pattern LOST_ZEROS = Pattern.compile("(\\d{1,6})(?:\\.0+)?");

  private StaffingValues() {}

  /** The trimmed value, or null when it is empty (or the file has no such column). */
  static @Nullable String text(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  /**
   * A CMS Certification Number: 6 characters, upper case. Numbers a spreadsheet made of one are repaired:
   * digits get back their leading zeros ({@code 15392.0} is {@code 015392}), and a CCN with an E, read as
   * a power of ten, gets its E back ({@code 1.3999999999999998e+248} is {@code 14E247}).
   */
  static @Nullable String ccn(@Nullable String value, String column, List<Violation> violations) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    var lost = LOST_ZEROS.matcher(text);
    String ccn = lost.matches() ? "0".repeat(6 - lost.group(1).length()) + lost.group(1)
        : SCIENTIFIC.matcher(text).matches() ? withItsE(text) : text.toUpperCase();
    if (!CCN_SHAPE.matcher(ccn).matches()) {
      violations.add(Violation.of(CCN, column, "not a 6-character CMS Certification Number"));
      return null;
    }
    return ccn;
  }

  /**
   * {@code 1.3999999999999998e+248} as the CCN it was read from, {@code 14E247}: the digits before the E and
   * the power after it fill six characters, and give back the number to within a float's rounding.
   */
  private static String withItsE(String scientific) {
    BigDecimal number = new BigDecimal(scientific);
    BigDecimal tolerance = number.abs().multiply(new BigDecimal("1e-12"));
    for (int digits = 1; digits <= 4; digits++) {
      BigDecimal rounded = number.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      String mantissa = rounded.unscaledValue().toString();
      String power = Integer.toString(-rounded.scale());
      if (rounded.subtract(number).abs().compareTo(tolerance) <= 0 && mantissa.length() == digits
          && rounded.scale() <= 0 && power.length() == 5 - digits) {
        return mantissa + "E" + power;
      }
    }
    return scientific;
  }

  /** A finite non-negative number (hours, census, a rate). */
  static @Nullable Double amount(@Nullable String value, String column, List<Violation> violations) {
    Double number = number(value, column, violations);
    if (number != null && number < 0) {
      violations.add(Violation.of(NEGATIVE, column, "must not be negative"));
      return null;
    }
    return number;
  }

  /** A decimal number, such as a latitude. */
  static @Nullable Double number(@Nullable String value, String column, List<Violation> violations) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    double number = isDecimal(text) ? Double.parseDouble(text) : Double.NaN;
    if (!Double.isFinite(number)) {
      violations.add(Violation.of(NUMBER, column, "not a number"));
      return null;
    }
    return number;
  }

  /**
   * Whether {@code text} is a plain decimal, {@code [-+]digits[.digits][e[-+]digits]}: what CMS files
   * write, and nothing else Java would parse (hexadecimal, {@code NaN}, a trailing {@code d}). Scanned by
   * hand: it runs for some thirty values of every PBJ record.
   */
  static boolean isDecimal(String text) {
    int i = 0;
    int length = text.length();
    if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      i++;
    }
    int digits = 0;
    while (i < length && isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < length && text.charAt(i) == '.') {
      i++;
      while (i < length && isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < length && isDigit(text.charAt(i)) && exponentDigits < 4) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == length;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A whole number; {@code 57.0} counts as 57, as a spreadsheet export writes it. */
  static @Nullable Integer integer(@Nullable String value, String column, List<Violation> violations) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    var whole = WHOLE.matcher(text);
    if (!whole.matches() || whole.group(1).length() > 9) {
      violations.add(Violation.of(INTEGER, column, "not a whole number"));
      return null;
    }
    return Integer.parseInt(whole.group(1));
  }

  /** A date as CMS files write them: {@code 20250329}, {@code 2025-03-29} or {@code 3/29/2025}. */
  static @Nullable LocalDate date(@Nullable String value, String column, List<Violation> violations) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      if (isEightDigits(text)) {
        // PBJ's own form, on every row of a quarter: read without a formatter, checked as strictly.
        return LocalDate.of(digits(text, 0, 4), digits(text, 4, 6), digits(text, 6, 8));
      }
      DateTimeFormatter format = text.indexOf('/') >= 0 ? US : text.indexOf('-') >= 0 ? ISO : BASIC;
      return LocalDate.parse(text, format);
    } catch (DateTimeException e) {
      violations.add(Violation.of(DATE, column, "not a date (YYYYMMDD, YYYY-MM-DD or M/D/YYYY)"));
      return null;
    }
  }

  private static boolean isEightDigits(String text) {
    if (text.length() != 8) {
      return false;
    }
    for (int i = 0; i < 8; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /** A value every record must have. */
  static <T> @Nullable T required(@Nullable T value, @Nullable String raw, String column, List<Violation> violations) {
    if (value == null && text(raw) == null) {
      violations.add(Violation.of(REQUIRED, column, "is empty"));
    }
    return value;
  }

  /** The calendar quarter of a day as CMS writes it: {@code 2025Q1}. */
  static String quarterOf(LocalDate day) {
    return day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
  }
}
