package io.carelake.transforms.merge;

import static io.carelake.transforms.merge.ProviderFixtures.deactivated;
import static io.carelake.transforms.merge.ProviderFixtures.provider;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.Assert.assertThrows;

import io.carelake.transforms.tables.ChangeFeed;
import io.carelake.transforms.tables.RowHashes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** What SCD type 2 makes of one provider's records, example by example. */
@RunWith(JUnit4.class)
public class Scd2HistoryTest {
  private static final String NPI = "1003000126";
  private static final String JAN = "npidata_pfile_20240107.csv";
  private static final String FEB = "npidata_pfile_20240211.csv";

  private final Scd2History scd2 = ProviderFixtures.history();

  /** A history row as text: version, interval, current or not, name and the sequences it absorbed. */
  static String summary(Row row) {
    List<Long> absorbed = new ArrayList<>();
    row.<Row>getArray(MergeScd2.ABSORBED).forEach(record -> absorbed.add(record.getInt64(ProviderFixtures.LAST_UPDATED)));
    Long validTo = row.getInt64(MergeScd2.VALID_TO);
    return "v" + row.getInt32(MergeScd2.VERSION) + " " + row.getInt64(MergeScd2.VALID_FROM) + ".."
        + (validTo == null ? "" : validTo) + (row.getBoolean(MergeScd2.IS_CURRENT) ? " current" : "") + " "
        + row.getString(ProviderFixtures.NAME) + (absorbed.isEmpty() ? "" : " absorbed " + absorbed);
  }

  private static List<String> summaries(List<Row> rows) {
    return rows.stream().map(Scd2HistoryTest::summary).toList();
  }

  private static List<String> labels(Scd2History.Merged merged) {
    return merged.outcomes().stream().map(KV::getValue).toList();
  }

  private List<Row> historyOf(Row... records) {
    return scd2.merge(List.of(), List.of(records)).history();
  }

  @Test
  public void rowHashLeavesOutTheLineageOfAbsorbedRecords() {
    Row once = historyOf(provider(NPI, 10, "OKAFOR ADA", "207Q00000X", "6175550100", JAN),
        provider(NPI, 20, "OKAFOR ADA", "207Q00000X", "6175550199", JAN)).get(0);
    Row again = historyOf(provider(NPI, 10, "OKAFOR ADA", "207Q00000X", "6175550100", JAN),
        provider(NPI, 20, "OKAFOR ADA", "207Q00000X", "6175550199", FEB)).get(0);
    Row otherPhone = historyOf(provider(NPI, 10, "OKAFOR ADA", "207Q00000X", "6175550100", JAN),
        provider(NPI, 20, "OKAFOR ADA", "207Q00000X", "6175550142", JAN)).get(0);

    assertThat(scd2.rowHash(again), is(scd2.rowHash(once)));
    assertThat(scd2.rowHash(otherPhone), not(scd2.rowHash(once)));
  }

  @Test
  public void onlyTrackedColumnsMakeVersions() {
    Scd2History.Merged merged = scd2.merge(List.of(), List.of(
        provider(NPI, 10, "OKAFOR ADA", "207Q00000X", "6175550100", JAN),
        provider(NPI, 20, "OKAFOR ADA", "207Q00000X", "6175550199", JAN),
        provider(NPI, 30, "OKAFOR-NG ADA", "207Q00000X", "6175550199", FEB)));

    assertThat(summaries(merged.history()), contains("v1 10..30 OKAFOR ADA absorbed [20]", "v2 30.. current OKAFOR-NG ADA"));
    assertThat(labels(merged), contains("inserted", "unchanged", "inserted"));
    assertThat(merged.changes().stream().map(change -> change.getString(ChangeFeed.CHANGE_TYPE)).toList(),
        contains("insert", "insert"));
    assertThat(merged.changes().get(0).getString(ChangeFeed.BEFORE_HASH), nullValue());
  }

  @Test
  public void aLateRecordTakesItsPlaceAndTheVersionsAroundItAreRecomputed() {
    List<Row> history = historyOf(
        provider(NPI, 10, "OKAFOR ADA", "207Q00000X", null, JAN),
        provider(NPI, 30, "OKAFOR ADA", "208D00000X", null, JAN));
    Row late = provider(NPI, 20, "OKAFOR-NG ADA", "207Q00000X", null, FEB);

    Scd2History.Merged merged = scd2.merge(history, List.of(late));

    assertThat(summaries(history), contains("v1 10..30 OKAFOR ADA", "v2 30.. current OKAFOR ADA"));
    assertThat(summaries(merged.history()), contains(
        "v1 10..20 OKAFOR ADA", "v2 20..30 OKAFOR-NG ADA", "v3 30.. current OKAFOR ADA"));
    assertThat(labels(merged), contains("updated"));
    // Every row of the key comes out as an update; before hashes tie rows to the versions they replace.
    Map<Long, Row> changes = merged.changes().stream()
        .collect(Collectors.toMap(change -> change.getInt64(MergeScd2.VALID_FROM), Function.identity()));
    assertThat(changes.values().stream().map(change -> change.getString(ChangeFeed.CHANGE_TYPE)).toList(),
        everyItem(is("update")));
    assertThat(changes.get(10L).getString(ChangeFeed.BEFORE_HASH), is(RowHashes.hash(history.get(0), List.of("source_file"))));
    assertThat(changes.get(20L).getString(ChangeFeed.BEFORE_HASH), nullValue());
    assertThat(changes.get(30L).getString(MergeScd2.VERSION_ID), is(history.get(1).getString(MergeScd2.VERSION_ID)));
  }

