package io.carelake.pipelines.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carelake.pipelines.ReadReport;
import io.carelake.pipelines.acceptance.ReferenceData;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Reference;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * Every recorded NPI Registry response of the ropensci/npi package (shared reference data), landed as the
 * extractors land them: every result is read, and is a provider row or quarantined; the Errors answers are
 * one quarantined record each, the empty page none. Skipped when the reference data is absent.
 */
@RunWith(JUnit4.class)
public class NpiRegistryAcceptanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LANDED = "nppes_api_20261202_1.jsonl";

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private final Map<String, JsonNode> responses = new TreeMap<>();

  @Before
  public void setUp() throws IOException {
    Path folder = ReferenceData.folder("nppes/npi_registry_api/ropensci-npi");
    assumeTrue("shared reference data is absent", folder != null);
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
        responses.put(folder.relativize(file).toString(), JSON.readTree(file.toFile()));
      }
    }
  }

  @Test
  public void epochsGiveTheDatesTheResultsState() {
    for (JsonNode response : responses.values()) {
      for (JsonNode result : response.path("results")) {
        ObjectNode withoutDates = result.deepCopy();
        ((ObjectNode) withoutDates.get("basic")).remove(List.of("last_updated", "enumeration_date"));
        ProviderDraft stated = NppesApiResults.draft(result);
        ProviderDraft derived = NppesApiResults.draft(withoutDates);
        assertThat(derived.get(Reference.LAST_UPDATED), is(stated.get(Reference.LAST_UPDATED)));
        assertThat(derived.get(Reference.ENUMERATION_DATE), is(stated.get(Reference.ENUMERATION_DATE)));
      }
    }
  }

  @Test
  public void everyResultIsARowOrQuarantinedAndErrorsAreOneRecordEach() throws IOException {
    List<String> lines = new ArrayList<>();
    List<Long> errorLines = new ArrayList<>();
    long results = 0;
    for (Map.Entry<String, JsonNode> response : responses.entrySet()) {
      lines.add(ApiLandings.line("nppes_api", lines.size() + 1, JSON.writeValueAsString(response.getValue())));
      if (response.getValue().has("Errors")) {
        errorLines.add(lines.size() * 1000L);
      }
      results += response.getValue().path("results").size();
    }
    LandingFile landed = ApiLandings.write(temp.newFolder("landing").toPath(), "nppes_api", "2026-12-02", 1, lines);
    Lake lake = Lake.at(temp.newFolder("lake").toString());

    ReadApiLandings.Result read = ApiLandings.read(pipeline, lake, List.of(landed));

    PCollectionView<Map<String, Long>> tallies = ApiLandings.tallies(read).apply("TalliesView", View.asMap());
    PCollection<List<Long>> balance = read.providers().apply("CountRows", Count.globally())
        .apply("Balance", ParDo.of(new BalanceFn(tallies)).withSideInputs(tallies));
    long expectedRead = results + errorLines.size();
    PAssert.thatSingleton(balance).satisfies(counts -> {
      assertThat("read", counts.get(0), is(expectedRead));
      assertThat("read = rows + quarantined", counts.get(0), is(counts.get(1) + counts.get(2)));
      return null;
    });
    PAssert.that(ReadReport.problems(read.reports())).empty();
    pipeline.run().waitUntilFinish();

    List<Row> quarantine = TableRows.read(lake.quarantine(ApiLandings.PIPELINE));
    List<Long> errors = quarantine.stream().filter(row -> ApiLandings.ruleIds(row).contains(ApiResponseLine.ERRORS))
        .map(row -> (Long) row.getValue("line_number")).collect(Collectors.toList());
    assertThat(errors, containsInAnyOrder(errorLines.toArray()));
    assertThat(quarantine.stream().map(row -> ApiLandings.ruleIds(row).get(0)).toList(),
        everyItem(org.hamcrest.Matchers.not(ApiResponseLine.MALFORMED)));
    assertThat(TableRows.read(lake.bronze(ApiLandings.PIPELINE)).size(), is((int) results));
    // Which rules real results break, by rule id only.
    System.out.println("NPI Registry recorded responses: " + results + " results, quarantined by rule: "
        + quarantine.stream().flatMap(row -> ApiLandings.ruleIds(row).stream())
            .collect(Collectors.groupingBy(id -> id, TreeMap::new, Collectors.counting())));
  }

  /** (read, rows, quarantined) of the one landed file. */
  private static final class BalanceFn extends DoFn<Long, List<Long>> {
    private final PCollectionView<Map<String, Long>> tallies;

    BalanceFn(PCollectionView<Map<String, Long>> tallies) {
      this.tallies = tallies;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      Map<String, Long> counts = context.sideInput(tallies);
      context.output(List.of(counts.getOrDefault(LANDED + "/read", 0L), context.element(),
          counts.getOrDefault(LANDED + "/quarantined", 0L)));
    }
  }
}
