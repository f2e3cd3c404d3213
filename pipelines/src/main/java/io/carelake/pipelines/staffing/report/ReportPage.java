package io.carelake.pipelines.staffing.report;

import io.carelake.pipelines.staffing.report.SortableTable.Column;
import io.carelake.pipelines.staffing.report.ReportRows.FacilityHprd;
import io.carelake.pipelines.staffing.report.ReportRows.FacilityOccupancy;
import io.carelake.pipelines.staffing.report.ReportRows.StateHprd;
import io.carelake.pipelines.staffing.report.ReportRows.StateMix;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The report page: a header with what the data covers, the four charts, the state and facility tables,
 * and its CSS and sort script inline, so the one file opens from disk with nothing fetched.
 */
final class ReportPage {
  /** Enough facility rows to scan in a browser; the page says when there were more. */
  static final int FACILITY_ROWS = 500;
  private static final DateTimeFormatter GENERATED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final String title;
  private final Instant generatedAt;
  private final List<StateHprd> states;
  private final List<FacilityHprd> facilities;
  private final List<StateMix> mix;
  private final List<FacilityOccupancy> occupancy;

  ReportPage(String title, Instant generatedAt, List<StateHprd> states, List<FacilityHprd> facilities,
      List<StateMix> mix, List<FacilityOccupancy> occupancy) {
    this.title = title;
    this.generatedAt = generatedAt;
    this.states = states;
    this.facilities = facilities;
    this.mix = mix;
    this.occupancy = occupancy;
  }

  String html() {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
        .append(Html.escape(title)).append("</title><style>").append(ReportStyle.CSS).append("</style></head>\n")
        .append("<body><main>\n").append(header());
    if (states.isEmpty() && facilities.isEmpty() && mix.isEmpty() && occupancy.isEmpty()) {
      html.append("<p class=\"no-data\">No staffing data to report: the gold tables have no rows.</p>\n");
    } else {
      html.append("<section class=\"charts\">\n")
          .append(HprdBoxPlot.figure(facilities))
          .append(StaffingMixChart.figure(mix))
          .append(UtilizationScatter.figure(occupancy))
          .append(TopBottomFacilities.figure(facilities))
          .append("</section>\n")
          .append(stateTable())
          .append(facilityTable())
          .append("<script>").append(SortableTable.SCRIPT).append("</script>\n");
    }
    return html.append("</main></body></html>\n").toString();
  }

  private String header() {
    StringBuilder html = new StringBuilder("<header><h1>").append(Html.escape(title)).append("</h1>")
        .append("<p class=\"meta\">Nursing-home staffing from CMS Payroll-Based Journal data. Generated ")
        .append(GENERATED_AT.format(generatedAt)).append(". ").append(Html.escape(quartersCovered()))
        .append("</p>\n");
    if (!quarters().isEmpty()) {
      html.append("<dl class=\"figures\">")
          .append(figure("Facilities", facilityCount().map(Html::count).orElse(Html.MISSING)))
          .append(figure("States", Html.count(stateCount())))
          .append(figure("Resident days", states.isEmpty() ? Html.MISSING : Html.count(residentDays())))
          .append(figure("Quarters", Html.count(quarters().size())))
          .append("</dl>\n");
    }
    return html.append("<p class=\"about\"><strong>HPRD</strong>, hours per resident day, is nurse staffing")
        .append(" hours (RN, LPN and nurse aides) divided by the resident census, per day: 3.5 HPRD means each")
        .append(" resident got three and a half hours of nursing care a day. Facility-days flagged as outliers")
        .append(" (implausible hours or census) are excluded from all averages.</p></header>\n")
        .toString();
  }

  private static String figure(String name, String value) {
    return "<div><dt>" + name + "</dt><dd>" + value + "</dd></div>";
  }

  private TreeSet<String> quarters() {
    TreeSet<String> quarters = new TreeSet<>();
    states.forEach(row -> quarters.add(row.quarter()));
    facilities.forEach(row -> quarters.add(row.quarter()));
    mix.forEach(row -> quarters.add(row.quarter()));
    occupancy.forEach(row -> quarters.add(row.quarter()));
    quarters.remove("");
    return quarters;
  }

  private String quartersCovered() {
    TreeSet<String> quarters = quarters();
    if (quarters.isEmpty()) {
      return "No quarters covered.";
    }
    return quarters.size() == 1 ? "Quarter " + quarters.first() + "."
        : "Quarters " + quarters.first() + " to " + quarters.last() + "; charts show the latest quarter.";
  }

