package io.carelake.pipelines.staffing.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.DoubleFunction;

/**
 * Pieces of the report's inline SVG charts: coordinates, labels and axes. Every mark a chart draws
 * carries its own {@code <title>}, which browsers show as a tooltip.
 */
final class Svg {
  private Svg() {}

  /**
   * A coordinate to one decimal, without a trailing ".0": a tenth of a pixel is below what shows, and
   * short numbers keep a scatter of thousands of points small.
   */
  static String at(double value) {
    long tenths = Math.round(value * 10);
    long whole = tenths / 10;
    long tenth = Math.abs(tenths % 10);
    String sign = tenths < 0 && whole == 0 ? "-" : "";
    return tenth == 0 ? sign + whole : sign + whole + "." + tenth;
  }

  /** The opening tag of a chart that scales to its container's width. */
  static String open(int width, int height, String label) {
    return "<svg viewBox=\"0 0 " + width + " " + height + "\" width=\"100%\" role=\"img\" aria-label=\""
        + Html.escape(label) + "\">";
  }

  static String text(double x, double y, String anchor, String cssClass, String content) {
    return "<text x=\"" + at(x) + "\" y=\"" + at(y) + "\" text-anchor=\"" + anchor + "\" class=\"" + cssClass
        + "\">" + Html.escape(content) + "</text>";
  }

  static String tooltip(String text) {
    return "<title>" + Html.escape(text) + "</title>";
  }

  /**
   * A horizontal value axis at {@code y}: tick labels below it, light grid lines up to {@code top}, and
   * the axis caption under the labels.
   */
  static String xAxis(LinearScale scale, double y, double top, DoubleFunction<String> label, String caption) {
    StringBuilder svg = new StringBuilder("<g class=\"axis\">");
    for (double tick : scale.ticks()) {
      String x = at(scale.at(tick));
      svg.append("<line class=\"grid\" x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"")
          .append(at(top)).append("\" y2=\"").append(at(y)).append("\"/>")
          .append(text(scale.at(tick), y + 14, "middle", "tick", label.apply(tick)));
    }
    svg.append("<line class=\"domain\" x1=\"").append(at(scale.from())).append("\" x2=\"").append(at(scale.to()))
        .append("\" y1=\"").append(at(y)).append("\" y2=\"").append(at(y)).append("\"/>")
        .append(text((scale.from() + scale.to()) / 2, y + 32, "middle", "caption", caption))
        .append("</g>");
    return svg.toString();
  }

  /** A vertical value axis at {@code x}: tick labels left of it, grid lines across to {@code right}. */
  static String yAxis(LinearScale scale, double x, double right, DoubleFunction<String> label, String caption) {
    StringBuilder svg = new StringBuilder("<g class=\"axis\">");
    for (double tick : scale.ticks()) {
      String y = at(scale.at(tick));
      svg.append("<line class=\"grid\" x1=\"").append(at(x)).append("\" x2=\"").append(at(right))
          .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>")
          .append(text(x - 6, scale.at(tick) + 4, "end", "tick", label.apply(tick)));
    }
    double middle = (scale.from() + scale.to()) / 2;
    svg.append("<line class=\"domain\" x1=\"").append(at(x)).append("\" x2=\"").append(at(x)).append("\" y1=\"")
        .append(at(scale.from())).append("\" y2=\"").append(at(scale.to())).append("\"/>")
        .append("<text class=\"caption\" text-anchor=\"middle\" transform=\"translate(12 ").append(at(middle))
        .append(") rotate(-90)\">").append(Html.escape(caption)).append("</text></g>");
    return svg.toString();
  }

  /** A tick label of an HPRD axis: "4", "3.5", "3.25", no more decimals than the tick has. */
  static String hours(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** A tick label of a share axis: 0..1 as "40%", "12.5%". */
  static String percent(double share) {
    return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
        + "%";
  }
}
