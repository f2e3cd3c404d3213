package io.carelake.pipelines.staffing.report;

import static io.carelake.pipelines.staffing.report.ReportRowsFixture.facility;
import static io.carelake.pipelines.staffing.report.ReportRowsFixture.mix;
import static io.carelake.pipelines.staffing.report.ReportRowsFixture.occupancy;
import static io.carelake.pipelines.staffing.report.ReportRowsFixture.state;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import io.carelake.pipelines.staffing.report.ReportRowsFixture.Tables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** The page around the charts: header, tables, escaping, empty and partly empty inputs, writing it out. */
@RunWith(JUnit4.class)
public class StaffingReportTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void escapesTitleAndFacilityNamesInTablesAndTooltips() {
    String name = "Smith & Sons' <Care> \"Home\"";
    String html = StaffingReport.render("Staffing <Q1> & more", List.of(),
        List.of(facility("015009", name, "AL", "2025Q1", 3.1)), List.of(),
        List.of(occupancy("015009", name, "AL", "2025Q1", 100, 80.0, 0.8, 3.1, 0.1)));

    assertThat(html, containsString("<title>Staffing &lt;Q1&gt; &amp; more</title>"));
    assertThat(html, containsString("<h1>Staffing &lt;Q1&gt; &amp; more</h1>"));
    assertThat(html, containsString("<td>Smith &amp; Sons&#39; &lt;Care&gt; &quot;Home&quot;</td>"));
    assertThat(html, containsString("<title>Smith &amp; Sons&#39; &lt;Care&gt; &quot;Home&quot; (015009, AL)"));
    assertThat(html, not(containsString("<Care>")));
    assertThat(html, not(containsString("<Q1>")));
  }

  @Test
  public void emptyInputsRenderAPageThatSaysThereIsNoData() {
    String html = StaffingReport.render("Staffing", List.of(), List.of(), List.of(), List.of());

    assertThat(html, containsString("No staffing data to report"));
    assertThat(html, not(containsString("data-chart")));
    assertThat(html, not(containsString("<svg")));
    assertThat(html, not(containsString("<table")));
    assertThat(html, containsString("</html>"));
  }

  @Test
  public void aChartWithoutDataSaysSoInsteadOfDrawingAnEmptyChart() {
    String html = StaffingReport.render("Staffing",
        List.of(state("AL", "2025Q1", 2, 14_400.0, 3.8, 0.7, 0.9, 2.2, 0.12)), List.of(),
        List.of(mix("AL", "2025Q1", 900.0, 100.0, 0.1, 0.2, 0.1, 0.05)), List.of());

    assertThat(ReportHtml.chartIds(html), is(List.of(StaffingMixChart.ID)));
    assertThat(html, containsString("No facility HPRD to plot."));
    assertThat(html, containsString("No occupancy to plot."));
    assertThat(html, containsString("No facility HPRD to rank."));
    assertThat(html, containsString("id=\"state-table\""));
    assertThat(html, not(containsString("id=\"facility-table\"")));
    assertThat(html, containsString("<dt>Facilities</dt><dd>2</dd>"));
  }

  @Test
  public void headerCountsFacilitiesStatesResidentDaysAndQuarters() {
    String html = StaffingReport.render("Staffing",
        List.of(state("AL", "2024Q4", 2, 14_000.0, 3.8, 0.7, 0.9, 2.2, 0.12),
            state("AL", "2025Q1", 2, 14_400.0, 3.8, 0.7, 0.9, 2.2, 0.12),
            state("AK", "2025Q1", 1, 1_600.5, 4.1, 0.9, 0.9, 2.3, 0.02)),
        List.of(facility("015009", "A", "AL", "2024Q4", 3.0), facility("015009", "A", "AL", "2025Q1", 3.1),
            facility("015010", "B", "AL", "2025Q1", 4.5), facility("025001", "C", "AK", "2025Q1", 4.1)),
        List.of(), List.of());

    assertThat(html, containsString("<dt>Facilities</dt><dd>3</dd>"));
    assertThat(html, containsString("<dt>States</dt><dd>2</dd>"));
    assertThat(html, containsString("<dt>Resident days</dt><dd>30,001</dd>"));
    assertThat(html, containsString("<dt>Quarters</dt><dd>2</dd>"));
    assertThat(html, containsString("Quarters 2024Q4 to 2025Q1"));
    assertThat(html, containsString("hours per resident day"));
    assertThat(html, containsString("outliers"));
  }

  @Test
  public void tablesFormatHprdWithTwoDecimalsSharesAsPercentAndMissingAsADash() {
    String html = StaffingReport.render("Staffing",
        List.of(state("AL", "2025Q1", 2, 14_400.0, 3.8456, 0.7, 0.9, 2.2, 0.1234)),
        List.of(facility("015009", "A", "AL", "2025Q1", 90, null, null, null, null, null, null)),
        List.of(), List.of());

    assertThat(html, containsString("data-value=\"3.8456\">3.85</td>"));
    assertThat(html, containsString("data-value=\"0.1234\">12.3%</td>"));
    assertThat(html, containsString("data-value=\"\">" + Html.MISSING + "</td>"));
  }

  @Test
  public void facilityTableListsTheLeastStaffedWhenThereAreTooManyAndSaysSo() {
    List<Row> facilities = new ArrayList<>();
    for (int i = 0; i < ReportPage.FACILITY_ROWS + 20; i++) {
      facilities.add(facility(String.format("01%04d", i), "Home " + i, "AL", "2025Q1", 2.0 + i / 100.0));
    }
    String html = StaffingReport.render("Staffing", List.of(), facilities, List.of(), List.of());
    String table = html.substring(html.indexOf("id=\"facility-table\""));

    assertThat(ReportHtml.count(table, "<tr>"), is(ReportPage.FACILITY_ROWS + 1));
    assertThat(html, containsString("The 500 facilities with the lowest total HPRD of the 520 in 2025Q1"));
    assertThat(table, containsString("<td>010000</td>"));
    assertThat(table, not(containsString("<td>010519</td>")));
  }

  @Test
  public void theSortScriptAndStyleAreInlineAndNothingIsFetched() {
    Tables tables = ReportRowsFixture.generated(5, 60, List.of("2025Q1"), 1);
    String html = StaffingReport.render("Staffing", tables.hprdByState(), tables.hprdByFacility(),
        tables.staffingMix(), tables.staffingVsOccupancy());

    assertThat(html, containsString("<script>document.querySelectorAll('table.sortable th')"));
    assertThat(html, not(containsString("<script src")));
    assertThat(html, not(containsString("<link")));
    assertThat(html, not(containsString("http://")));
    assertThat(html, not(containsString("https://")));
  }

  @Test
  public void writeCreatesTheParentDirectoriesAndWritesUtf8() throws Exception {
    Path file = temp.getRoot().toPath().resolve("reports/2025/staffing.html");
    Path written = StaffingReport.write(file, "Staffing – Q1", List.of(),
        List.of(facility("015009", "Ünion Care", "AL", "2025Q1", 3.1)), List.of(), List.of());

    assertThat(written, is(file));
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(html, containsString("Staffing – Q1"));
    assertThat(html, containsString("Ünion Care"));
    assertThat(html.length(), greaterThan(1000));
    assertThat(html.length(), lessThan(100_000));
  }
}
