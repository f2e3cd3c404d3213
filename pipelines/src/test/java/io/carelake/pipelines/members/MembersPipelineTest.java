package io.carelake.pipelines.members;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.carelake.pipelines.conformance.LakeDump;
import io.carelake.schemas.FileAudit;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableRows;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** The members pipeline end to end on the Direct runner, on a small lake whose every count is known. */
@RunWith(JUnit4.class)
public class MembersPipelineTest {
  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private MemberLakeFixture fixture;
  private Lake lake;

  @Before
  public void setUp() throws Exception {
    fixture = new MemberLakeFixture(temp.newFolder("lake").toPath());
    lake = Lake.at(fixture.lake.toString());
  }

  @Test
  public void everyFileGetsItsAuditRowAndEveryRowItsPlace() throws Exception {
    fixture.writeAll();
    Files.delete(fixture.landing.resolve("acme_20250228.csv"));
    // Files of a few hundred bytes cut into up to 16 splits each: every count below must come out the same.
    MembersOptions options = options("--runId=run-1", "--readSplitBytes=16");
    MembersPipeline.build(pipeline, MembersPipeline.configFrom(options));
    pipeline.run().waitUntilFinish();

    Map<String, Row> audit = auditOfRun("run-1");
    assertThat(audit.keySet(), containsInAnyOrder("acme_20250301_1.csv", "acme_20250302.csv",
        "bluepeak_2025-03-01.csv", "bluepeak_20250301.csv", "roster-final.csv", "zenith_20250301.csv",
        "acme_20250303.csv.gz", "acme_20250304.csv"));
    assertAudit(audit.get("acme_20250301_1.csv"), FileAudit.PROCESSED, 6, 3, 3, 0, 0, 3);
    assertAudit(audit.get("acme_20250302.csv"), FileAudit.PROCESSED, 3, 3, 0, 3, 0, 0);
    assertAudit(audit.get("bluepeak_2025-03-01.csv"), FileAudit.PROCESSED, 2, 2, 0, 2, 0, 0);
    assertAudit(audit.get("acme_20250304.csv"), FileAudit.PROCESSED, 1, 0, 1, 0, 0, 0);
    assertAudit(audit.get("bluepeak_20250301.csv"), FileAudit.SKIPPED_DUPLICATE, 0, 0, 0, 0, 0, 0);
    assertAudit(audit.get("roster-final.csv"), FileAudit.REJECTED, 0, 0, 0, 0, 0, 0);
    assertAudit(audit.get("zenith_20250301.csv"), FileAudit.REJECTED, 0, 0, 0, 0, 0, 0);
    assertAudit(audit.get("acme_20250303.csv.gz"), FileAudit.FAILED, 0, 0, 0, 0, 0, 0);
    assertThat(error(audit, "roster-final.csv"), startsWith("name.contract"));
    assertThat(error(audit, "zenith_20250301.csv"), startsWith("client.unknown"));
    assertThat(error(audit, "acme_20250303.csv.gz"), startsWith("read.gzip"));
    assertThat(error(audit, "bluepeak_20250301.csv"), startsWith("duplicate.content"));
    assertThat(audit.get("acme_20250301_1.csv").getValue("content_sha256").toString().length(), is(64));

    List<Row> quarantine = TableRows.read(lake.quarantine("members"));
    Map<Long, Row> acmeBad = quarantine.stream()
        .filter(row -> row.getValue("source_file").toString().equals("acme_20250301_1.csv"))
        .collect(Collectors.toMap(row -> (Long) row.getValue("line_number"), Function.identity()));
    assertThat(acmeBad.keySet(), containsInAnyOrder(5L, 6L, 7L));
    assertThat(ruleIds(acmeBad.get(5L)), contains("dob.date_format", "phone.format", "state.code"));
    assertThat(ruleIds(acmeBad.get(6L)), contains("csv.column_count"));
    assertThat(ruleIds(acmeBad.get(7L)), contains("member_id.required"));
    assertThat(acmeBad.get(5L).getValue("payload").toString(), startsWith("A-3,Maya,Nguyen,13/45/1990"));
    List<Row> encoding = quarantine.stream()
        .filter(row -> row.getValue("source_file").toString().equals("acme_20250304.csv")).toList();
    assertThat(encoding, hasSize(1));
    assertThat(ruleIds(encoding.get(0)), contains("csv.encoding"));

    List<Row> silver = TableRows.read(lake.silver("members"));
    assertThat(silver, hasSize(5));
    Row ava = silver.stream().filter(row -> row.getValue("dob") != null && row.getValue("dob").toString().equals("1980")
        && row.getValue("client_id").toString().equals("acme") && row.getValue("plan_id").toString().equals("EPO-3003"))
        .findFirst().orElseThrow();
    assertThat(ava.getValue("member_id").toString(), startsWith("tok_"));
    assertThat(ava.getValue("first_name").toString(), startsWith("tok_"));
    assertThat(ava.getValue("address_line_1"), nullValue());
    assertThat(ava.getValue("zip").toString(), equalTo("685"));
    assertThat(ava.getValue("state").toString(), equalTo("NE"));
    assertThat(ava.getValue("source_file").toString(), equalTo("acme_20250302.csv"));
    Row theo = silver.stream().filter(row -> row.getValue("client_id").toString().equals("bluepeak")
        && row.getValue("plan_id").toString().equals("EPO-3003")).findFirst().orElseThrow();
    assertThat(theo.getValue("gender").toString(), equalTo("X"));
    assertThat(theo.getValue("city"), nullValue());
    assertThat(theo.getValue("coverage_end"), equalTo(java.time.LocalDate.of(2024, 6, 30)));

    List<Row> bronze = TableRows.read(lake.bronze("members"));
    assertThat("every parsed record of every read file", bronze, hasSize(6 - 1 + 3 + 2));

    List<Row> alerts = TableRows.read(lake.alerts("quality"));
    assertThat(alerts.stream().map(row -> row.getValue("file").toString()).toList(),
        containsInAnyOrder("acme_20250301_1.csv", "acme_20250304.csv"));
  }

