package io.carelake.pipelines.staffing.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a rendered report the way the tests need: its charts by id, and their marks. */
final class ReportHtml {
  private static final Pattern CHART = Pattern.compile("data-chart=\"([^\"]+)\"");

  private ReportHtml() {}

  static List<String> chartIds(String html) {
    List<String> ids = new ArrayList<>();
    Matcher matcher = CHART.matcher(html);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  /** The figure of one chart, from its tag to its end. */
  static String chart(String html, String id) {
    int start = html.indexOf("data-chart=\"" + id + "\"");
    if (start < 0) {
      throw new AssertionError("no chart " + id + " in the report; charts: " + chartIds(html));
    }
    return html.substring(start, html.indexOf("</figure>", start));
  }

  /** Every mark carries its own tooltip, so a chart's marks are its titles. */
  static int marks(String html, String id) {
    return count(chart(html, id), "<title>");
  }

  static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }
}
