package io.carelake.pipelines.staffing.report;

import java.util.Locale;

/** Escaping and the number formats of the report: every value shown goes through here. */
final class Html {
  /** Shown where a value is missing, e.g. the utilization of a facility without certified beds. */
  static final String MISSING = "–";

  private Html() {}

  /** Text safe in element content and in quoted attribute values, of HTML and of inline SVG alike. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Hours per resident day, to the hundredth as CMS publishes them. */
  static String hprd(Double value) {
    return value == null ? MISSING : String.format(Locale.ROOT, "%.2f", value);
  }

  /** A share in 0..1 as a percentage with one decimal. */
  static String percent(Double share) {
    return share == null ? MISSING : String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  static String decimal(Double value) {
    return value == null ? MISSING : String.format(Locale.ROOT, "%.1f", value);
  }

  /** A number of facilities in words: "1 facility", "1,402 facilities". */
  static String facilities(long count) {
    return count(count) + (count == 1 ? " facility" : " facilities");
  }

  /** A count or a sum of days or hours, rounded, with thousands separators. */
  static String count(Number value) {
    return value == null ? MISSING : String.format(Locale.US, "%,d", Math.round(value.doubleValue()));
  }
}
