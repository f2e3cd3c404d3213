package io.carelake.pipelines.staffing.report;

import static io.carelake.pipelines.staffing.report.ReportRowsFixture.facility;
import static io.carelake.pipelines.staffing.report.ReportRowsFixture.mix;
import static io.carelake.pipelines.staffing.report.ReportRowsFixture.occupancy;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import io.carelake.pipelines.staffing.report.HprdBoxPlot.StateBox;
import io.carelake.pipelines.staffing.report.ReportRows.FacilityHprd;
import io.carelake.pipelines.staffing.report.ReportRowsFixture.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.values.Row;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** The four charts: what they summarise, one mark per item, nulls left out, size at scale. */
@RunWith(JUnit4.class)
public class StaffingReportChartsTest {
  private static final List<String> CHARTS = List.of(HprdBoxPlot.ID, StaffingMixChart.ID, UtilizationScatter.ID,
      TopBottomFacilities.ID);

  @Test
  public void fiveNumbersInterpolateQuartilesBetweenOrderStatistics() {
    FiveNumbers odd = FiveNumbers.of(List.of(5.0, 1.0, 4.0, 2.0, 3.0));
    assertThat(odd, is(new FiveNumbers(1, 2, 3, 4, 5, 5)));

    FiveNumbers even = FiveNumbers.of(List.of(4.0, 1.0, 3.0, 2.0));
    assertThat(even.q1(), closeTo(1.75, 1e-12));
    assertThat(even.median(), closeTo(2.5, 1e-12));
    assertThat(even.q3(), closeTo(3.25, 1e-12));

    assertThat(FiveNumbers.of(List.of(3.7)), is(new FiveNumbers(3.7, 3.7, 3.7, 3.7, 3.7, 1)));
  }

  @Test
  public void boxPlotSummarisesEachStateAndSortsByMedian() {
    List<FacilityHprd> facilities = ReportRows.read(List.of(
        facility("010001", "A", "AL", "2025Q1", 3.0), facility("010002", "B", "AL", "2025Q1", 4.0),
        facility("010003", "C", "AL", "2025Q1", 5.0), facility("010004", "D", "AL", "2025Q1", 6.0),
        facility("020001", "E", "AK", "2025Q1", 4.5), facility("020002", "F", "AK", "2025Q1", 5.5),
        facility("030001", "G", "AZ", "2025Q1", null)), FacilityHprd::of);

    List<StateBox> boxes = HprdBoxPlot.boxes(facilities);

    assertThat(boxes, is(List.of(new StateBox("AK", new FiveNumbers(4.5, 4.75, 5.0, 5.25, 5.5, 2)),
        new StateBox("AL", new FiveNumbers(3.0, 3.75, 4.5, 5.25, 6.0, 4)))));
    String html = HprdBoxPlot.figure(facilities);
    assertThat(ReportHtml.marks(html, HprdBoxPlot.ID), is(2));
    assertThat(html, containsString("AL: 4 facilities, HPRD min 3.00, Q1 3.75, median 4.50, Q3 5.25, max 6.00"));
  }

  @Test
  public void everyChartHasOneMarkPerStateOrFacilityOfTheLatestQuarter() {
    Tables tables = ReportRowsFixture.generated(12, 300, List.of("2024Q4", "2025Q1"), 3);
    String html = render(tables);
    long statesWithFacilities = tables.hprdByFacility().stream().map(row -> row.getString("state")).distinct().count();
    long plottable = tables.staffingVsOccupancy().stream()
        .filter(row -> row.getString("cy_qtr").equals("2025Q1") && row.getDouble("utilization") != null)
        .count();

    assertThat(ReportHtml.chartIds(html), is(CHARTS));
    assertThat((long) ReportHtml.marks(html, HprdBoxPlot.ID), is(statesWithFacilities));
    assertThat((long) ReportHtml.marks(html, StaffingMixChart.ID), is(2 * statesWithFacilities));
    assertThat((long) ReportHtml.marks(html, UtilizationScatter.ID), is(plottable));
    assertThat(ReportHtml.marks(html, TopBottomFacilities.ID), is(2 * TopBottomFacilities.GROUP));
    for (String chart : CHARTS) {
      assertThat(ReportHtml.chart(html, chart), containsString(", 2025Q1</figcaption>"));
      assertThat(ReportHtml.chart(html, chart), containsString("class=\"tick\""));
    }
  }

