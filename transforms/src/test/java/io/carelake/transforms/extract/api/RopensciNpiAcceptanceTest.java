package io.carelake.transforms.extract.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import io.carelake.transforms.extract.api.ReplayServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.junit.Assume;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * Acceptance: real NPI Registry API v2.1 answers recorded by the rOpenSci npi package, served as they
 * are (one file per request, an empty page past the first), land line for line with the body as served
 * (less its line breaks: the recordings are pretty-printed), and the recorded {@code Errors} answers fail.
 */
@RunWith(JUnit4.class)
public class RopensciNpiAcceptanceTest {
  private static final Path RECORDED = Paths.get("..", "..", "shared", "reference-data", "nppes", "npi_registry_api", "ropensci-npi");
  private static final String EMPTY = "{\"result_count\":0,\"results\":[]}";

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder landing = new TemporaryFolder();

  @Test
  public void recordedAnswersLandAsServedAndRecordedErrorsFail() throws Exception {
    Path folder = Files.isDirectory(RECORDED) ? RECORDED : Paths.get("/work/shared/reference-data/nppes/npi_registry_api/ropensci-npi");
    Assume.assumeTrue("recorded NPI Registry answers not present", Files.isDirectory(folder));
    List<Path> recordings;
    try (Stream<Path> files = Files.walk(folder)) {
      recordings = files.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
    Map<String, String> bodies = new java.util.HashMap<>();
    List<FetchRequest> requests = new ArrayList<>();
    int errors = 0;
    for (int i = 0; i < recordings.size(); i++) {
      String body = Files.readString(recordings.get(i), StandardCharsets.UTF_8);
      bodies.put(Integer.toString(i + 1), body);
      requests.add(FetchRequest.nppes(i + 1, Map.of("city", "RECORDING" + (i + 1))));
      errors += body.contains("\"Errors\"") ? 1 : 0;
    }
    try (ReplayServer server = ReplayServer.start(r -> Reply.json(r.query().get("skip").equals("0")
        ? bodies.get(r.query().get("city").substring("RECORDING".length())) : EMPTY))) {
      FetchResult result = p.apply(Create.of(requests)).apply(
          FetchToLanding.into(landing.getRoot().getPath(), "acceptance", LocalDate.of(2019, 5, 1))
              .withNppesBaseUrl(server.url("/api/"))
              .withClientSettings(Fixtures.fastClient()));
      PAssert.thatSingleton(result.failures().apply("CountFailures", Count.globally())).isEqualTo((long) errors);
      PAssert.thatSingleton(result.output().apply("CountLanded", Count.globally())).isEqualTo((long) (recordings.size() - errors));
      p.run().waitUntilFinish();

      for (Map.Entry<String, String> served : bodies.entrySet()) {
        Path file = landing.getRoot().toPath().resolve("nppes_api_20190501_" + served.getKey() + ".jsonl");
        if (served.getValue().contains("\"Errors\"")) {
          assertThat(Files.exists(file), is(false));
          continue;
        }
        List<String> landed = Fixtures.rawResponses(file);
        assertThat(landed, contains(LandingLines.withoutLineBreaks(served.getValue())));
        assertThat(Fixtures.MAPPER.readTree(landed.get(0)), equalTo(Fixtures.MAPPER.readTree(served.getValue())));
      }
    }
  }
}
