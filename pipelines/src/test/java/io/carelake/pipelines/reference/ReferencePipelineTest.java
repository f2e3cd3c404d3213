package io.carelake.pipelines.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.carelake.schemas.FileAudit;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
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

/** The reference pipeline end to end on the Direct runner, on NPPES bulk files whose every outcome is worked out by hand. */
@RunWith(JUnit4.class)
public class ReferencePipelineTest {
  private static final String SMITH = "1234567893";
  private static final String CSP = "1568946812";
  private static final String GONE = "1003000126";
  private static final String AGAIN = "1245319599";
  private static final String MONTHLY = "npidata_pfile_20050523-20250608.csv";
  private static final String WEEKLY = "npidata_pfile_20250609-20250615.csv";
  private static final String LATE = "npidata_pfile_20250301-20250307.csv";

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TestPipeline again = TestPipeline.create();
  @Rule public final transient TestPipeline third = TestPipeline.create();
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private Path lake;
  private Path landing;

  @Before
  public void setUp() throws IOException {
    lake = temp.newFolder("lake").toPath();
    landing = Files.createDirectories(lake.resolve("landing/reference"));
  }

  @Test
  public void validatesMergesHistoryAndBuildsTheProviderDimension() throws Exception {
    write(MONTHLY,
        individual(SMITH, "SMITH", "01/15/2025", "100 MAIN ST", "207Q00000X"),
        organization(CSP, "CSP ANESTHESIA LLC", "09/22/2018"),
        individual("1234567890", "JONES", "01/15/2025", "1 OAK AVE", "207R00000X"),
        deactivation(GONE, "05/01/2025"),
        individual("1497758544", "", "01/15/2025", "1 OAK AVE", "207R00000X"),
        individual("1023456787", "BROWN", "02/30/2024", "1 OAK AVE", "207R00000X"));
    write(WEEKLY,
        individual(SMITH, "SMITH", "06/10/2025", "200 MARKET ST STE 5", "207Q00000X"),
        // Only NPPES's update date changed: no new version.
        organization(CSP, "CSP ANESTHESIA LLC", "06/11/2025"));
    Files.writeString(landing.resolve("npidata_pfile_20250616-20250622.csv"), "\"Provider Name\",\"City\"\n\"A\",\"B\"\n");
    Files.writeString(landing.resolve("icd10cm_20250610.csv"), "code,name\nE11.9,Type 2 diabetes\n");
    run(pipeline, "run-1");
    Lake at = Lake.at(lake.toString());

    Map<String, Row> audit = byKey(TableRows.read(at.audit("landing_files")), row -> row.getString("file"));
    assertAudit(audit.get(MONTHLY), FileAudit.PROCESSED, 6, 3, 3);
    assertAudit(audit.get(WEEKLY), FileAudit.PROCESSED, 2, 2, 0);
    assertThat(audit.get("npidata_pfile_20250616-20250622.csv").getString("status"), is(FileAudit.FAILED));
    assertThat(audit.get("npidata_pfile_20250616-20250622.csv").getString("error"), startsWith("header.npi: "));
    assertThat(audit.get("icd10cm_20250610.csv").getString("status"), is(FileAudit.REJECTED));
    assertThat(audit.get("icd10cm_20250610.csv").getString("error"),
        is("name.extension: icd10cm files are .jsonl or .jsonl.gz"));

    Map<Long, Row> quarantined = byKey(TableRows.read(at.quarantine("reference")), row -> row.getInt64("line_number"));
    assertThat(quarantined.keySet(), containsInAnyOrder(4L, 6L, 7L));
    assertThat(ruleIds(quarantined.get(4L)), contains("npi.check_digit"));
    assertThat(ruleIds(quarantined.get(6L)), contains("last_name.required"));
    assertThat(ruleIds(quarantined.get(7L)), contains("last_updated.date_format"));

    List<Row> smith = history(at, SMITH);
    assertThat(smith.size(), is(2));
    assertVersion(smith.get(0), 1, "2025-01-15", "2025-06-10", false, "100 MAIN ST");
    assertVersion(smith.get(1), 2, "2025-06-10", null, true, "200 MARKET ST STE 5");
    assertThat(smith.get(1).getString("practice_phone"), is("5089926553"));
    assertThat(smith.get(1).getArray("taxonomy_codes"), contains("282N00000X", "207Q00000X"));
    assertThat(smith.get(1).getString("enumeration_type"), is("NPI-1"));
    assertThat(history(at, CSP).size(), is(1));
    assertThat(history(at, CSP).get(0).getString("source_file"), is(MONTHLY));
    // A deactivation before any version leaves a version 0 row and no dimension row.
    assertThat(history(at, GONE).get(0).getInt32("version"), is(0));

    List<Row> dim = dimension(at, SMITH);
    assertThat(dim.size(), is(2));
    assertThat(dim.get(0).getString("provider_name"), is("SMITH, JOHN Q"));
    assertThat(dim.get(0).getString("provider_type"), is("Individual"));
    assertThat(dim.get(0).getValue("effective_to").toString(), is("2025-06-10"));
    assertThat(dim.get(0).getString("record_status"), is("superseded"));
    assertThat(dim.get(1).getBoolean("is_current"), is(true));
    assertThat(dim.get(1).getString("record_status"), is("current"));
    assertThat(dim.get(1).getString("practice_address_line_1"), is("200 MARKET ST STE 5"));
    assertThat(dim.get(1).getString("source_system"), is("NPPES bulk file"));
    assertThat(dimension(at, CSP).get(0).getString("provider_name"), is("CSP ANESTHESIA LLC"));
    assertThat(dimension(at, GONE), empty());
    long firstKey = dim.get(0).getInt64("provider_key");

    // A late file inserts a version between the two, and a deactivation ends CSP's history; the deactivated
    // NPI is reactivated; another is deactivated again after an earlier reactivation (NPPES keeps both dates).
    write(LATE, individual(SMITH, "SMITH", "03/01/2025", "100 MAIN ST", "208D00000X"),
        deactivation(CSP, "07/01/2025"),
        with(individual(GONE, "GAMMA", "06/02/2025", "6410 ROCKLEDGE DR", "207RH0003X"),
            "NPI Deactivation Date", "05/01/2025", "NPI Reactivation Date", "06/01/2025"),
        individual(AGAIN, "OKAFOR", "01/10/2025", "1 OAK AVE", "207R00000X"),
        with(deactivation(AGAIN, "04/01/2025"), "NPI Reactivation Date", "02/01/2025"));
    run(again, "run-2");
    smith = history(at, SMITH);
    assertThat(smith.size(), is(3));
    assertVersion(smith.get(0), 1, "2025-01-15", "2025-03-01", false, "100 MAIN ST");
    assertVersion(smith.get(1), 2, "2025-03-01", "2025-06-10", false, "100 MAIN ST");
    assertVersion(smith.get(2), 3, "2025-06-10", null, true, "200 MARKET ST STE 5");
    List<Row> csp = history(at, CSP);
    assertThat(csp.size(), is(1));
    assertThat(csp.get(0).getBoolean("is_current"), is(false));
    assertThat(day(csp.get(0).getInt64("valid_to")), is("2025-07-01"));
    dim = dimension(at, SMITH);
    assertThat(dim.size(), is(3));
    assertThat(dim.get(0).getInt64("provider_key"), is(firstKey));
    assertThat(dim.get(1).getString("primary_taxonomy_code"), is("208D00000X"));
    Row cspDim = dimension(at, CSP).get(0);
    assertThat(cspDim.getBoolean("is_current"), is(false));
    assertThat(cspDim.getString("record_status"), is("deactivated"));
    assertThat(cspDim.getValue("deactivation_date").toString(), is("2025-07-01"));
    List<Row> reactivated = history(at, GONE);
    assertThat(reactivated.size(), is(2));
    assertVersion(reactivated.get(1), 1, "2025-06-02", null, true, "6410 ROCKLEDGE DR");
    assertThat(dimension(at, GONE).size(), is(1));
    List<Row> deactivatedAgain = history(at, AGAIN);
    assertThat(deactivatedAgain.size(), is(1));
    assertVersion(deactivatedAgain.get(0), 1, "2025-01-10", "2025-04-01", false, "1 OAK AVE");
    assertThat(dimension(at, AGAIN).get(0).getString("record_status"), is("deactivated"));
    assertAudit(byKey(TableRows.read(at.audit("landing_files")).stream()
        .filter(row -> row.getString("run_id").equals("run-2")).toList(), row -> row.getString("file")).get(LATE),
        FileAudit.PROCESSED, 5, 5, 0);

    // Loading the same files again changes nothing.
    List<String> before = TableRows.read(at.silver("provider_history")).stream().map(Row::toString).sorted().toList();
    run(third, "run-3", "--reprocess=true");
    assertThat(TableRows.read(at.silver("provider_history")).stream().map(Row::toString).sorted().toList(), is(before));
  }

