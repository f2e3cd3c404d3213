package io.carelake.transforms.merge;

import static io.carelake.transforms.merge.MergeFixtures.perRow;
import static io.carelake.transforms.merge.MergeFixtures.MERGE;
import static io.carelake.transforms.merge.MergeFixtures.hash;
import static io.carelake.transforms.merge.MergeFixtures.insert;
import static io.carelake.transforms.merge.MergeFixtures.member;
import static io.carelake.transforms.merge.MergeFixtures.update;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import io.carelake.schemas.Members;
import io.carelake.transforms.tables.RowHashes;
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
import org.apache.beam.sdk.schemas.Schema.Field;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class MergeScd1Test {

  @Rule public final transient TestPipeline p = TestPipeline.create();

  private PCollection<Row> rows(String name, List<Row> rows) {
    return rows.isEmpty()
        ? p.apply(name, Create.empty(RowCoder.of(Members.SILVER)))
        : p.apply(name, Create.of(rows).withRowSchema(Members.SILVER));
  }

  private MergeResult merge(String name, List<Row> current, List<Row> incoming) {
    return MergeInput.of(rows(name + "Current", current), rows(name + "Incoming", incoming)).apply(name, MERGE);
  }

  private static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> counters = new HashMap<>();
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(MergeScd1.class)).build()).getCounters()) {
      counters.merge(counter.getName().getName(), counter.getAttempted(), Long::sum);
    }
    return counters;
  }

  @Test
  public void keepingTheTablePutsOutEveryKeysRowAfterTheMerge() {
    Row untouched = member("M0", "bo@example.org", 5, "0104.csv");
    Row current = member("M1", "ada@example.org", 10, "0105.csv");
    Row changed = member("M1", "ada@okafor.net", 20, "0106.csv");
    Row stale = member("M2", "cy@example.org", 30, "0105.csv");
    Row older = member("M2", "cy@old.example.org", 3, "0101.csv");
    Row fresh = member("M3", "di@example.org", 1, "0106.csv");

    MergeResult result = MergeInput.of(rows("Current", List.of(untouched, current, stale)),
        rows("Incoming", List.of(changed, older, fresh))).apply("Merge", MERGE.keepingTable());

    PAssert.that(result.table()).containsInAnyOrder(untouched, changed, stale, fresh);
    PAssert.that(result.changes()).containsInAnyOrder(update(current, changed), insert(fresh));
    p.run();
  }

  @Test
  public void newKeysAreInserted() {
    Row acme = member("acme", "M1", "ada@example.org", 1, "acme_0105.csv");
    Row beta = member("beta", "M1", "ada@example.org", 1, "beta_0105.csv");

    MergeResult result = merge("Merge", List.of(), List.of(acme, beta));

    PAssert.that(result.changes()).containsInAnyOrder(insert(acme), insert(beta));
    PAssert.that(perRow(result.outcomes())).containsInAnyOrder(
        KV.of("acme_0105.csv", "inserted"), KV.of("beta_0105.csv", "inserted"));
    p.run();
  }

  @Test
  public void changedRowReplacesTheCurrentOne() {
    Row current = member("M1", "ada@example.org", 10, "0105.csv");
    Row changed = member("M1", "ada@okafor.net", 20, "0106.csv");

    MergeResult result = merge("Merge", List.of(current), List.of(changed));

    PAssert.that(result.changes()).containsInAnyOrder(update(current, changed));
    PAssert.that(perRow(result.outcomes())).containsInAnyOrder(KV.of("0106.csv", "updated"));
    p.run();
  }

  @Test
  public void identicalRowFromAnotherFileLeavesTheTableAsItWas() {
    Row current = member("M1", "ada@example.org", 10, "0105.csv");
    Row again = member("M1", "ada@example.org", 20, "0106.csv");

    MergeResult result = merge("Merge", List.of(current), List.of(again));

    PAssert.that(result.changes()).empty();
    PAssert.that(perRow(result.outcomes())).containsInAnyOrder(KV.of("0106.csv", "unchanged"));
    p.run();
  }

  @Test
  public void mergingTheSameFileTwiceChangesNothing() {
    List<Row> file = List.of(member("M1", "ada@example.org", 1, "0105.csv"), member("M2", null, 2, "0105.csv"));

    MergeResult first = merge("First", List.of(), file);
    MergeResult second = merge("Second", file, file);

    PAssert.that(perRow(first.outcomes())).containsInAnyOrder(KV.of("0105.csv", "inserted"), KV.of("0105.csv", "inserted"));
    PAssert.that(first.changes()).containsInAnyOrder(insert(file.get(0)), insert(file.get(1)));
    PAssert.that(second.changes()).empty();
    PAssert.that(perRow(second.outcomes())).containsInAnyOrder(KV.of("0105.csv", "unchanged"), KV.of("0105.csv", "unchanged"));
    p.run();
  }

  @Test
  public void olderBackfillNeverOverwritesNewerData() {
    Row current = member("M1", "ada@okafor.net", 50, "0201.csv");
    Row backfill = member("M1", "ada@example.org", 30, "backfill_0101.csv");

    MergeResult result = merge("Merge", List.of(current), List.of(backfill));

    PAssert.that(result.changes()).empty();
    PAssert.that(perRow(result.outcomes())).containsInAnyOrder(KV.of("backfill_0101.csv", "stale"));
    p.run();
  }

  @Test
  public void latestDuplicateInOneBatchWinsAndTheOthersAreSuperseded() {
    Row first = member("M1", "first@example.org", 1, "a.csv");
    Row latest = member("M1", "latest@example.org", 3, "b.csv");
    Row middle = member("M1", "middle@example.org", 2, "c.csv");

    MergeResult result = merge("Merge", List.of(), List.of(first, latest, middle));

    PAssert.that(result.changes()).containsInAnyOrder(insert(latest));
    PAssert.that(perRow(result.outcomes())).containsInAnyOrder(
        KV.of("a.csv", "superseded"), KV.of("b.csv", "inserted"), KV.of("c.csv", "superseded"));
    PipelineResult run = p.run();
    run.waitUntilFinish();
    assertThat(counters(run), is(Map.of("inserted", 1L, "superseded", 2L)));
  }

  @Test
  public void sequenceTiesAreBrokenByHashWhateverTheArrivalOrder() {
    Row one = member("M1", "one@example.org", 7, "a.csv");
    Row other = member("M1", "other@example.org", 7, "a.csv");
    Row expected = hash(one).compareTo(hash(other)) > 0 ? one : other;
    Row sameValuesFromB = member("M2", "x@example.org", 7, "b.csv");
    Row sameValuesFromC = member("M2", "x@example.org", 7, "c.csv");
    Row expectedOfSame = RowHashes.hash(sameValuesFromB, List.of()).compareTo(RowHashes.hash(sameValuesFromC, List.of())) > 0
        ? sameValuesFromB : sameValuesFromC;

    MergeResult forward = merge("Forward", List.of(), List.of(one, other, sameValuesFromB, sameValuesFromC));
    MergeResult backward = merge("Backward", List.of(), List.of(sameValuesFromC, sameValuesFromB, other, one));

    PAssert.that(forward.changes()).containsInAnyOrder(insert(expected), insert(expectedOfSame));
    PAssert.that(backward.changes()).containsInAnyOrder(insert(expected), insert(expectedOfSame));
    p.run();
  }

  @Test
  public void currentRowsWithoutIncomingRowsProduceNothing() {
    Row untouched = member("M1", "ada@example.org", 1, "0105.csv");
    Row before = member("M2", "grace@example.org", 2, "0105.csv");
    Row after = member("M2", "grace@hopper.org", 3, "0106.csv");
    Row otherClient = member("beta", "M2", "grace@example.org", 2, "beta_0105.csv");

    MergeResult result = merge("Merge", List.of(untouched, before, otherClient), List.of(after));

    PAssert.that(result.changes()).containsInAnyOrder(update(before, after));
    PAssert.that(perRow(result.outcomes())).containsInAnyOrder(KV.of("0106.csv", "updated"));
    p.run();
  }

  @Test
  public void emptyStringReplacingNullIsAChange() {
    Row withoutEmail = member("M1", null, 1, "0105.csv");
    Row withEmptyEmail = member("M1", "", 2, "0106.csv");

    MergeResult result = merge("Merge", List.of(withoutEmail), List.of(withEmptyEmail));

    assertThat(hash(withoutEmail), is(not(hash(withEmptyEmail))));
    PAssert.that(result.changes()).containsInAnyOrder(update(withoutEmail, withEmptyEmail));
    PAssert.that(perRow(result.outcomes())).containsInAnyOrder(KV.of("0106.csv", "updated"));
    p.run();
  }

  @Test
  public void tableWithTwoRowsOfOneKeyFailsTheMerge() {
    Row one = member("M1", "ada@example.org", 1, "0105.csv");
    Row two = member("M1", "ada@okafor.net", 2, "0106.csv");

    MergeResult result = merge("Merge", List.of(one, two), List.of());
    PAssert.that(perRow(result.outcomes())).empty();

    Pipeline.PipelineExecutionException failure = assertThrows(Pipeline.PipelineExecutionException.class, p::run);
    assertThat(failure.getCause(), instanceOf(IllegalStateException.class));
    assertThat(failure.getCause().getMessage(), containsString("two rows of one key"));
  }

  @Test
  public void changeSchemaFollowsTheTableColumnsWithWhatChanged() {
    Schema changes = MergeScd1.changeSchema(Members.SILVER);
    int columns = Members.SILVER.getFieldCount();

    assertThat(changes.getFields().subList(0, columns), is(Members.SILVER.getFields()));
    assertThat(changes.getFieldNames().subList(columns, columns + 3),
        contains("_change_type", "_before_hash", "_after_hash"));
    assertThat(changes.getField("_change_type").getType(), is(FieldType.STRING));
    assertThat(changes.getField("_before_hash").getType(), is(FieldType.STRING.withNullable(true)));
    assertThat(changes.getField("_after_hash").getType(), is(FieldType.STRING));
    assertThrows(IllegalArgumentException.class,
        () -> MergeScd1.changeSchema(Schema.of(Field.of("_change_type", FieldType.STRING))));
  }

  @Test
  public void incompleteOrInconsistentConfigurationIsRejectedWhenBuilt() {
    Pipeline pipeline = Pipeline.create();
    PCollection<Row> members = pipeline.apply(Create.empty(RowCoder.of(Members.SILVER)));
    PCollection<Row> other = pipeline.apply("Other", Create.empty(RowCoder.of(Schema.builder()
        .addStringField(Members.CLIENT_ID).addStringField(Members.MEMBER_ID).build())));
    MergeInput input = MergeInput.of(members, members);

    assertRejected(input, MergeScd1.on(Members.KEY).attributedTo(Members.SOURCE_FILE), "call orderedBy");
    assertRejected(input, MergeScd1.on(Members.KEY).orderedBy(Members.RECORD_SEQUENCE), "call attributedTo");
    assertRejected(input, MERGE.orderedBy(Members.SOURCE_FILE), "must be a non-null INT64");
    assertRejected(input, MERGE.attributedTo(Members.FIRST_NAME), "must be a non-null STRING");
    assertRejected(input, MergeScd1.on(List.of("subscriber_id")).orderedBy(Members.RECORD_SEQUENCE)
        .attributedTo(Members.SOURCE_FILE), "key column subscriber_id is not in the table");
    assertRejected(input, MERGE.ignoringForChange(List.of("batch")), "column batch ignored for change");
    assertRejected(MergeInput.of(members, other), MERGE, "must have one schema");
    assertThrows(IllegalArgumentException.class, () -> MergeScd1.on(List.of()));
    assertThrows(IllegalArgumentException.class, () -> MergeScd1.on(List.of("a", "a")));
  }

  private static void assertRejected(MergeInput input, MergeScd1 merge, String reason) {
    IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class, () -> input.apply(merge));
    assertThat(rejected.getMessage(), containsString(reason));
  }
}
