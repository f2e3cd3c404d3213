package io.carelake.pipelines.staffing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.carelake.schemas.FileAudit;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableRows;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** The staffing pipeline end to end on the Direct runner, on a small lake whose every figure is worked out by hand. */
@RunWith(JUnit4.class)
public class StaffingPipelineTest {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final String PBJ_HEADER = StaffingGenerator.PBJ_HEADER;
  // A 2017 header: lower case, with the spellings of that year.
  private static final String PBJ_2017_HEADER = PBJ_HEADER.toLowerCase()
      .replace("hrs_lpnadmin,", "hrs_lpn_admin,").replace("hrs_natrn,", "hrs_na_trn,");

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TestPipeline again = TestPipeline.create();
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private Path lake;
  private Path landing;

  @Before
  public void setUp() throws IOException {
    lake = temp.newFolder("lake").toPath();
    landing = Files.createDirectories(lake.resolve("landing/staffing"));
    write("pbj_20250410.csv", PBJ_HEADER,
        // A CCN that lost its leading zero in a spreadsheet.
        pbj("15009.0", "BURNS NURSING HOME", "AL", "20250101", "50", 40, 30, 10, 30, 30, 0, 100, 80, 20),
        pbj("015009", "BURNS NURSING HOME", "AL", "20250102", "50", 40, 30, 10, 30, 30, 0, 100, 80, 20),
        pbj("015009", "BURNS NURSING HOME", "AL", "20250103", "0", 8, 8, 0, 0, 0, 0, 0, 0, 0),
        // A Windows-1252 apostrophe (0x92) in the name; aide HPRD 15 and total HPRD 16: flagged twice.
        pbj("045123", "O\u2019BRIEN CARE", "TX", "20250101", "20", 10, 10, 0, 10, 10, 0, 300, 300, 0),
        pbj("045123", "O\u2019BRIEN CARE", "TX", "2025-01-02", "20", 20, 20, 0, 20, 20, 0, 60, 60, 0),
        pbj("045123", "O\u2019BRIEN CARE", "TX", "20250103", "n/a", 20, 20, 0, 20, 20, 0, 60, 60, 0),
        pbj("045123", "O\u2019BRIEN CARE", "TX", "20250230", "20", 20, 20, 0, 20, 20, 0, 60, 60, 0),
        pbj("", "NO NUMBER", "TX", "20250104", "20", 20, 20, 0, 20, 20, 0, 60, 60, 0));
    // The next week's delivery resends 2 January with more RN hours: the later delivery wins.
    write("pbj_20250417.csv", PBJ_HEADER,
        pbj("015009", "BURNS NURSING HOME", "AL", "20250102", "50", 60, 40, 20, 30, 30, 0, 100, 80, 20));
    write("pbj_20250418.csv", PBJ_2017_HEADER,
        pbj("055001", "PACIFIC GARDENS", "CA", "20241001", "10", 10, 10, 0, 5, 5, 0, 25, 25, 0));
    write("pbj_20250419.csv", PBJ_HEADER.replace("MDScensus,", "Census,"),
        pbj("015009", "BURNS NURSING HOME", "AL", "20250105", "50", 40, 30, 10, 30, 30, 0, 100, 80, 20));
    write("provider_info_20250401.csv",
        "\"Federal Provider Number\",\"Provider Name\",\"State\",\"Number of Certified Beds\",\"Processing Date\"",
        "015009,\"BURNS OLD NAME\",AL,60,2025-03-01");
    write("provider_info_20250402.csv", "\"CMS Certification Number (CCN)\",\"Provider Name\",\"City/Town\",\"State\","
            + "\"Number of Certified Beds\",\"Average Number of Residents per Day\",\"Processing Date\"",
        "\"015009\",\"BURNS NURSING HOME, INC.\",\"RUSSELLVILLE\",\"AL\",57,44.6,2025-07-01",
        "\"045123\",\"O'BRIEN CARE\",\"DALLAS\",\"TX\",40,19.5,2025-07-01",
        "\"099999\",\"NEW HOPE\",\"MOBILE\",\"AL\",100,80,2025-07-01",
        "\"099998\",\"MANY BEDS\",\"MOBILE\",\"AL\",many,80,2025-07-01");
  }

