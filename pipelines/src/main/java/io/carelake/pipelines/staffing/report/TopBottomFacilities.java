package io.carelake.pipelines.staffing.report;

import io.carelake.pipelines.staffing.report.ReportRows.FacilityHprd;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The ten best and ten least staffed facilities by total HPRD in the latest quarter, as ranked bars.
 * With fewer than twenty facilities the lowest group takes what the highest left, so none shows twice.
 */
final class TopBottomFacilities {
  static final String ID = "top-bottom";
  static final int GROUP = 10;
  private static final String CAPTION = "Highest and lowest staffed facilities by total HPRD";
  private static final int WIDTH = 640;
  private static final int LABELS = 270;
  // Room right of the longest bar for its value ("11.65"), which sits 4 px after the bar.
  private static final int RIGHT = 56;
  private static final int ROW = 18;
  private static final int HEADING = 24;
  private static final int BOTTOM = 44;
  // CMS writes names in capitals, about 7.3 px a letter at 11 px: 30 letters and the state fit the labels.
  private static final int NAME_LENGTH = 30;

  private TopBottomFacilities() {}

  static String figure(List<FacilityHprd> facilities) {
    Optional<String> quarter = ReportRows.latestQuarter(facilities, FacilityHprd::quarter);
    if (quarter.isEmpty()) {
      return Figure.empty(CAPTION, "No facility HPRD to rank.");
    }
    String caption = CAPTION + ", " + quarter.get();
    List<FacilityHprd> ranked = ReportRows.inQuarter(facilities, FacilityHprd::quarter, quarter.get()).stream()
        .filter(facility -> facility.hprdTotal() != null)
        .sorted(Comparator.comparingDouble((FacilityHprd facility) -> -facility.hprdTotal())
            .thenComparing(FacilityHprd::ccn))
        .toList();
    if (ranked.isEmpty()) {
      return Figure.empty(caption, "No facility in this quarter has a total HPRD.");
    }
    List<FacilityHprd> highest = ranked.subList(0, Math.min(GROUP, ranked.size()));
    List<FacilityHprd> lowest = new ArrayList<>(ranked.subList(Math.max(highest.size(), ranked.size() - GROUP),
        ranked.size()));
    Collections.reverse(lowest);
    int height = HEADING + highest.size() * ROW + (lowest.isEmpty() ? 0 : HEADING + lowest.size() * ROW) + BOTTOM;
    double axisY = height - BOTTOM;
    LinearScale x = LinearScale.zeroTo(highest.get(0).hprdTotal(), LABELS, WIDTH - RIGHT);
    StringBuilder svg = new StringBuilder(Svg.open(WIDTH, height, caption))
        .append(Svg.xAxis(x, axisY, 4, Svg::hours, "Total nurse staffing hours per resident day"));
    double top = group(svg, x, "Highest " + highest.size(), "high", highest, 0);
    if (!lowest.isEmpty()) {
      group(svg, x, "Lowest " + lowest.size() + ", lowest first", "low", lowest, top);
    }
    svg.append("</svg>");
    return Figure.chart(ID, caption, svg.toString(), "Of " + Html.count(ranked.size())
        + " facilities with a total HPRD. Hover a bar for the facility's figures.");
  }

  /** Draws a heading and a bar per facility from {@code top}; returns where the next group starts. */
  private static double group(StringBuilder svg, LinearScale x, String heading, String kind,
      List<FacilityHprd> facilities, double top) {
    svg.append(Svg.text(4, top + 16, "start", "heading", heading));
    double rowTop = top + HEADING;
    for (FacilityHprd facility : facilities) {
      svg.append(Svg.text(LABELS - 6, rowTop + 12, "end", "label",
              shortened(facility.providerName()) + " (" + facility.state() + ")"))
          .append("<rect class=\"").append(kind).append("\" x=\"").append(Svg.at(x.at(0))).append("\" y=\"")
          .append(Svg.at(rowTop + 3)).append("\" width=\"").append(Svg.at(x.at(facility.hprdTotal()) - x.at(0)))
          .append("\" height=\"12\">")
          .append(Svg.tooltip(facility.providerName() + " (" + facility.ccn() + ", " + facility.state() + "): total "
              + Html.hprd(facility.hprdTotal()) + " HPRD (RN " + Html.hprd(facility.hprdRn()) + ", LPN "
              + Html.hprd(facility.hprdLpn()) + ", aides " + Html.hprd(facility.hprdAide()) + "), "
              + Html.percent(facility.contractShare()) + " contract, average census "
              + Html.decimal(facility.avgCensus())))
          .append("</rect>")
          .append(Svg.text(x.at(facility.hprdTotal()) + 4, rowTop + 12, "start", "value",
              Html.hprd(facility.hprdTotal())));
      rowTop += ROW;
    }
    return rowTop;
  }

  /** A name cut to fit the label column; the tooltip has it whole. */
  private static String shortened(String name) {
    return name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH - 1).stripTrailing() + "…";
  }
}