  @Test
  public void aLateRecordEqualToTheNextVersionMergesThatVersionIntoItself() {
    List<Row> history = historyOf(
        provider(NPI, 10, "OKAFOR ADA", "207Q00000X", null, JAN),
        provider(NPI, 30, "OKAFOR-NG ADA", "207Q00000X", null, JAN));

    Scd2History.Merged merged = scd2.merge(history, List.of(provider(NPI, 20, "OKAFOR-NG ADA", "207Q00000X", null, FEB)));

    assertThat(summaries(merged.history()), contains("v1 10..20 OKAFOR ADA", "v2 20.. current OKAFOR-NG ADA absorbed [30]"));
    assertThat(merged.history().stream().map(row -> row.getString(MergeScd2.VERSION_ID)).toList(),
        not(hasItem(history.get(1).getString(MergeScd2.VERSION_ID))));
    assertThat(merged.changes().size(), is(2));
  }

  @Test
  public void theSameRecordAgainFromALaterFileChangesNothing() {
    Row january = provider(NPI, 10, "OKAFOR ADA", "207Q00000X", null, JAN);
    List<Row> history = historyOf(january);

    Scd2History.Merged again = scd2.merge(history, List.of(provider(NPI, 10, "OKAFOR ADA", "207Q00000X", null, FEB)));
    Scd2History.Merged equalLater = scd2.merge(history, List.of(provider(NPI, 15, "OKAFOR ADA", "207Q00000X", null, FEB)));

    assertThat(again.changes(), empty());
    assertThat(labels(again), contains("unchanged"));
    assertThat(summaries(again.history()), contains("v1 10.. current OKAFOR ADA"));
    assertThat(again.history().get(0).getString(ProviderFixtures.SOURCE_FILE), is(JAN));
    // A later equal record opens no version, but is kept, so that a record between them can split them.
    assertThat(labels(equalLater), contains("unchanged"));
    assertThat(summaries(equalLater.history()), contains("v1 10.. current OKAFOR ADA absorbed [15]"));
  }

  @Test
  public void recordsOfOneSequenceAreOneVersionWhicheverArrivesFirst() {
    Row one = provider(NPI, 10, "OKAFOR ADA", "207Q00000X", null, JAN);
    Row other = provider(NPI, 10, "OKAFOR-NG ADA", "207Q00000X", null, FEB);
    boolean oneWins = RowHashes.hash(one, List.of("source_file")).compareTo(RowHashes.hash(other, List.of("source_file"))) > 0;

    Scd2History.Merged together = scd2.merge(List.of(), List.of(other, one));
    Scd2History.Merged oneThenOther = scd2.merge(historyOf(one), List.of(other));
    Scd2History.Merged otherThenOne = scd2.merge(historyOf(other), List.of(one));

    String winner = oneWins ? "OKAFOR ADA" : "OKAFOR-NG ADA";
    assertThat(summaries(together.history()), contains("v1 10.. current " + winner));
    assertThat(summaries(oneThenOther.history()), contains("v1 10.. current " + winner));
    assertThat(summaries(otherThenOne.history()), contains("v1 10.. current " + winner));
    assertThat(labels(together), containsInAnyOrder("inserted", "superseded"));
    assertThat(labels(oneThenOther), contains(oneWins ? "superseded" : "updated"));
  }

  @Test
  public void aDeactivationEndsTheCurrentVersionAndAReactivationOpensANewOne() {
    Scd2History.Merged merged = scd2.merge(List.of(), List.of(
        provider(NPI, 10, "OKAFOR ADA", "207Q00000X", null, JAN),
        deactivated(NPI, 20, JAN),
        deactivated(NPI, 25, FEB),
        provider(NPI, 30, "OKAFOR ADA", "207Q00000X", null, FEB)));

    assertThat(summaries(merged.history()), contains("v1 10..20 OKAFOR ADA absorbed [20, 25]", "v2 30.. current OKAFOR ADA"));
    assertThat(labels(merged), contains("inserted", "ended", "unchanged", "inserted"));

    Scd2History.Merged ended = scd2.merge(merged.history(), List.of(deactivated(NPI, 40, FEB)));
    assertThat(summaries(ended.history()), contains("v1 10..20 OKAFOR ADA absorbed [20, 25]", "v2 30..40 OKAFOR ADA absorbed [40]"));
    assertThat(labels(ended), contains("ended"));
  }

  @Test
  public void aKeyDeactivatedBeforeAnyVersionIsKeptInAVersionZeroUntilAnEarlierRecordArrives() {
    List<Row> deactivatedOnly = historyOf(deactivated(NPI, 50, JAN));
    assertThat(summaries(deactivatedOnly), contains("v0 50..50 "));

    Scd2History.Merged backfilled = scd2.merge(deactivatedOnly, List.of(provider(NPI, 40, "OKAFOR ADA", "207Q00000X", null, FEB)));
    assertThat(summaries(backfilled.history()), contains("v1 40..50 OKAFOR ADA absorbed [50]"));
    assertThat(labels(backfilled), contains("updated"));
  }

  @Test
  public void aHistoryHoldingOneSequenceTwiceFailsTheMerge() {
    Row record = provider(NPI, 10, "OKAFOR ADA", "207Q00000X", null, JAN);
    List<Row> history = historyOf(record);
    List<Row> doubled = List.of(history.get(0), history.get(0));

    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> scd2.merge(doubled, List.of(provider(NPI, 20, "OKAFOR ADA", "208D00000X", null, FEB))));
    assertThat(failure.getMessage(), containsString("two records of one key and sequence"));
  }
}