  @Test
  public void typesMergesAndBuildsTheGoldTables() throws Exception {
    run(pipeline, "run-1", "--readSplitBytes=64");
    Lake at = Lake.at(lake.toString());

    Map<String, Row> audit = byKey(TableRows.read(at.audit("landing_files")), row -> row.getString("file"));
    assertAudit(audit.get("pbj_20250410.csv"), FileAudit.PROCESSED, 8, 5, 3);
    assertAudit(audit.get("pbj_20250417.csv"), FileAudit.PROCESSED, 1, 1, 0);
    assertAudit(audit.get("pbj_20250418.csv"), FileAudit.PROCESSED, 1, 1, 0);
    assertAudit(audit.get("pbj_20250419.csv"), FileAudit.FAILED, 0, 0, 0);
    assertThat(audit.get("pbj_20250419.csv").getString("error"), startsWith("staffing.required: the header has no mds_census"));
    assertAudit(audit.get("provider_info_20250401.csv"), FileAudit.PROCESSED, 1, 1, 0);
    assertAudit(audit.get("provider_info_20250402.csv"), FileAudit.PROCESSED, 4, 3, 1);

    Map<Long, Row> quarantined = byKey(TableRows.read(at.quarantine("staffing")).stream()
        .filter(row -> row.getString("source_file").equals("pbj_20250410.csv")).toList(),
        row -> row.getInt64("line_number"));
    assertThat(quarantined.keySet(), containsInAnyOrder(7L, 8L, 9L));
    assertThat(ruleIds(quarantined.get(7L)), contains("staffing.number"));
    assertThat(ruleIds(quarantined.get(8L)), contains("staffing.date"));
    assertThat(ruleIds(quarantined.get(9L)), contains("staffing.required"));

    Map<String, Row> days = byKey(TableRows.read(at.silver("pbj_daily_staffing")),
        row -> row.getString("ccn") + "@" + row.getValue("work_date"));
    assertThat(days.keySet(), containsInAnyOrder("015009@2025-01-01", "015009@2025-01-02", "015009@2025-01-03",
        "045123@2025-01-01", "045123@2025-01-02", "055001@2024-10-01"));
    assertThat(days.get("015009@2025-01-02").getDouble("hrs_rn"), is(60.0));
    assertThat(days.get("015009@2025-01-02").getString("source_file"), is("pbj_20250417.csv"));
    assertThat(days.get("045123@2025-01-01").getString("provider_name"), is("O\u2019BRIEN CARE"));
    assertThat(days.get("055001@2024-10-01").getDouble("hrs_lpnadmin"), is(0.0));
    assertThat(days.get("055001@2024-10-01").getString("cy_qtr"), is("2024Q4"));

    Map<String, Row> facilities = byKey(TableRows.read(at.silver("provider_info")), row -> row.getString("ccn"));
    assertThat(facilities.keySet(), containsInAnyOrder("015009", "045123", "099999"));
    assertThat(facilities.get("015009").getString("provider_name"), is("BURNS NURSING HOME, INC."));
    assertThat(facilities.get("015009").getInt32("certified_beds"), is(57));

    Map<String, Row> dim = byKey(TableRows.read(at.gold("facility_dim")), row -> row.getString("ccn"));
    assertThat(dim.keySet(), containsInAnyOrder("015009", "045123", "055001", "099999"));
    assertThat(dim.get("055001").getBoolean("in_provider_info"), is(false));
    assertThat(dim.get("055001").getString("state"), is("CA"));
    assertThat(dim.get("099999").getBoolean("in_pbj"), is(false));
    assertThat(dim.get("015009").getValue("first_work_date"), is(LocalDate.of(2025, 1, 1)));
    assertThat(dim.get("015009").getValue("last_work_date"), is(LocalDate.of(2025, 1, 3)));

    Map<String, Row> facts = byKey(TableRows.read(at.gold("daily_staffing_fact")),
        row -> row.getString("ccn") + "@" + row.getValue("work_date"));
    assertThat(facts.size(), is(6));
    assertThat(facts.get("015009@2025-01-03").getString("exclusion_flags"), is("zero_census"));
    assertThat(facts.get("015009@2025-01-03").getDouble("hprd_total"), nullValue());
    assertThat(facts.get("045123@2025-01-01").getString("exclusion_flags"), is("hprd_total_above_12,hprd_aide_above_5.25"));
    assertThat(facts.get("045123@2025-01-01").getBoolean("included_in_averages"), is(false));
    assertThat(facts.get("015009@2025-01-02").getDouble("hprd_total"), closeTo(3.8, 1e-12));
    assertThat(facts.get("015009@2025-01-02").getDouble("contract_share"), closeTo(40.0 / 190, 1e-12));

    Map<String, Row> quarters = byKey(TableRows.read(at.gold("quarterly_provider_fact")),
        row -> row.getString("ccn") + "@" + row.getString("cy_qtr"));
    Row burns = quarters.get("015009@2025Q1");
    assertThat(burns.getInt64("days_reported"), is(3L));
    assertThat(burns.getInt64("days_included"), is(2L));
    assertThat(burns.getDouble("hprd_total"), closeTo(360.0 / 100, 1e-12));
    assertThat(burns.getDouble("contract_share"), closeTo(70.0 / 360, 1e-12));
    assertThat(burns.getDouble("utilization"), closeTo(50.0 / 57, 1e-12));
    assertThat(burns.getString("provider_name"), is("BURNS NURSING HOME, INC."));
    assertThat(quarters.get("045123@2025Q1").getDouble("hprd_total"), closeTo(5.0, 1e-12));
    assertThat(quarters.get("045123@2025Q1").getDouble("utilization"), closeTo(0.5, 1e-12));
    assertThat(quarters.get("055001@2024Q4").getDouble("hprd_total"), closeTo(4.0, 1e-12));
    assertThat(quarters.get("055001@2024Q4").getDouble("utilization"), nullValue());

    Map<String, Row> states = byKey(TableRows.read(at.gold("hprd_by_state")),
        row -> row.getString("state") + "@" + row.getString("cy_qtr"));
    assertThat(states.keySet(), containsInAnyOrder("AL@2025Q1", "TX@2025Q1", "CA@2024Q4"));
    assertThat(states.get("AL@2025Q1").getDouble("hprd_total"), closeTo(3.6, 1e-12));
    Map<String, Row> mix = byKey(TableRows.read(at.gold("staffing_mix")),
        row -> row.getString("state") + "@" + row.getString("cy_qtr"));
    assertThat(mix.get("AL@2025Q1").getDouble("contract_hours"), closeTo(70.0, 1e-9));
    assertThat(mix.get("AL@2025Q1").getDouble("employee_hours"), closeTo(290.0, 1e-9));
    assertThat(TableRows.read(at.gold("hprd_by_facility")).size(), is(3));
    assertThat(TableRows.read(at.gold("utilization")).size(), is(3));
    assertThat(TableRows.read(at.gold("staffing_vs_occupancy")).size(), is(3));

    // The run wrote the report of these gold tables: one file, every chart drawn, the facilities by name; the
    // same page as written from the gold tables afterwards, but for the time it was made.
    String html = Files.readString(lake.resolve("reports/staffing.html"));
    Path report = temp.getRoot().toPath().resolve("report/staffing.html");
    assertThat(StaffingReports.write(at, report.toString()), is(report.toString()));
    assertThat(withoutTimes(Files.readString(report)), is(withoutTimes(html)));
    for (String chart : List.of("hprd-by-state", "staffing-mix", "utilization-vs-hprd", "top-bottom")) {
      assertThat(chart, html.contains("data-chart=\"" + chart + "\""), is(true));
    }
    assertThat(html.contains("BURNS NURSING HOME, INC."), is(true));
    assertThat(html.contains("O&#39;BRIEN CARE"), is(true));

    // The same files again: every one skipped as already processed, and gold rebuilt to the same rows.
    List<Row> goldBefore = TableRows.read(at.gold("quarterly_provider_fact"));
    run(again, "run-2");
    Map<String, Row> audit2 = byKey(TableRows.read(at.audit("landing_files")).stream()
        .filter(row -> row.getString("run_id").equals("run-2")).toList(), row -> row.getString("file"));
    assertThat(audit2.get("pbj_20250410.csv").getString("status"), is(FileAudit.SKIPPED_DUPLICATE));
    assertThat(TableRows.read(at.gold("quarterly_provider_fact")), containsInAnyOrder(goldBefore.toArray()));
    assertThat(TableRows.read(at.silver("pbj_daily_staffing")).size(), is(6));
  }

