package io.carelake.transforms.validate;

import io.carelake.schemas.SourceRecord;
import io.carelake.schemas.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rules over the named fields of a {@link SourceRecord}. Rule ids are {@code <field>.<check>}. Except
 * for {@link #required}, a rule passes a blank value: whether a field may be blank is its own rule.
 * Reasons describe the rule, never the value, so they can be shown and counted without exposing PII.
 */
public final class FieldRules {
  private FieldRules() {}

  public static Rule<SourceRecord> required(String field) {
    return record -> isBlank(value(record, field))
        ? Violation.of(field + ".required", field, field + " is required")
        : null;
  }

  public static Rule<SourceRecord> matches(String field, String regex) {
    Pattern pattern = Pattern.compile(regex);
    return present(field, value -> pattern.matcher(value.strip()).matches(),
        "pattern", "does not match the pattern " + regex);
  }

  public static Rule<SourceRecord> oneOf(String field, Set<String> allowed, boolean ignoreCase) {
    Set<String> normalised = ignoreCase
        ? allowed.stream().map(value -> value.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet())
        : Set.copyOf(allowed);
    return present(field,
        value -> normalised.contains(ignoreCase ? value.strip().toLowerCase(Locale.ROOT) : value.strip()),
        "allowed_values", "is not one of the " + allowed.size() + " allowed values");
  }

  public static Rule<SourceRecord> between(String field, @Nullable BigDecimal min, @Nullable BigDecimal max) {
    return present(field, value -> {
      BigDecimal number;
      try {
        number = new BigDecimal(value.strip());
      } catch (NumberFormatException e) {
        return false;
      }
      return (min == null || number.compareTo(min) >= 0) && (max == null || number.compareTo(max) <= 0);
    }, "range", "is not a number in [" + bound(min) + ", " + bound(max) + "]");
  }

  /** The field parses with {@code parser} (for example one of the client's date patterns). */
  public static Rule<SourceRecord> parses(String field, SerializableFunction<String, ?> parser, String check, String reason) {
    return present(field, value -> parser.apply(value) != null, check, reason);
  }

  /**
   * A date that parses and lies in [min, max]; the window is resolved when the rule is built, so every
   * worker applies the same one. A value that does not parse breaks {@code <field>.date_format} instead.
   */
  public static Rule<SourceRecord> dateWithin(
      String field, SerializableFunction<String, LocalDate> parser, @Nullable LocalDate min, @Nullable LocalDate max) {
    return record -> {
      String value = value(record, field);
      if (isBlank(value)) {
        return null;
      }
      LocalDate date = parser.apply(value);
      if (date == null) {
        return Violation.of(field + ".date_format", field, field + " is not a date in the configured formats");
      }
      boolean inside = (min == null || !date.isBefore(min)) && (max == null || !date.isAfter(max));
      return inside ? null : Violation.of(field + ".date_window", field,
          field + " is outside [" + bound(min) + ", " + bound(max) + "]");
    };
  }

  /** The first date is not after the second, where both parse. */
  public static Rule<SourceRecord> notAfter(String first, String second, SerializableFunction<String, LocalDate> parser) {
    return record -> {
      String a = value(record, first);
      String b = value(record, second);
      if (isBlank(a) || isBlank(b)) {
        return null;
      }
      LocalDate start = parser.apply(a);
      LocalDate end = parser.apply(b);
      return start != null && end != null && start.isAfter(end)
          ? Violation.of(second + ".before_" + first, second, second + " is before " + first)
          : null;
    };
  }

  private static Rule<SourceRecord> present(
      String field, SerializablePredicate check, String checkName, String reason) {
    return record -> {
      String value = value(record, field);
      return isBlank(value) || check.test(value) ? null
          : Violation.of(field + "." + checkName, field, field + " " + reason);
    };
  }

  private static @Nullable String value(SourceRecord record, String field) {
    return record.getFields().get(field);
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private static String bound(@Nullable Object bound) {
    return bound == null ? "" : bound.toString();
  }

  @FunctionalInterface
  private interface SerializablePredicate extends java.io.Serializable {
    boolean test(String value);
  }
}
