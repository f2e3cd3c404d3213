package io.carelake.pipelines.staffing.report;

import io.carelake.pipelines.staffing.report.ReportRows.FacilityHprd;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How facilities' total HPRD spreads within each state, in the latest quarter: one box per state
 * (min, quartiles, median, max), states from the highest median down, and the median over all
 * facilities as a reference line. The latest quarter only, so a facility counts once.
 */
final class HprdBoxPlot {
  static final String ID = "hprd-by-state";
  private static final String CAPTION = "Facility total HPRD by state";
  private static final int WIDTH = 640;
  private static final int LEFT = 44;
  private static final int RIGHT = 16;
  private static final int TOP = 24;
  private static final int ROW = 16;
  private static final int BOTTOM = 44;

  private HprdBoxPlot() {}

  record StateBox(String state, FiveNumbers hprd) {}

  static String figure(List<FacilityHprd> facilities) {
    Optional<String> quarter = ReportRows.latestQuarter(facilities, FacilityHprd::quarter);
    if (quarter.isEmpty()) {
      return Figure.empty(CAPTION, "No facility HPRD to plot.");
    }
    return render(CAPTION + ", " + quarter.get(),
        ReportRows.inQuarter(facilities, FacilityHprd::quarter, quarter.get()));
  }

  /** The states' summaries, highest median first. */
  static List<StateBox> boxes(List<FacilityHprd> facilities) {
    Map<String, List<Double>> byState = new TreeMap<>();
    for (FacilityHprd facility : facilities) {
      if (facility.hprdTotal() != null) {
        byState.computeIfAbsent(facility.state(), state -> new ArrayList<>()).add(facility.hprdTotal());
      }
    }
    List<StateBox> boxes = new ArrayList<>();
    byState.forEach((state, values) -> boxes.add(new StateBox(state, FiveNumbers.of(values))));
    boxes.sort(Comparator.comparingDouble((StateBox box) -> -box.hprd().median()).thenComparing(StateBox::state));
    return boxes;
  }

  private static String render(String caption, List<FacilityHprd> facilities) {
    List<StateBox> boxes = boxes(facilities);
    if (boxes.isEmpty()) {
      return Figure.empty(caption, "No facility in this quarter has a total HPRD.");
    }
    List<Double> all = facilities.stream().map(FacilityHprd::hprdTotal).filter(Objects::nonNull).toList();
    double overallMedian = FiveNumbers.of(all).median();
    int height = TOP + boxes.size() * ROW + BOTTOM;
    double axisY = TOP + boxes.size() * ROW;
    LinearScale x = LinearScale.spanning(all.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        all.stream().mapToDouble(Double::doubleValue).max().orElse(1), LEFT, WIDTH - RIGHT);
    StringBuilder svg = new StringBuilder(Svg.open(WIDTH, height, caption));
    svg.append(Svg.xAxis(x, axisY, TOP - 8, Svg::hours, "Total nurse staffing hours per resident day"));
    String reference = Svg.at(x.at(overallMedian));
    svg.append("<line class=\"reference\" x1=\"").append(reference).append("\" x2=\"").append(reference)
        .append("\" y1=\"").append(TOP - 8).append("\" y2=\"").append(Svg.at(axisY)).append("\"/>")
        .append(Svg.text(x.at(overallMedian) + 4, TOP - 12, "start", "reference-label",
            "median of all facilities " + Html.hprd(overallMedian)));
    for (int i = 0; i < boxes.size(); i++) {
      StateBox box = boxes.get(i);
      FiveNumbers n = box.hprd();
      double middle = TOP + i * ROW + ROW / 2.0;
      String y = Svg.at(middle);
      svg.append(Svg.text(LEFT - 6, middle + 4, "end", "label", box.state()))
          .append("<g class=\"box\">")
          .append(Svg.tooltip(box.state() + ": " + Html.facilities(n.count()) + ", HPRD min " + Html.hprd(n.min())
              + ", Q1 " + Html.hprd(n.q1()) + ", median " + Html.hprd(n.median()) + ", Q3 " + Html.hprd(n.q3())
              + ", max " + Html.hprd(n.max())))
          .append("<line class=\"whisker\" x1=\"").append(Svg.at(x.at(n.min()))).append("\" x2=\"")
          .append(Svg.at(x.at(n.max()))).append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>")
          .append("<rect x=\"").append(Svg.at(x.at(n.q1()))).append("\" y=\"").append(Svg.at(middle - 5))
          .append("\" width=\"").append(Svg.at(Math.max(x.at(n.q3()) - x.at(n.q1()), 1))).append("\" height=\"10\"/>")
          .append("<line class=\"median\" x1=\"").append(Svg.at(x.at(n.median()))).append("\" x2=\"")
          .append(Svg.at(x.at(n.median()))).append("\" y1=\"").append(Svg.at(middle - 5)).append("\" y2=\"")
          .append(Svg.at(middle + 5)).append("\"/></g>");
    }
    svg.append("</svg>");
    return Figure.chart(ID, caption, svg.toString(), "Box from first to third quartile, line at the median,"
        + " whiskers to the lowest and highest facility. States sorted by median; hover a box for its figures.");
  }
}