  @Test
  public void backfillsNeverOverwriteAndRerunsLeaveSilverIdentical() throws Exception {
    fixture.write("acme_20250301_1.csv", MemberLakeFixture.ACME_0301_1);
    runOnce("run-1");
    assertAudit(auditOfRun("run-1").get("acme_20250301_1.csv"), FileAudit.PROCESSED, 6, 3, 3, 2, 0, 1);

    fixture.write("acme_20250302.csv", MemberLakeFixture.ACME_0302);
    runOnce("run-2");
    Map<String, Row> second = auditOfRun("run-2");
    assertAudit(second.get("acme_20250301_1.csv"), FileAudit.SKIPPED_DUPLICATE, 0, 0, 0, 0, 0, 0);
    assertAudit(second.get("acme_20250302.csv"), FileAudit.PROCESSED, 3, 3, 0, 1, 1, 1);

    fixture.write("acme_20250228.csv", MemberLakeFixture.ACME_0228);
    runOnce("run-3");
    assertAudit(auditOfRun("run-3").get("acme_20250228.csv"), FileAudit.PROCESSED, 1, 1, 0, 0, 0, 1);
    LakeDump afterBackfill = silverDump();
    assertThat(planOf("acme", "1980"), equalTo("EPO-3003"));

    runOnce("run-4", "--reprocess=true");
    Map<String, Row> reprocessed = auditOfRun("run-4");
    assertAudit(reprocessed.get("acme_20250302.csv"), FileAudit.PROCESSED, 3, 3, 0, 0, 0, 3);
    assertThat(silverDump().tables(), equalTo(afterBackfill.tables()));

    List<String> changeTypes = TableRows.changes(lake.silver("members")).stream()
        .map(row -> row.getValue("_change_type").toString()).toList();
    assertThat("run 1: A-1 and A-2 inserted; run 2: A-1 updated, A-5 inserted; runs 3 and 4 change nothing",
        changeTypes, containsInAnyOrder("insert", "insert", "insert", "update"));
  }