  private static String withoutTimes(String html) {
    return html.replaceAll("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2})?( UTC)?", "<time>");
  }

  private void run(TestPipeline testPipeline, String runId, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("--lake=" + lake, "--runId=" + runId, "--writeShards=2"));
    args.addAll(List.of(more));
    StaffingOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(StaffingOptions.class);
    StaffingPipeline.build(testPipeline, StaffingPipeline.configFrom(options));
    testPipeline.run().waitUntilFinish();
  }

  private static String pbj(String ccn, String name, String state, String day, String census, double rn, double rnEmp,
      double rnCtr, double lpn, double lpnEmp, double lpnCtr, double cna, double cnaEmp, double cnaCtr) {
    StringBuilder line = new StringBuilder();
    line.append(String.join(",", ccn, name, "CITY", state, "County", "1", "2025Q1", day, census));
    double[][] byCode = {{0, 0, 0}, {0, 0, 0}, {rn, rnEmp, rnCtr}, {0, 0, 0}, {lpn, lpnEmp, lpnCtr}, {cna, cnaEmp, cnaCtr},
        {0, 0, 0}, {0, 0, 0}};
    for (double[] hours : byCode) {
      for (double value : hours) {
        line.append(',').append(value);
      }
    }
    return line.toString();
  }

  private void write(String name, String header, String... records) throws IOException {
    Files.writeString(landing.resolve(name), header + "\r\n" + String.join("\r\n", records) + "\r\n", WINDOWS_1252);
  }

  private static void assertAudit(Row row, String status, long read, long valid, long quarantined) {
    assertThat(row.getString("file") + " status", row.getString("status"), is(status));
    assertThat(row.getString("file") + " read", row.getInt64("rows_read"), is(read));
    assertThat(row.getString("file") + " valid", row.getInt64("valid"), is(valid));
    assertThat(row.getString("file") + " quarantined", row.getInt64("quarantined"), is(quarantined));
  }

  private static List<String> ruleIds(Row bad) {
    Collection<Row> violations = bad.getArray("violations");
    return violations.stream().map(violation -> violation.getString("rule_id")).toList();
  }

  private static <K> Map<K, Row> byKey(List<Row> rows, Function<Row, K> key) {
    return rows.stream().collect(Collectors.toMap(key, Function.identity()));
  }
}
