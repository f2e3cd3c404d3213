package io.carelake.pipelines.staffing.report;

import io.carelake.pipelines.staffing.report.ReportRows.StateMix;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who worked the nursing hours in each state, in the latest quarter: a bar per state split into
 * employee and contract (agency) hours, the most contract-reliant states first.
 */
final class StaffingMixChart {
  static final String ID = "staffing-mix";
  private static final String CAPTION = "Employee and contract share of nursing hours by state";
  private static final int WIDTH = 640;
  private static final int LEFT = 44;
  private static final int RIGHT = 56;
  private static final int TOP = 24;
  private static final int ROW = 16;
  private static final int BOTTOM = 44;

  private StaffingMixChart() {}

  static String figure(List<StateMix> mix) {
    Optional<String> quarter = ReportRows.latestQuarter(mix, StateMix::quarter);
    if (quarter.isEmpty()) {
      return Figure.empty(CAPTION, "No staffing mix to plot.");
    }
    String caption = CAPTION + ", " + quarter.get();
    List<StateMix> states = ReportRows.inQuarter(mix, StateMix::quarter, quarter.get()).stream()
        .filter(state -> state.contractShare() != null)
        .sorted(Comparator.comparingDouble((StateMix state) -> -state.contractShare()).thenComparing(StateMix::state))
        .toList();
    if (states.isEmpty()) {
      return Figure.empty(caption, "No state in this quarter has a contract share.");
    }
    int height = TOP + states.size() * ROW + BOTTOM;
    double axisY = TOP + states.size() * ROW;
    LinearScale x = LinearScale.zeroTo(1, LEFT, WIDTH - RIGHT);
    StringBuilder svg = new StringBuilder(Svg.open(WIDTH, height, caption));
    svg.append(legend(LEFT, TOP - 18))
        .append(Svg.text(WIDTH - 4, TOP - 8, "end", "label", "contract"))
        .append(Svg.xAxis(x, axisY, TOP - 4, Svg::percent, "Share of nursing hours"));
    for (int i = 0; i < states.size(); i++) {
      StateMix state = states.get(i);
      double share = Math.min(Math.max(state.contractShare(), 0), 1);
      double top = TOP + i * ROW + 2.5;
      double split = x.at(1 - share);
      String hours = state.employeeHours() == null || state.contractHours() == null ? ""
          : " (" + Html.count(state.employeeHours()) + " employee, " + Html.count(state.contractHours())
              + " contract hours)";
      svg.append(Svg.text(LEFT - 6, top + 9, "end", "label", state.state()))
          .append(bar("employee", x.at(0), split, top,
              state.state() + ": employees worked " + Html.percent(1 - share) + " of nursing hours" + hours))
          .append(bar("contract", split, x.at(1), top, state.state() + ": contract staff worked "
              + Html.percent(share) + " of nursing hours; RN " + Html.percent(state.rnContractShare()) + ", LPN "
              + Html.percent(state.lpnContractShare()) + ", aides " + Html.percent(state.aideContractShare())
              + " contract"))
          .append(Svg.text(WIDTH - 4, top + 9, "end", "value", Html.percent(share)));
    }
    svg.append("</svg>");
    return Figure.chart(ID, caption, svg.toString(), "Contract share = contract hours / all nursing hours"
        + " (RN, LPN, aides). States sorted by contract share; hover a bar for the hours and the share by role.");
  }

  private static String bar(String kind, double from, double to, double top, String tooltip) {
    return "<rect class=\"" + kind + "\" x=\"" + Svg.at(from) + "\" y=\"" + Svg.at(top) + "\" width=\""
        + Svg.at(to - from) + "\" height=\"11\">" + Svg.tooltip(tooltip) + "</rect>";
  }

  private static String legend(double x, double y) {
    return "<rect class=\"employee\" x=\"" + Svg.at(x) + "\" y=\"" + Svg.at(y) + "\" width=\"10\" height=\"10\"/>"
        + Svg.text(x + 14, y + 9, "start", "label", "Employee hours")
        + "<rect class=\"contract\" x=\"" + Svg.at(x + 120) + "\" y=\"" + Svg.at(y) + "\" width=\"10\" height=\"10\"/>"
        + Svg.text(x + 134, y + 9, "start", "label", "Contract hours");
  }
}
