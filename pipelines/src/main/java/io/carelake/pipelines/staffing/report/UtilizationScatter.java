package io.carelake.pipelines.staffing.report;

import io.carelake.pipelines.staffing.report.ReportRows.FacilityOccupancy;
import java.util.List;
import java.util.Optional;

/**
 * Whether fuller homes staff thinner: a point per facility in the latest quarter, occupancy across,
 * total HPRD up. Facilities without certified beds (no utilization) or without HPRD have no point.
 */
final class UtilizationScatter {
  static final String ID = "utilization-vs-hprd";
  private static final String CAPTION = "Occupancy and total HPRD by facility";
  private static final int WIDTH = 640;
  private static final int HEIGHT = 440;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 12;
  private static final int BOTTOM = 48;

  private UtilizationScatter() {}

  static String figure(List<FacilityOccupancy> occupancy) {
    Optional<String> quarter = ReportRows.latestQuarter(occupancy, FacilityOccupancy::quarter);
    if (quarter.isEmpty()) {
      return Figure.empty(CAPTION, "No occupancy to plot.");
    }
    String caption = CAPTION + ", " + quarter.get();
    List<FacilityOccupancy> inQuarter = ReportRows.inQuarter(occupancy, FacilityOccupancy::quarter, quarter.get());
    List<FacilityOccupancy> points = inQuarter.stream()
        .filter(facility -> facility.utilization() != null && facility.hprdTotal() != null)
        .toList();
    if (points.isEmpty()) {
      return Figure.empty(caption, "No facility in this quarter has both a utilization and a total HPRD.");
    }
    LinearScale x = LinearScale.spanning(points.stream().mapToDouble(FacilityOccupancy::utilization).min().orElse(0),
        points.stream().mapToDouble(FacilityOccupancy::utilization).max().orElse(1), LEFT, WIDTH - RIGHT);
    LinearScale y = LinearScale.spanning(points.stream().mapToDouble(FacilityOccupancy::hprdTotal).min().orElse(0),
        points.stream().mapToDouble(FacilityOccupancy::hprdTotal).max().orElse(1), HEIGHT - BOTTOM, TOP);
    StringBuilder svg = new StringBuilder(64 + points.size() * 110).append(Svg.open(WIDTH, HEIGHT, caption))
        .append(Svg.xAxis(x, HEIGHT - BOTTOM, TOP, Svg::percent, "Utilization: average residents / certified beds"))
        .append(Svg.yAxis(y, LEFT, WIDTH - RIGHT, Svg::hours, "Total HPRD"))
        .append("<g class=\"points\">");
    for (FacilityOccupancy facility : points) {
      svg.append("<circle cx=\"").append(Svg.at(x.at(facility.utilization()))).append("\" cy=\"")
          .append(Svg.at(y.at(facility.hprdTotal()))).append("\" r=\"2.5\">")
          .append(Svg.tooltip(facility.providerName() + " (" + facility.ccn() + ", " + facility.state() + "): "
              + Html.percent(facility.utilization()) + " occupied, " + Html.hprd(facility.hprdTotal()) + " HPRD"))
          .append("</circle>");
    }
    svg.append("</g></svg>");
    int skipped = inQuarter.size() - points.size();
    return Figure.chart(ID, caption, svg.toString(), Html.facilities(points.size())
        + (skipped == 0 ? "" : "; " + Html.count(skipped) + (skipped == 1 ? " without certified beds or HPRD is"
            : " without certified beds or HPRD are") + " not plotted")
        + ". Hover a point for the facility.");
  }
}
