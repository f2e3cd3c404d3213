package io.carelake.transforms.extract.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.transforms.extract.api.FakeClinicalTables.Code;
import io.carelake.transforms.extract.api.FakeNppesRegistry.Provider;
import io.carelake.transforms.extract.api.ReplayServer.Reply;
import io.carelake.transforms.extract.api.ReplayServer.Served;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class FetchToLandingTest {
  private static final LocalDate DELIVERY = LocalDate.of(2025, 1, 31);

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder landing = new TemporaryFolder();

  private FetchToLanding fetch(ReplayServer server) {
    return FetchToLanding.into(landing.getRoot().getPath(), "run-1", DELIVERY)
        .withNppesBaseUrl(server.url("/api/"))
        .withIcd10cmBaseUrl(server.url("/icd10cm/v3/search"))
        .withHcpcsBaseUrl(server.url("/hcpcs/v3/search"))
        .withClientSettings(Fixtures.fastClient().withMaxAttempts(3))
        .withNppesPaging(10, 20)
        .withClinicalTablesPaging(5, 20);
  }

  private FetchResult run(ReplayServer server, FetchRequest... requests) {
    FetchResult result = p.apply(Create.of(List.of(requests))).apply(fetch(server));
    return result;
  }

  private Path landed(String name) {
    return landing.getRoot().toPath().resolve(name);
  }

  private LandingFile expectedFile(String source, int part, long size) {
    String name = source + "_20250131_" + part + ".jsonl";
    return LandingFile.builder().setPath(landed(name).toString()).setName(name).setSizeBytes(size)
        .setClientId(source).setDeliveryDate("2025-01-31").setPart(part).build();
  }

  private static List<Long> npis(Path file) {
    return Fixtures.lines(file).stream()
        .flatMap(line -> StreamSupport.stream(line.path("response").path("results").spliterator(), false))
        .map(result -> Long.parseLong(result.path("number").asText()))
        .sorted()
        .collect(Collectors.toList());
  }

  private static List<Long> range(long first, int count) {
    List<Long> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      numbers.add(first + i);
    }
    return numbers;
  }

  @Test
  public void nppesQueryLandsOnePageALineWithItsRequestAndTheBodyAsServed() throws Exception {
    FakeNppesRegistry registry = new FakeNppesRegistry(
        FakeNppesRegistry.providers(1000000000L, 25, "VT", "054011234", "05602"), false);
    try (ReplayServer server = ReplayServer.start(registry::answer)) {
      FetchResult result = run(server, FetchRequest.nppes(1, Map.of("state", "VT", "taxonomy_description", "Family Medicine")));
      String path = landed("nppes_api_20250131_1.jsonl").toString();
      PAssert.that(result.failures()).empty();
      PAssert.that(result.warnings()).empty();
      PAssert.that(result.output()).satisfies(files -> {
        LandingFile file = files.iterator().next();
        assertThat(file.getPath(), is(path));
        assertThat(file.getName(), is("nppes_api_20250131_1.jsonl"));
        assertThat(file.getSizeBytes(), is(new File(path).length()));
        assertThat(file.getClientId(), is("nppes_api"));
        assertThat(file.getDeliveryDate(), is("2025-01-31"));
        assertThat(file.getPart(), is(1));
        return null;
      });
      p.run().waitUntilFinish();

      Path file = landed("nppes_api_20250131_1.jsonl");
      List<JsonNode> lines = Fixtures.lines(file);
      assertThat(lines, hasSize(3));
      JsonNode request = lines.get(0).path("request");
      assertThat(request.path("source").asText(), is("nppes_api"));
      assertThat(request.path("url").asText(), startsWith(server.url("/api/?version=2.1&")));
      assertThat(request.path("query").path("state").asText(), is("VT"));
      assertThat(request.path("query").path("limit").asText(), is("10"));
      assertThat(request.path("http_status").asInt(), is(200));
      assertThat(request.path("attempts").asInt(), is(1));
      assertThat(lines.stream().map(l -> l.path("request").path("page").asInt()).collect(Collectors.toList()), contains(1, 2, 3));
      assertThat(lines.stream().map(l -> l.path("request").path("query").path("skip").asText()).collect(Collectors.toList()),
          contains("0", "10", "20"));
      assertThat(npis(file), equalTo(range(1000000000L, 25)));
      Map<String, String> servedBodies = server.served().stream()
          .collect(Collectors.toMap(s -> s.query().get("skip"), s -> s.reply().body(), (a, b) -> a));
      assertThat(Fixtures.rawResponses(file),
          contains(servedBodies.get("0"), servedBodies.get("10"), servedBodies.get("20")));
      assertThat(Files.exists(landing.getRoot().toPath().resolve("_fetching").resolve("run-1-nppes_api_20250131_1.jsonl")), is(false));
    }
  }

  @Test
  public void cappedQuerySplitsByStateThenPostalPrefixAndLandsEveryProviderOnce() throws Exception {
    List<Provider> providers = new ArrayList<>(FakeNppesRegistry.providers(1100000000L, 45, "CA", "900121234", "94110", "95814"));
    providers.addAll(FakeNppesRegistry.providers(1200000000L, 5, "VT", "05401"));
    // Practising in California, mail in Vermont: reached by both states' queries unless they ask for the practice.
    providers.add(new Provider(1250000000L, "CA", "94110", "VT"));
    FakeNppesRegistry registry = new FakeNppesRegistry(providers, true);
    try (ReplayServer server = ReplayServer.start(registry::answer)) {
      FetchResult result = run(server, FetchRequest.nppes(7, Map.of("taxonomy_description", "Family Medicine")));
      PAssert.that(result.failures()).empty();
      PAssert.that(result.warnings()).empty();
      p.run().waitUntilFinish();

      List<Long> expected = new ArrayList<>(range(1100000000L, 45));
      expected.addAll(range(1200000000L, 5));
      expected.add(1250000000L);
      assertThat(npis(landed("nppes_api_20250131_7.jsonl")), equalTo(expected));
      List<String> caQueries = Fixtures.lines(landed("nppes_api_20250131_7.jsonl")).stream()
          .map(l -> l.path("request").path("query"))
          .filter(q -> q.path("state").asText().equals("CA"))
          .map(q -> q.path("postal_code").asText())
          .distinct().collect(Collectors.toList());
      assertThat(caQueries, contains("90*", "94*", "95*"));
    }
  }

  @Test
  public void queryThatCannotSplitLandsWhatItReachedAndWarnsOfTheTruncation() throws Exception {
    FakeNppesRegistry registry = new FakeNppesRegistry(FakeNppesRegistry.providers(1300000000L, 40, "VT", "054011234"), false);
    try (ReplayServer server = ReplayServer.start(registry::answer)) {
      FetchResult result = run(server, FetchRequest.nppes(2, Map.of("state", "VT", "postal_code", "05401")));
      PAssert.that(result.failures()).empty();
      PAssert.that(result.warnings()).satisfies(warnings -> {
        FetchWarning warning = warnings.iterator().next();
        assertThat(warning.getFile().getName(), is("nppes_api_20250131_2.jsonl"));
        assertThat(warning.getWarning(), startsWith("source.truncated: "));
        return null;
      });
      p.run().waitUntilFinish();

      assertThat(npis(landed("nppes_api_20250131_2.jsonl")), equalTo(range(1300000000L, 30)));
    }
  }

  @Test
  public void errorsBodyFailsItsRequestWithoutAFileAndOtherRequestsLand() throws Exception {
    FakeNppesRegistry registry = new FakeNppesRegistry(FakeNppesRegistry.providers(1400000000L, 3, "VT", "05401"), false);
    try (ReplayServer server = ReplayServer.start(registry::answer)) {
      FetchResult result = run(server,
          FetchRequest.nppes(1, Map.of("state", "VT", "city", "BURLINGTON")),
          FetchRequest.nppes(2, Map.of("enumeration_type", "NPI-1")));
      PAssert.that(result.output()).satisfies(files -> {
        assertThat(StreamSupport.stream(files.spliterator(), false).map(LandingFile::getName).collect(Collectors.toList()),
            contains("nppes_api_20250131_1.jsonl"));
        return null;
      });
      PAssert.that(result.failures()).containsInAnyOrder(FileProblem.failed(expectedFile("nppes_api", 2, 0),
          "source.query_error: GET 127.0.0.1/api/ (parameters version,enumeration_type,limit,skip) refused: "
              + "Errors enumeration_type#09"));
      p.run().waitUntilFinish();

      assertThat(Files.exists(landed("nppes_api_20250131_2.jsonl")), is(false));
      assertThat(Fixtures.lines(landed("nppes_api_20250131_1.jsonl")), hasSize(1));
    }
  }

  @Test
  public void sourceThatStaysDownFailsItsRequestsOnlyAndLeavesNoPartialFile() throws Exception {
    List<Code> codes = List.of(new Code("E11.9", "Type 2 diabetes mellitus without complications"));
    FakeClinicalTables icd10cm = new FakeClinicalTables(codes, 20);
    try (ReplayServer server = ReplayServer.start(r -> r.path().startsWith("/hcpcs") ? Reply.status(500) : icd10cm.answer(r))) {
      FetchResult result = run(server, FetchRequest.icd10cm(1, "E11"), FetchRequest.hcpcs(1, "E04"));
      PAssert.that(result.output()).satisfies(files -> {
        assertThat(files.iterator().next().getName(), is("icd10cm_20250131_1.jsonl"));
        return null;
      });
      String hcpcsPath = landed("hcpcs_20250131_1.jsonl").toString();
      PAssert.that(result.failures()).satisfies(problems -> {
        FileProblem problem = problems.iterator().next();
        assertThat(problem.getStatus(), is("failed"));
        assertThat(problem.getFile().getPath(), is(hcpcsPath));
        assertThat(problem.getFile().getSizeBytes(), is(0L));
        assertThat(problem.getFile().getClientId(), is("hcpcs"));
        assertThat(problem.getFile().getPart(), is(1));
        assertThat(problem.getError(), startsWith("source.unavailable: GET 127.0.0.1/hcpcs/v3/search"));
        return null;
      });
      p.run().waitUntilFinish();

      assertThat(Files.exists(landed("hcpcs_20250131_1.jsonl")), is(false));
      File[] inProgress = landing.getRoot().toPath().resolve("_fetching").toFile().listFiles();
      assertThat(inProgress == null ? List.of() : List.of(inProgress), empty());
      assertThat(server.served().stream().filter(s -> s.path().startsWith("/hcpcs")).count(), is(3L));
    }
  }

  @Test
  public void clinicalTablesPageByCountAndOffsetAndRefineTermsPastTheCap() throws Exception {
    List<Code> codes = new ArrayList<>();
    for (String category : List.of("E10", "E11", "E13")) {
      for (int i = 0; i < 10; i++) {
        codes.add(new Code(category + "." + i, "Diabetes mellitus " + category + " variant " + i));
      }
    }
    codes.add(new Code("I10", "Essential (primary) hypertension"));
    FakeClinicalTables icd10cm = new FakeClinicalTables(codes, 20);
    try (ReplayServer server = ReplayServer.start(icd10cm::answer)) {
      FetchResult result = run(server, FetchRequest.icd10cm(3, "E1"));
      PAssert.that(result.failures()).empty();
      PAssert.that(result.warnings()).empty();
      p.run().waitUntilFinish();

      List<JsonNode> lines = Fixtures.lines(landed("icd10cm_20250131_3.jsonl"));
      List<String> landedCodes = lines.stream()
          .flatMap(l -> StreamSupport.stream(l.path("response").get(1).spliterator(), false))
          .map(JsonNode::asText).sorted().collect(Collectors.toList());
      assertThat(landedCodes, equalTo(codes.subList(0, 30).stream().map(Code::code).sorted().collect(Collectors.toList())));
      assertThat(lines.stream().map(l -> l.path("request").path("query").path("terms").asText()).distinct()
          .collect(Collectors.toList()), contains("E10", "E11", "E13"));
      assertThat(lines.stream().map(l -> l.path("request").path("query").path("sf").asText()).collect(Collectors.toSet()),
          contains("code,name"));
      assertThat(lines.stream().map(l -> l.path("request").path("query").path("df").asText()).collect(Collectors.toSet()),
          contains("code,name"));
      assertThat(lines.stream().map(l -> l.path("request").path("query").path("count").asText()).collect(Collectors.toSet()),
          contains("5"));
    }
  }

  @Test
  public void hcpcsAsksForTheDescriptionsAndDatesAsExtraFields() throws Exception {
    String body = Fixtures.resource("hcpcs_e0470.json");
    try (ReplayServer server = ReplayServer.start(r -> Reply.json(body))) {
      FetchResult result = run(server, FetchRequest.hcpcs(4, "E0470"));
      PAssert.that(result.failures()).empty();
      p.run().waitUntilFinish();

      Served served = server.served().get(0);
      assertThat(served.query().get("ef"), is("short_desc,long_desc,add_dt,act_eff_dt,term_dt,obsolete,is_noc"));
      assertThat(served.query().get("terms"), is("E0470"));
      assertThat(Fixtures.rawResponses(landed("hcpcs_20250131_4.jsonl")), contains(body));
    }
  }

  @Test
  public void bothNppesVintagesAndAPrettyPrintedBodyLandAsOneLineEach() throws Exception {
    String older = Fixtures.resource("nppes_2019_vintage.json");
    String newer = Fixtures.resource("nppes_2024_vintage.json");
    String pretty = Fixtures.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Fixtures.MAPPER.readTree(older));
    try (ReplayServer server = ReplayServer.start(r -> Reply.json(
        r.query().get("state").equals("VT") ? older : r.query().get("state").equals("MD") ? newer : pretty))) {
      run(server,
          FetchRequest.nppes(1, Map.of("state", "VT", "city", "BURLINGTON")),
          FetchRequest.nppes(2, Map.of("state", "MD", "city", "BETHESDA")),
          FetchRequest.nppes(3, Map.of("state", "NY", "city", "ALBANY")));
      p.run().waitUntilFinish();

      assertThat(Fixtures.rawResponses(landed("nppes_api_20250131_1.jsonl")), contains(older));
      assertThat(Fixtures.rawResponses(landed("nppes_api_20250131_2.jsonl")), contains(newer));
      List<String> prettyLanded = Fixtures.rawResponses(landed("nppes_api_20250131_3.jsonl"));
      assertThat(prettyLanded, contains(pretty.replace("\r", "").replace("\n", "")));
      assertThat(Fixtures.MAPPER.readTree(prettyLanded.get(0)), equalTo(Fixtures.MAPPER.readTree(older)));
    }
  }
}