  private void run(TestPipeline testPipeline, String runId, String... more) {
    List<String> args = new ArrayList<>(List.of("--lake=" + lake, "--runId=" + runId, "--writeShards=2",
        "--readSplitBytes=700"));
    args.addAll(List.of(more));
    ReferenceOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(ReferenceOptions.class);
    ReferencePipeline.build(testPipeline, ReferencePipeline.configFrom(options));
    testPipeline.run().waitUntilFinish();
  }

  private void write(String name, List<String>... records) throws IOException {
    StringBuilder text = new StringBuilder(line(NppesBulkGenerator.HEADER));
    for (List<String> record : records) {
      text.append(line(record));
    }
    Files.writeString(landing.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static String line(List<String> values) {
    return values.stream().map(value -> "\"" + value + "\"").collect(Collectors.joining(",")) + "\n";
  }

  private static List<String> record(Map<String, String> byHeader) {
    String[] values = new String[NppesBulkGenerator.HEADER.size()];
    Arrays.fill(values, "");
    byHeader.forEach((header, value) -> values[NppesBulkGenerator.HEADER.indexOf(header)] = value);
    return List.of(values);
  }

  private static List<String> individual(String npi, String last, String updated, String street, String taxonomy) {
    return record(Map.ofEntries(Map.entry("NPI", npi), Map.entry("Entity Type Code", "1"),
        Map.entry("Provider Last Name (Legal Name)", last), Map.entry("Provider First Name", "JOHN"),
        Map.entry("Provider Middle Name", "Q"), Map.entry("Provider Credential Text", "M.D."),
        Map.entry("Provider Sex Code", "M"),
        Map.entry("Provider First Line Business Practice Location Address", street),
        Map.entry("Provider Business Practice Location Address City Name", "NEW BEDFORD"),
        Map.entry("Provider Business Practice Location Address State Name", "MA"),
        Map.entry("Provider Business Practice Location Address Postal Code", "027406232"),
        Map.entry("Provider Business Practice Location Address Telephone Number", "508-992-6553"),
        Map.entry("Provider Enumeration Date", "05/27/2005"), Map.entry("Last Update Date", updated),
        Map.entry("Healthcare Provider Taxonomy Code_1", "282N00000X"),
        Map.entry("Healthcare Provider Primary Taxonomy Switch_1", "N"),
        Map.entry("Healthcare Provider Taxonomy Code_2", taxonomy),
        Map.entry("Provider License Number_2", "4005"), Map.entry("Provider License Number State Code_2", "MA"),
        Map.entry("Healthcare Provider Primary Taxonomy Switch_2", "Y"), Map.entry("Is Sole Proprietor", "N")));
  }

  private static List<String> organization(String npi, String name, String updated) {
    return record(Map.of("NPI", npi, "Entity Type Code", "2", "Employer Identification Number (EIN)", "<UNAVAIL>",
        "Provider Organization Name (Legal Business Name)", name,
        "Provider Business Practice Location Address State Name", "GA", "Provider Enumeration Date", "09/22/2018",
        "Last Update Date", updated, "Healthcare Provider Taxonomy Code_1", "207L00000X",
        "Healthcare Provider Primary Taxonomy Switch_1", "Y", "Is Organization Subpart", "N"));
  }

  /** The record with more columns set, by header. */
  private static List<String> with(List<String> record, String... headersAndValues) {
    List<String> values = new ArrayList<>(record);
    for (int i = 0; i < headersAndValues.length; i += 2) {
      values.set(NppesBulkGenerator.HEADER.indexOf(headersAndValues[i]), headersAndValues[i + 1]);
    }
    return values;
  }

  private static List<String> deactivation(String npi, String date) {
    return record(Map.of("NPI", npi, "NPI Deactivation Date", date));
  }

  private static List<Row> history(Lake at, String npi) {
    return TableRows.read(at.silver("provider_history")).stream().filter(row -> row.getString("npi").equals(npi))
        .sorted(Comparator.comparingLong(row -> row.getInt64("valid_from"))).toList();
  }

  private static List<Row> dimension(Lake at, String npi) {
    return TableRows.read(at.gold("dim_provider")).stream().filter(row -> row.getString("npi").equals(npi))
        .sorted(Comparator.comparingInt(row -> row.getInt32("version_number"))).toList();
  }

  private static void assertVersion(Row row, int version, String from, String to, boolean current, String street) {
    assertThat(row.getInt32("version"), is(version));
    assertThat(day(row.getInt64("valid_from")), is(from));
    assertThat(row.getInt64("valid_to") == null ? null : day(row.getInt64("valid_to")), to == null ? nullValue() : is(to));
    assertThat(row.getBoolean("is_current"), is(current));
    assertThat(row.getString("practice_address_1"), is(street));
  }

  private static String day(long epochMillis) {
    return LocalDate.ofEpochDay(Math.floorDiv(epochMillis, 86_400_000L)).toString();
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
