package io.carelake.transforms.standardize;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Parses dates written in one of a list of {@link DateTimeFormatter} patterns, tried in order. The ISO
 * form of a result ({@code 2024-02-29}) is {@link LocalDate#toString()}.
 *
 * <p>Resolution is {@link ResolverStyle#STRICT}, so {@code 2023-02-30} is rejected instead of being
 * moved to the 28th. Under STRICT, {@code y} is the year of an era and needs an era ({@code G}) to
 * resolve, so {@code yyyy-MM-dd} would reject every date; client configurations write {@code yyyy}, so a
 * pattern without {@code G} has its {@code y} letters read as {@code u} (proleptic year), which is what
 * its author meant. As in java.time, a two-digit year ({@code yy}) is read in 2000-2099, which is wrong
 * for most birth dates: prefer four-digit patterns. Month and day names match in any case and in
 * English ({@code 01-JAN-2024}).
 *
 * <p>Serializable as its patterns; the formatters are rebuilt on deserialisation.
 */
public final class Dates implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> patterns;
  private final transient DateTimeFormatter[] formatters;

  private Dates(List<String> patterns) {
    checkArgument(!patterns.isEmpty(), "at least one date pattern is required");
    this.patterns = List.copyOf(patterns);
    this.formatters = new DateTimeFormatter[this.patterns.size()];
    for (int i = 0; i < formatters.length; i++) {
      formatters[i] = formatter(this.patterns.get(i));
    }
  }

  /** A parser trying {@code patterns} in order; fails on an empty list or an invalid pattern. */
  public static Dates of(List<String> patterns) {
    return new Dates(patterns);
  }

  public static Dates of(String... patterns) {
    return new Dates(List.of(patterns));
  }

  /** The patterns as given, before {@code y} became {@code u}. */
  public List<String> patterns() {
    return patterns;
  }

  /**
   * The date {@code text} (without surrounding spaces) spells in the first pattern that matches it
   * entirely, or null when none does or the date does not exist.
   */
  public @Nullable LocalDate parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    for (DateTimeFormatter formatter : formatters) {
      LocalDate date = parse(trimmed, formatter);
      if (date != null) {
        return date;
      }
    }
    return null;
  }

  private static @Nullable LocalDate parse(String text, DateTimeFormatter formatter) {
    // A text in another pattern fails here without an exception: with several patterns most attempts
    // fail, and exceptions on every row would dominate the cost.
    ParsePosition position = new ParsePosition(0);
    if (formatter.parseUnresolved(text, position) == null
        || position.getErrorIndex() >= 0
        || position.getIndex() != text.length()) {
      return null;
    }
    try {
      return formatter.parse(text, LocalDate::from);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static DateTimeFormatter formatter(String pattern) {
    try {
      return new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern(withProlepticYear(pattern))
          .toFormatter(Locale.US)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid date pattern '" + pattern + "': " + e.getMessage(), e);
    }
  }

  /** {@code pattern} with {@code y} replaced by {@code u} outside quoted literals, unless it has an era. */
  static String withProlepticYear(String pattern) {
    char[] converted = pattern.toCharArray();
    boolean quoted = false;
    for (int i = 0; i < converted.length; i++) {
      char c = converted[i];
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == 'G') {
        return pattern;
      } else if (!quoted && c == 'y') {
        converted[i] = 'u';
      }
    }
    return new String(converted);
  }

  private Object readResolve() {
    return new Dates(patterns);
  }
}