  @Test
  public void aLakeOnAJdbcCatalogRunsTheSameAndRefusesAReusedRunId() throws Exception {
    String catalog = "--catalog=type=jdbc,uri=jdbc:sqlite:" + temp.getRoot().toPath().resolve("catalog.db");
    lake = Lake.at(fixture.lake.toString(), catalog.substring("--catalog=".length()));
    fixture.write("acme_20250301_1.csv", MemberLakeFixture.ACME_0301_1);
    runOnce("run-1", catalog);
    fixture.write("acme_20250302.csv", MemberLakeFixture.ACME_0302);
    runOnce("run-2", catalog);

    assertAudit(auditOfRun("run-2").get("acme_20250302.csv"), FileAudit.PROCESSED, 3, 3, 0, 1, 1, 1);
    assertThat(TableRows.read(lake.silver("members")), hasSize(3));
    assertThat(lake.tables().stream().map(Object::toString).toList(), containsInAnyOrder(
        "bronze/members", "silver/members", "quarantine/members", "audit/landing_files", "alerts/quality"));
    ConfigException reused = org.junit.Assert.assertThrows(ConfigException.class,
        () -> MembersPipeline.configFrom(options("--runId=run-2", catalog)));
    assertThat(reused.getMessage(), startsWith("--runId: run run-2 already wrote to this lake"));
  }

  @Test
  public void aBadClientConfigurationStopsTheRunNamingFileAndField() throws Exception {
    Files.writeString(fixture.configDir.resolve("broken.yaml"),
        "client_id: broken\nrules:\n  - {column: plan_id, regex: \"[unclosed\"}\n");
    ConfigException error = org.junit.Assert.assertThrows(ConfigException.class,
        () -> MembersPipeline.configFrom(options()));
    assertThat(error.getMessage(), startsWith("broken.yaml: rules[0].regex: not a valid regular expression"));
  }

  private void runOnce(String runId, String... extra) {
    String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--runId=" + runId),
        java.util.Arrays.stream(extra)).toArray(String[]::new);
    MembersOptions options = options(args);
    Pipeline run = Pipeline.create(options);
    MembersPipeline.build(run, MembersPipeline.configFrom(options));
    run.run().waitUntilFinish();
  }

  private MembersOptions options(String... extra) {
    return PipelineOptionsFactory.fromArgs(fixture.args(extra)).withValidation().as(MembersOptions.class);
  }

  private LakeDump silverDump() {
    return LakeDump.of(List.of(lake.silver("members")));
  }

  private String planOf(String client, String birthYear) {
    return TableRows.read(lake.silver("members")).stream()
        .filter(row -> row.getValue("client_id").toString().equals(client) && birthYear.equals(String.valueOf((Object) row.getValue("dob"))))
        .map(row -> row.getValue("plan_id").toString()).findFirst().orElseThrow();
  }

  private Map<String, Row> auditOfRun(String runId) {
    return TableRows.read(lake.audit("landing_files")).stream()
        .filter(row -> row.getValue("run_id").toString().equals(runId))
        .collect(Collectors.toMap(row -> row.getValue("file").toString(), Function.identity()));
  }

  private static String error(Map<String, Row> audit, String file) {
    return String.valueOf((Object) audit.get(file).getValue("error"));
  }

  private static List<String> ruleIds(Row badRecord) {
    return ((List<?>) badRecord.getValue("violations")).stream()
        .map(v -> ((Row) v).getValue("rule_id").toString()).toList();
  }

  private static void assertAudit(Row row, String status, long read, long valid, long quarantined,
      long inserted, long updated, long unchanged) {
    String file = row.getValue("file").toString();
    assertThat(file + " status", row.getValue("status").toString(), equalTo(status));
    assertThat(file + " rows_read", row.getValue("rows_read"), equalTo(read));
    assertThat(file + " valid", row.getValue("valid"), equalTo(valid));
    assertThat(file + " quarantined", row.getValue("quarantined"), equalTo(quarantined));
    assertThat(file + " inserted", row.getValue("inserted"), equalTo(inserted));
    assertThat(file + " updated", row.getValue("updated"), equalTo(updated));
    assertThat(file + " unchanged", row.getValue("unchanged"), equalTo(unchanged));
  }
}