  /** Distinct CCNs over all quarters; without facility rows, what the states counted in the latest quarter. */
  private Optional<Long> facilityCount() {
    long ccns = Stream.concat(facilities.stream().map(FacilityHprd::ccn),
            occupancy.stream().map(FacilityOccupancy::ccn))
        .filter(ccn -> !ccn.isEmpty()).distinct().count();
    if (ccns > 0) {
      return Optional.of(ccns);
    }
    return ReportRows.latestQuarter(states, StateHprd::quarter)
        .map(quarter -> ReportRows.inQuarter(states, StateHprd::quarter, quarter).stream()
            .map(StateHprd::facilities).filter(Objects::nonNull).mapToLong(Long::longValue).sum());
  }

  private long stateCount() {
    return Stream.of(states.stream().map(StateHprd::state), facilities.stream().map(FacilityHprd::state),
            mix.stream().map(StateMix::state), occupancy.stream().map(FacilityOccupancy::state))
        .flatMap(stream -> stream)
        .filter(state -> !state.isEmpty()).distinct().count();
  }

  private double residentDays() {
    return states.stream().map(StateHprd::residentDays).filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum();
  }

  private String stateTable() {
    List<StateHprd> rows = states.stream()
        .sorted(Comparator.comparing(StateHprd::state).thenComparing(StateHprd::quarter)).toList();
    List<Column<StateHprd>> columns = List.of(
        Column.text("State", StateHprd::state),
        Column.text("Quarter", StateHprd::quarter),
        Column.number("Facilities", StateHprd::facilities, Html::count),
        Column.number("Resident days", StateHprd::residentDays, Html::count),
        Column.number("Total HPRD", StateHprd::hprdTotal, Html::hprd),
        Column.number("RN HPRD", StateHprd::hprdRn, Html::hprd),
        Column.number("LPN HPRD", StateHprd::hprdLpn, Html::hprd),
        Column.number("Aide HPRD", StateHprd::hprdAide, Html::hprd),
        Column.number("Contract share", StateHprd::contractShare, Html::percent));
    String heading = "<section><h2>HPRD by state</h2>";
    if (rows.isEmpty()) {
      return heading + "<p class=\"note\">No state HPRD.</p></section>\n";
    }
    return heading + "<p class=\"note\">Every quarter, a row per state and quarter. Click a column header to sort.</p>"
        + SortableTable.html("state-table", columns, rows) + "</section>\n";
  }

  private String facilityTable() {
    String heading = "<section><h2>Facilities</h2>";
    Optional<String> quarter = ReportRows.latestQuarter(facilities, FacilityHprd::quarter);
    if (quarter.isEmpty()) {
      return heading + "<p class=\"note\">No facility HPRD.</p></section>\n";
    }
    List<FacilityHprd> inQuarter = ReportRows.inQuarter(facilities, FacilityHprd::quarter, quarter.get());
    // When there are too many to list, the least staffed are the ones an analyst looks for.
    List<FacilityHprd> rows = inQuarter.stream()
        .sorted(Comparator.comparing(FacilityHprd::hprdTotal, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(FacilityHprd::ccn))
        .limit(FACILITY_ROWS).toList();
    String shown = rows.size() == inQuarter.size()
        ? (rows.size() == 1 ? "The only facility of " : "All " + Html.facilities(rows.size()) + " of ") + quarter.get()
            + ", lowest total HPRD first."
        : "The " + Html.count(rows.size()) + " facilities with the lowest total HPRD of the "
            + Html.count(inQuarter.size()) + " in " + quarter.get() + ", lowest first.";
    List<Column<FacilityHprd>> columns = List.of(
        Column.text("CCN", FacilityHprd::ccn),
        Column.text("Provider", FacilityHprd::providerName),
        Column.text("State", FacilityHprd::state),
        Column.number("Days reported", FacilityHprd::daysReported, Html::count),
        Column.number("Average census", FacilityHprd::avgCensus, Html::decimal),
        Column.number("Total HPRD", FacilityHprd::hprdTotal, Html::hprd),
        Column.number("RN HPRD", FacilityHprd::hprdRn, Html::hprd),
        Column.number("LPN HPRD", FacilityHprd::hprdLpn, Html::hprd),
        Column.number("Aide HPRD", FacilityHprd::hprdAide, Html::hprd),
        Column.number("Contract share", FacilityHprd::contractShare, Html::percent));
    return heading + "<p class=\"note\">" + shown + " Click a column header to sort.</p>"
        + SortableTable.html("facility-table", columns, rows) + "</section>\n";
  }
}
