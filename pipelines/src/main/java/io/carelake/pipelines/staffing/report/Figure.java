package io.carelake.pipelines.staffing.report;

/**
 * A chart on the page: a captioned figure tagged {@code data-chart} with its SVG, or, without data, the
 * caption and a sentence saying so, untagged, so that every tagged chart has marks to show.
 */
final class Figure {
  private Figure() {}

  static String chart(String id, String caption, String svg, String note) {
    return "<figure class=\"chart\" data-chart=\"" + id + "\"><figcaption>" + Html.escape(caption)
        + "</figcaption>" + svg + "<p class=\"note\">" + Html.escape(note) + "</p></figure>\n";
  }

  static String empty(String caption, String message) {
    return "<figure class=\"chart chart-empty\"><figcaption>" + Html.escape(caption) + "</figcaption><p>"
        + Html.escape(message) + "</p></figure>\n";
  }
}
