package io.carelake.pipelines.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carelake.pipelines.ReadReport;
import io.carelake.schemas.FileAudit;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Reference;
import io.carelake.transforms.extract.ToBronzeRecords;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Landed NPI Registry, ICD-10-CM and HCPCS responses read into silver rows, bronze and quarantine. */
@RunWith(JUnit4.class)
public class ReadApiLandingsTest {
  private static final String NPPES = "nppes_api_20261202_1.jsonl";
  private static final String ICD = "icd10cm_20261202_1.jsonl";
  private static final String HCPCS = "hcpcs_20261202_2.jsonl";
  private static final String BROKEN = "nppes_api_20261203_1.jsonl.gz";

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private Path landing;
  private Lake lake;
  private String result2019;
  private String resultLive;

  @Before
  public void setUp() throws IOException {
    landing = temp.newFolder("landing").toPath();
    lake = Lake.at(temp.newFolder("lake").toString());
    result2019 = compact("nppes_result_2019.json");
    resultLive = compact("nppes_result_live_org.json");
  }

  @Test
  public void everyRecordIsARowOrQuarantinedAndInBronze() throws IOException {
    String badCheckDigit = result2019.replace("1234567893", "1234567890");
    List<LandingFile> files = List.of(
        ApiLandings.write(landing, "nppes_api", "2026-12-02", 1, List.of(
            ApiLandings.line("nppes_api", 1, "{\"result_count\":2,\"results\":[" + result2019 + "," + badCheckDigit + "]}"),
            ApiLandings.line("nppes_api", 2, "{\"Errors\":[{\"field\":\"generic\",\"number\":\"04\","
                + "\"description\":\"No valid search criteria provided\"}]}"),
            "{\"request\":{\"source\":\"nppes_api\"},\"response\":{\"results\":[{\"number\":12",
            "",
            ApiLandings.line("nppes_api", 3, "{\"result_count\":1,\"results\":[" + resultLive + "]}"),
            ApiLandings.line("nppes_api", 4, "{\"result_count\":0,\"results\":[]}"))),
        ApiLandings.write(landing, "icd10cm", "2026-12-02", 1, List.of(
            ApiLandings.line("icd10cm", 1, "[3,[\"E11.9\",\"E1\",\"A15.0\"],null,[[\"E11.9\",\"Type 2 diabetes "
                + "mellitus without complications\"],[\"E1\",\"Type 2 diabetes mellitus\"],[\"A15.0\",\"Tuberculosis of lung\"]]]"))),
        ApiLandings.write(landing, "hcpcs", "2026-12-02", 2, List.of(
            ApiLandings.line("hcpcs", 1, "[2,[\"E0470\",\"99213\"],{\"short_desc\":[\"Rad w/o backup non-inv intfc\","
                + "null],\"long_desc\":[\"Respiratory assist device, bi-level pressure capability\",null],"
                + "\"add_dt\":[\"20200101\",null],\"act_eff_dt\":[\"20200101\",null],\"term_dt\":[null,null],"
                + "\"obsolete\":[false,null]},[[\"E0470\",\"Respiratory assist device\"],[\"99213\",\"Office visit\"]]]"))),
        brokenGzip(ApiLandings.line("nppes_api", 1, "{\"result_count\":1,\"results\":[" + result2019 + "]}")));

    ReadApiLandings.Result read = ApiLandings.read(pipeline, lake, files);

    PAssert.that(strings(read.providers(), Reference.NPI, "Npis"))
        .containsInAnyOrder("1234567893", "1987654328", "1234567893");
    PAssert.that(strings(read.diagnoses(), Reference.CODE, "DiagnosisCodes")).containsInAnyOrder("E11.9", "A15.0");
    PAssert.that(strings(read.procedures(), Reference.CODE, "ProcedureCodes")).containsInAnyOrder("E0470");
    PAssert.that(ApiLandings.tallies(read)).containsInAnyOrder(
        KV.of(NPPES + "/read", 5L), KV.of(NPPES + "/quarantined", 3L),
        KV.of(ICD + "/read", 3L), KV.of(ICD + "/quarantined", 1L),
        KV.of(HCPCS + "/read", 2L), KV.of(HCPCS + "/quarantined", 1L),
        KV.of(BROKEN + "/read", 1L));
    PAssert.that(ReadReport.problems(read.reports())).satisfies(problems -> {
      FileProblem problem = problems.iterator().next();
      assertThat(problems.spliterator().getExactSizeIfKnown(), is(1L));
      assertThat(problem.getFile().getName(), is(BROKEN));
      assertThat(problem.getStatus(), is(FileAudit.FAILED));
      assertThat(problem.getError(), startsWith("read.gzip"));
      return null;
    });
    PAssert.that(read.providers()).satisfies(rows -> {
      Row live = find(rows, row -> row.getString(Reference.NPI).equals("1987654328"));
      assertThat(live.getString(Reference.SOURCE), is(Reference.SOURCE_API));
      assertThat(live.getString(Reference.SOURCE_FILE), is(NPPES));
      assertThat(live.getInt64(Reference.LINE_NUMBER), is(5000L));
      assertThat(live.getString(Reference.PRACTICE_PHONE), is("8025550200"));
      assertThat(live.getBoolean(Reference.ORGANIZATIONAL_SUBPART), is(false));
      return null;
    });
    pipeline.run().waitUntilFinish();

    Map<String, Row> quarantined = TableRows.read(lake.quarantine(ApiLandings.PIPELINE)).stream()
        .collect(Collectors.toMap(row -> row.getValue("source_file") + "#" + row.getValue("line_number"),
            Function.identity()));
    assertThat(quarantined.keySet(), containsInAnyOrder(NPPES + "#1001", NPPES + "#2000", NPPES + "#3000",
        ICD + "#1001", HCPCS + "#1001"));
    Row checkDigit = quarantined.get(NPPES + "#1001");
    assertThat(ApiLandings.ruleIds(checkDigit), contains("npi.check_digit"));
    assertThat(checkDigit.getValue("stage").toString(), is(ReadApiLandings.VALIDATE_STAGE));
    assertThat(checkDigit.getValue("payload").toString(), is(badCheckDigit));
    assertThat(checkDigit.getValue("client_id").toString(), is("nppes_api"));
    assertThat(checkDigit.getValue("run_id").toString(), is(ApiLandings.RUN_ID));
    assertThat(ApiLandings.ruleIds(quarantined.get(NPPES + "#2000")), contains(ApiResponseLine.ERRORS));
    assertThat(quarantined.get(NPPES + "#2000").getValue("stage").toString(), is(ReadApiLandings.PARSE_STAGE));
    assertThat(ApiLandings.ruleIds(quarantined.get(NPPES + "#3000")), contains(ApiResponseLine.MALFORMED));
    assertThat(ApiLandings.ruleIds(quarantined.get(ICD + "#1001")), contains("code.format"));
    assertThat(ApiLandings.ruleIds(quarantined.get(HCPCS + "#1001")), contains("code.format"));

    List<Row> bronze = TableRows.read(lake.bronze(ApiLandings.PIPELINE));
    assertThat("results and codes, not the lines without any", bronze, hasSize(3 + 3 + 2 + 1));
    Row first = bronze.stream().filter(row -> row.getValue("source_file").toString().equals(NPPES)
        && (Long) row.getValue("line_number") == 1000L).findFirst().orElseThrow();
    assertThat(first.getValue("record_sha256").toString(), is(ToBronzeRecords.recordSha256(result2019)));
    assertThat(ApiLandings.fields(first), hasEntry("basic.first_name", "JANE"));
    assertThat(ApiLandings.fields(first), hasEntry("addresses.1.city", "BURLINGTON"));
    assertThat(ApiLandings.fields(first), hasEntry("taxonomies.1.code", "207R00000X"));
    Row code = bronze.stream().filter(row -> row.getValue("source_file").toString().equals(HCPCS)
        && (Long) row.getValue("line_number") == 1000L).findFirst().orElseThrow();
    assertThat(ApiLandings.fields(code), hasEntry("display.1", "Respiratory assist device"));
    assertThat(ApiLandings.fields(code), hasEntry("obsolete", "false"));
  }