  @Test
  public void nullsAreLeftOutOfTheCharts() {
    List<Row> occupancy = List.of(
        occupancy("010001", "Plotted", "AL", "2025Q1", 100, 90.0, 0.9, 3.5, 0.1),
        occupancy("010002", "No beds", "AL", "2025Q1", null, 80.0, null, 3.9, 0.1),
        occupancy("010003", "No HPRD", "AL", "2025Q1", 100, 70.0, 0.7, null, 0.1));
    List<Row> facilities = List.of(facility("010001", "Plotted", "AL", "2025Q1", 3.5),
        facility("010003", "No HPRD", "AL", "2025Q1", null));
    List<Row> mix = List.of(mix("AL", "2025Q1", 900.0, 100.0, 0.1, null, null, null),
        mix("AK", "2025Q1", null, null, null, null, null, null));

    String html = StaffingReport.render("Staffing", List.of(), facilities, mix, occupancy);

    String scatter = ReportHtml.chart(html, UtilizationScatter.ID);
    assertThat(ReportHtml.marks(html, UtilizationScatter.ID), is(1));
    assertThat(scatter, containsString("Plotted (010001, AL): 90.0% occupied, 3.50 HPRD"));
    assertThat(scatter, containsString("2 without certified beds or HPRD are not plotted"));
    assertThat(ReportHtml.marks(html, HprdBoxPlot.ID), is(1));
    assertThat(ReportHtml.marks(html, TopBottomFacilities.ID), is(1));
    assertThat(ReportHtml.marks(html, StaffingMixChart.ID), is(2));
    assertThat(ReportHtml.chart(html, StaffingMixChart.ID), containsString("RN " + Html.MISSING));
    assertThat(html, not(containsString("NaN")));
  }

  @Test
  public void topAndBottomNeverShowAFacilityTwice() {
    List<Row> facilities = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      facilities.add(facility(String.format("01%04d", i), "Home " + i, "AL", "2025Q1", 2.0 + i / 10.0));
    }

    String chart = ReportHtml.chart(StaffingReport.render("Staffing", List.of(), facilities, List.of(), List.of()),
        TopBottomFacilities.ID);

    assertThat(ReportHtml.count(chart, "<title>"), is(13));
    assertThat(chart, containsString("Highest 10"));
    assertThat(chart, containsString("Lowest 3, lowest first"));
    for (int i = 0; i < 13; i++) {
      assertThat(ReportHtml.count(chart, "(01" + String.format("%04d", i) + ", AL)"), is(1));
    }
  }

  @Test
  public void aScatterOfFifteenThousandFacilitiesStaysSmallWithCoordinatesToOneDecimal() {
    List<Row> occupancy = new ArrayList<>();
    Random random = new Random(11);
    for (int i = 0; i < 15_000; i++) {
      occupancy.add(occupancy(String.format("%06d", i), "Riverside Nursing & Rehabilitation Center", "TX",
          "2025Q1", 120, 100.0, 0.5 + random.nextDouble() / 2, 2.5 + random.nextDouble() * 3, 0.1));
    }

    String html = StaffingReport.render("Staffing", List.of(), List.of(), List.of(), occupancy);

    assertThat(ReportHtml.marks(html, UtilizationScatter.ID), is(15_000));
    assertThat(html.length(), lessThan(2_500_000));
    Matcher coordinates = Pattern.compile("c[xy]=\"([^\"]*)\"").matcher(html);
    List<String> unrounded = new ArrayList<>();
    while (coordinates.find()) {
      if (!coordinates.group(1).matches("\\d+(\\.\\d)?")) {
        unrounded.add(coordinates.group(1));
      }
    }
    assertThat(unrounded, is(List.of()));
  }

  @Test
  public void axesEndOnRoundTicks() {
    LinearScale hprd = LinearScale.zeroTo(6.3, 0, 100);
    assertThat(hprd.ticks().stream().map(Svg::hours).toList(), is(List.of("0", "1", "2", "3", "4", "5", "6", "7")));
    assertThat(hprd.at(7), is(100.0));

    LinearScale share = LinearScale.zeroTo(1, 0, 100);
    assertThat(share.ticks().stream().map(Svg::percent).toList(),
        is(List.of("0%", "20%", "40%", "60%", "80%", "100%")));
    assertThat(LinearScale.zeroTo(0, 0, 100).ticks().size(), is(6));

    LinearScale spread = LinearScale.spanning(2.13, 6.4, 0, 100);
    assertThat(spread.ticks().stream().map(Svg::hours).toList(), is(List.of("2", "3", "4", "5", "6", "7")));
    assertThat(spread.at(4.5), is(50.0));
    assertThat(LinearScale.spanning(0.62, 0.97, 0, 100).ticks().stream().map(Svg::percent).toList(),
        is(List.of("60%", "65%", "70%", "75%", "80%", "85%", "90%", "95%", "100%")));
    assertThat(Svg.at(12.345), is("12.3"));
    assertThat(Svg.at(12.0), is("12"));
    assertThat(Svg.at(-0.46), is("-0.5"));
  }

  private static String render(Tables tables) {
    return StaffingReport.render("Staffing", tables.hprdByState(), tables.hprdByFacility(), tables.staffingMix(),
        tables.staffingVsOccupancy());
  }
}
