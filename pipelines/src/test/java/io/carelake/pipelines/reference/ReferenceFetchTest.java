package io.carelake.pipelines.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.sun.net.httpserver.HttpServer;
import io.carelake.schemas.FileAudit;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableRows;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The reference pipeline fetching from a local server that answers as the NPI Registry and the ICD-10-CM
 * search, while the HCPCS search is down: the two sources land and load, the third fails with its audit row
 * and the run goes on; a later run reads the landed responses again without fetching.
 */
@RunWith(JUnit4.class)
public class ReferenceFetchTest {
  private static final String NPPES_PAGE = "{\"result_count\":2,\"results\":["
      + "{\"enumeration_type\":\"NPI-2\",\"number\":1568946812,\"last_updated_epoch\":1537639861,"
      + "\"created_epoch\":1537574400,\"basic\":{\"organization_name\":\"CSP ANESTHESIA LLC\","
      + "\"organizational_subpart\":\"NO\",\"enumeration_date\":\"2018-09-22\",\"last_updated\":\"2018-09-22\","
      + "\"status\":\"A\"},\"addresses\":[{\"country_code\":\"US\",\"address_purpose\":\"LOCATION\","
      + "\"address_1\":\"403 PERMIAN WAY STE D\",\"address_2\":\"\",\"city\":\"VILLA RICA\",\"state\":\"GA\","
      + "\"postal_code\":\"301803226\",\"telephone_number\":\"888-408-0200\"}],\"taxonomies\":[{\"code\":\"207L00000X\","
      + "\"desc\":\"Anesthesiology\",\"primary\":true,\"state\":\"\",\"license\":\"\"}]},"
      + "{\"created_epoch\":\"1127757462000\",\"enumeration_type\":\"NPI-1\",\"last_updated_epoch\":\"1718236800000\","
      + "\"number\":\"1003000126\",\"addresses\":[{\"country_code\":\"US\",\"address_purpose\":\"LOCATION\","
      + "\"address_1\":\"6410 EXAMPLE DR\",\"address_2\":\"STE 304\",\"city\":\"BETHESDA\",\"state\":\"MD\","
      + "\"postal_code\":\"208171234\",\"telephone_number\":\"301-555-0102\"}],\"basic\":{\"first_name\":\"TEST\","
      + "\"last_name\":\"GAMMA\",\"name_prefix\":\"--\",\"credential\":\"M.D.\",\"sex\":\"M\","
      + "\"enumeration_date\":\"2005-09-26\",\"last_updated\":\"2024-06-13\",\"status\":\"A\"},"
      + "\"taxonomies\":[{\"code\":\"207RH0003X\",\"desc\":\"Internal Medicine, Hospitalist\",\"state\":\"MD\","
      + "\"license\":null,\"primary\":true}],\"endpoints\":[]}]}";
  private static final String ICD_PAGE = "[3,[\"E11.9\",\"E11.65\",\"E11.69\"],null,[[\"E11.9\",\"Type 2 diabetes "
      + "mellitus without complications\"],[\"E11.65\",\"Type 2 diabetes mellitus with hyperglycemia\"],[\"E11.69\","
      + "\"Type 2 diabetes mellitus with other specified complication\"]]]";

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final transient TestPipeline again = TestPipeline.create();
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private final AtomicInteger hcpcsCalls = new AtomicInteger();
  private HttpServer server;
  private Path lake;