  /** A gzipped landing cut off inside its second line: its first line is read, the file fails. */
  private LandingFile brokenGzip(String firstLine) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int flushed;
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, true)) {
      gzip.write((firstLine + "\n").getBytes(StandardCharsets.UTF_8));
      gzip.flush();
      flushed = bytes.size();
      Random random = new Random(7);
      for (int i = 0; i < 32 * 1024; i++) {
        gzip.write('a' + random.nextInt(26));
      }
    }
    Path file = landing.resolve(BROKEN);
    Files.write(file, Arrays.copyOf(bytes.toByteArray(), flushed + 100));
    return ApiLandings.landingFile(file, "nppes_api", "2026-12-03", 1);
  }

  private static PCollection<String> strings(PCollection<Row> rows, String column, String step) {
    return rows.apply(step, MapElements.into(TypeDescriptors.strings()).via(row -> row.getString(column)));
  }

  private static Row find(Iterable<Row> rows, java.util.function.Predicate<Row> test) {
    for (Row row : rows) {
      if (test.test(row)) {
        return row;
      }
    }
    throw new AssertionError("no such row");
  }

  private static String compact(String fixture) throws IOException {
    try (InputStream in = ReadApiLandingsTest.class.getResourceAsStream(fixture)) {
      ObjectMapper json = new ObjectMapper();
      return json.writeValueAsString(json.readTree(in));
    }
  }
}
