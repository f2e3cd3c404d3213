package io.carelake.transforms.merge;

import static io.carelake.transforms.merge.MergeFixtures.perRow;
import static io.carelake.transforms.merge.ProviderFixtures.HISTORY;
import static io.carelake.transforms.merge.ProviderFixtures.MERGE;
import static io.carelake.transforms.merge.ProviderFixtures.PROVIDER;
import static io.carelake.transforms.merge.ProviderFixtures.provider;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import io.carelake.transforms.tables.ChangeFeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class MergeScd2Test {
  private static final String JAN = "npidata_pfile_20240107.csv";
  private static final String FEB = "npidata_pfile_20240211.csv";

  @Rule public final transient TestPipeline p = TestPipeline.create();

  private PCollection<Row> rows(String name, List<Row> rows, Schema schema) {
    return rows.isEmpty()
        ? p.apply(name, Create.empty(RowCoder.of(schema)))
        : p.apply(name, Create.of(rows).withRowSchema(schema));
  }

  private static List<Row> historyOf(Row... records) {
    return ProviderFixtures.history().merge(List.of(), List.of(records)).history();
  }

  /** Change rows as text: NPI, the history row's summary and the change type. */
  private static PCollection<String> described(PCollection<Row> changes) {
    return changes.apply("Describe", MapElements.into(TypeDescriptors.strings()).via(change ->
        change.getString(ProviderFixtures.NPI) + " " + Scd2HistoryTest.summary(change) + " "
            + change.getString(ChangeFeed.CHANGE_TYPE)));
  }

  private static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> counters = new HashMap<>();
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(MergeScd2.class)).build()).getCounters()) {
      counters.merge(counter.getName().getName(), counter.getAttempted(), Long::sum);
    }
    return counters;
  }

  @Test
  public void touchedKeysPutOutTheirWholeHistoryAndOtherKeysNothing() {
    List<Row> history = new ArrayList<>();
    history.addAll(historyOf(provider("1", 10, "ADA", "207Q00000X", null, JAN),
        provider("1", 30, "BO", "207Q00000X", null, JAN)));
    history.addAll(historyOf(provider("2", 10, "CY", "207Q00000X", null, JAN)));
    history.addAll(historyOf(provider("3", 5, "DI", "207Q00000X", null, JAN)));
    List<Row> incoming = List.of(
        provider("1", 20, "ADA OKAFOR", "207Q00000X", null, FEB),
        provider("2", 10, "CY", "207Q00000X", null, FEB),
        provider("4", 7, "ED", "208D00000X", null, FEB));

    MergeResult result = MergeInput.of(rows("History", history, HISTORY), rows("Incoming", incoming, PROVIDER))
        .apply("Merge", MERGE);

    PAssert.that(described(result.changes())).containsInAnyOrder(
        "1 v1 10..20 ADA update", "1 v2 20..30 ADA OKAFOR update", "1 v3 30.. current BO update",
        "4 v1 7.. current ED insert");
    PAssert.that(perRow(result.outcomes())).containsInAnyOrder(
        KV.of(FEB, "updated"), KV.of(FEB, "unchanged"), KV.of(FEB, "inserted"));
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertThat(counters(run), is(Map.of("updated", 1L, "unchanged", 1L, "inserted", 1L)));
  }

  @Test
  public void incompleteOrInconsistentConfigurationIsRejectedWhenBuilt() {
    Pipeline pipeline = Pipeline.create();
    PCollection<Row> history = pipeline.apply("History", Create.empty(RowCoder.of(HISTORY)));
    PCollection<Row> records = pipeline.apply("Records", Create.empty(RowCoder.of(PROVIDER)));
    MergeInput input = MergeInput.of(history, records);
    MergeScd2 bare = MergeScd2.on(List.of(ProviderFixtures.NPI));

    assertRejected(MergeInput.of(records, records), MERGE, "current rows must be history rows");
    assertRejected(input, bare.attributedTo(ProviderFixtures.SOURCE_FILE), "call orderedBy");
    assertRejected(input, bare.orderedBy(ProviderFixtures.LAST_UPDATED), "call attributedTo");
    assertRejected(input, MERGE.orderedBy(ProviderFixtures.NAME), "must be a non-null INT64");
    assertRejected(input, MERGE.tracking(List.of(ProviderFixtures.SOURCE_FILE)), "tracked column source_file");
    assertRejected(input, MERGE.tracking(List.of("specialty")), "tracked column specialty is not in the records");
    assertRejected(input, MERGE.endedWhenSet("deactivated_on"), "ended column deactivated_on");
    assertThrows(IllegalArgumentException.class, () -> MergeScd2.on(List.of("npi", "npi")));
    assertThrows(IllegalArgumentException.class, () -> MergeScd2.historySchema(
        Schema.builder().addStringField("npi").addField("valid_from", FieldType.INT64).build()));
  }

  private static void assertRejected(MergeInput input, MergeScd2 merge, String reason) {
    IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class, () -> input.apply(merge));
    assertThat(rejected.getMessage(), containsString(reason));
  }
}