  @Before
  public void setUp() throws IOException {
    lake = temp.newFolder("lake").toPath();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/nppes/", exchange -> answer(exchange, 200,
        exchange.getRequestURI().getQuery().contains("skip=0") ? NPPES_PAGE : "{\"result_count\":0,\"results\":[]}"));
    server.createContext("/icd10cm/", exchange -> answer(exchange, 200, ICD_PAGE));
    server.createContext("/hcpcs/", exchange -> {
      hcpcsCalls.incrementAndGet();
      answer(exchange, 503, "down for maintenance");
    });
    server.start();
  }

  @After
  public void tearDown() {
    server.stop(0);
  }

  @Test
  public void fetchedSourcesLoadAndASourceThatIsDownFailsOnlyItsPart() throws Exception {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Path sources = temp.newFile("sources.yaml").toPath();
    Files.writeString(sources, String.join("\n",
        "nppes_api:",
        "  queries:",
        "    - {state: GA, taxonomy_description: Anesthesiology}",
        "icd10cm:",
        "  terms: [E11]",
        "hcpcs:",
        "  terms: [E04]",
        "endpoints:",
        "  nppes_api: " + base + "/nppes/",
        "  icd10cm: " + base + "/icd10cm/",
        "  hcpcs: " + base + "/hcpcs/",
        "client: {max_attempts: 2, backoff_ms: 1, min_interval_ms: 0}", ""));
    // The bulk file's copy of the update the API also answers with: one version, whichever source.
    Path landing = Files.createDirectories(lake.resolve("landing/reference"));
    String[] bulk = new String[NppesBulkGenerator.HEADER.size()];
    java.util.Arrays.fill(bulk, "");
    Map.ofEntries(Map.entry("NPI", "1003000126"), Map.entry("Entity Type Code", "1"),
        Map.entry("Provider Last Name (Legal Name)", "GAMMA"), Map.entry("Provider First Name", "TEST"),
        Map.entry("Provider Credential Text", "M.D."), Map.entry("Provider Sex Code", "M"),
        Map.entry("Provider First Line Business Practice Location Address", "6410 EXAMPLE DR"),
        Map.entry("Provider Second Line Business Practice Location Address", "STE 304"),
        Map.entry("Provider Business Practice Location Address City Name", "BETHESDA"),
        Map.entry("Provider Business Practice Location Address State Name", "MD"),
        Map.entry("Provider Business Practice Location Address Postal Code", "208171234"),
        Map.entry("Provider Business Practice Location Address Country Code (If outside U.S.)", "US"),
        Map.entry("Provider Business Practice Location Address Telephone Number", "3015550102"),
        Map.entry("Provider Enumeration Date", "09/26/2005"), Map.entry("Last Update Date", "06/13/2024"),
        Map.entry("Healthcare Provider Taxonomy Code_1", "207RH0003X"),
        Map.entry("Provider License Number State Code_1", "MD"),
        Map.entry("Healthcare Provider Primary Taxonomy Switch_1", "Y"))
        .forEach((header, value) -> bulk[NppesBulkGenerator.HEADER.indexOf(header)] = value);
    Files.writeString(landing.resolve("npidata_pfile_20240610-20240616.csv"),
        Stream.of(NppesBulkGenerator.HEADER.toArray(String[]::new), bulk)
            .map(values -> Stream.of(values).map(value -> "\"" + value + "\"").collect(Collectors.joining(",")))
            .collect(Collectors.joining("\n", "", "\n")));
    ReferenceConfig config = run(pipeline, "run-1", "--sources=" + sources);
    Lake at = Lake.at(lake.toString());
    // Responses land as the delivery of the day the run started.
    String day = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(config.runStartedAt().getMillis()), ZoneOffset.UTC)
        .format(DateTimeFormatter.BASIC_ISO_DATE);

    Map<String, Row> audit = TableRows.read(at.audit("landing_files")).stream()
        .collect(Collectors.toMap(row -> row.getString("file"), Function.identity()));
    assertThat(audit.keySet(), containsInAnyOrder("npidata_pfile_20240610-20240616.csv",
        "nppes_api_" + day + "_1.jsonl", "icd10cm_" + day + "_1.jsonl",
        "hcpcs_" + day + "_1.jsonl"));
    assertThat(audit.get("nppes_api_" + day + "_1.jsonl").getString("status"), is(FileAudit.PROCESSED));
    assertThat(audit.get("nppes_api_" + day + "_1.jsonl").getInt64("valid"), is(2L));
    assertThat(audit.get("icd10cm_" + day + "_1.jsonl").getInt64("valid"), is(3L));
    assertThat(audit.get("hcpcs_" + day + "_1.jsonl").getString("status"), is(FileAudit.FAILED));
    assertThat(audit.get("hcpcs_" + day + "_1.jsonl").getString("error"), startsWith("source.unavailable"));
    assertThat(hcpcsCalls.get(), is(2));

    // Responses land as served, each line with the request it answered.
    Path fetched = lake.resolve("landing/reference/fetched/run-1");
    try (Stream<Path> files = Files.list(fetched)) {
      assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jsonl")).toList(),
          containsInAnyOrder("nppes_api_" + day + "_1.jsonl", "icd10cm_" + day + "_1.jsonl"));
    }
    String icdLine = Files.readAllLines(fetched.resolve("icd10cm_" + day + "_1.jsonl")).get(0);
    assertThat(icdLine, containsString("\"response\":" + ICD_PAGE + "}"));
    assertThat(icdLine, containsString("\"url\":\"" + base + "/icd10cm/"));

    Map<String, Row> providers = TableRows.read(at.gold("dim_provider")).stream()
        .collect(Collectors.toMap(row -> row.getString("npi"), Function.identity()));
    assertThat(providers.keySet(), containsInAnyOrder("1568946812", "1003000126"));
    assertThat(providers.get("1003000126").getString("provider_name"), is("GAMMA, TEST"));
    assertThat(providers.get("1568946812").getString("source_system"), is("NPI Registry API"));
    // Equal copies of one update: the version is opened by the one with the lower attribution (file name).
    assertThat(providers.get("1003000126").getString("source_system"), is("NPPES bulk file"));
    assertThat(providers.get("1568946812").getString("practice_phone"), is("8884080200"));
    List<Row> gamma = TableRows.read(at.silver("provider_history")).stream()
        .filter(row -> row.getString("npi").equals("1003000126")).toList();
    assertThat(gamma.size(), is(1));
    assertThat(audit.get("nppes_api_" + day + "_1.jsonl").getInt64("unchanged"), is(1L));
    assertThat(audit.get("npidata_pfile_20240610-20240616.csv").getInt64("valid"), is(1L));
    Map<String, Row> diagnoses = TableRows.read(at.gold("dim_diagnosis")).stream()
        .collect(Collectors.toMap(row -> row.getString("icd10cm_code"), Function.identity()));
    assertThat(diagnoses.keySet(), containsInAnyOrder("E11.9", "E11.65", "E11.69"));
    assertThat(diagnoses.get("E11.65").getString("category_code"), is("E11"));
    assertThat(diagnoses.get("E11.65").getString("icd10cm_code_undotted"), is("E1165"));

    // Reading the landed responses again fetches nothing and changes nothing.
    List<String> history = TableRows.read(at.silver("provider_history")).stream().map(Row::toString).sorted().toList();
    List<String> codes = TableRows.read(at.silver("icd10cm_codes")).stream().map(Row::toString).sorted().toList();
    server.stop(0);
    run(again, "run-2", "--landingDir=" + fetched, "--reprocess=true");
    assertThat(TableRows.read(at.silver("provider_history")).stream().map(Row::toString).sorted().toList(), is(history));
    assertThat(TableRows.read(at.silver("icd10cm_codes")).stream().map(Row::toString).sorted().toList(), is(codes));
  }

  private ReferenceConfig run(TestPipeline testPipeline, String runId, String... more) {
    List<String> args = new ArrayList<>(List.of("--lake=" + lake, "--runId=" + runId, "--writeShards=2"));
    args.addAll(List.of(more));
    ReferenceOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(ReferenceOptions.class);
    ReferenceConfig config = ReferencePipeline.configFrom(options);
    ReferencePipeline.build(testPipeline, config);
    testPipeline.run().waitUntilFinish();
    return config;
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
