package io.carelake.transforms.merge;

import static io.carelake.transforms.merge.ProviderFixtures.HISTORY;
import static io.carelake.transforms.merge.ProviderFixtures.MERGE;
import static io.carelake.transforms.merge.ProviderFixtures.NPI;
import static io.carelake.transforms.merge.ProviderFixtures.PROVIDER;
import static io.carelake.transforms.merge.ProviderFixtures.deactivated;
import static io.carelake.transforms.merge.ProviderFixtures.provider;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.carelake.transforms.tables.ChangeFeed;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.ReadTable;
import io.carelake.transforms.tables.TableRows;
import io.carelake.transforms.tables.TableSnapshot;
import io.carelake.transforms.tables.WriteTable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * Runs of a provider history load: read the history, merge files, commit the changes keyed on NPI, in
 * batch and in streaming.
 */
@RunWith(JUnit4.class)
public class MergeScd2IntoTableTest {
  private static final String JAN = "npidata_pfile_20240107.csv";
  private static final String FEB = "npidata_pfile_20240211.csv";

  private static final Duration WINDOW = Duration.standardMinutes(1);
  private static final Instant START = Instant.parse("2024-03-01T09:00:00Z");

  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static Pipeline load(LakeTable table, String runId, List<Row> file) {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    Optional<Long> read = table.currentSnapshotId();
    MergeResult merged = MergeInput.of(
            pipeline.apply("ReadHistory", ReadTable.of(table, HISTORY).atSnapshot(read)),
            pipeline.apply("ReadFile", Create.of(file).withRowSchema(PROVIDER)))
        .apply("Merge", MERGE);
    merged.changes().apply("Commit", WriteTable.changesTo(table, runId, List.of(NPI)).decidedOn(read));
    return pipeline;
  }

  /** The table's rows as NPI and summary, in NPI and valid_from order. */
  private static List<String> history(LakeTable table) {
    return TableRows.read(table, HISTORY).stream()
        .sorted(Comparator.comparing((Row row) -> row.getString(NPI))
            .thenComparingLong(row -> row.getInt64(MergeScd2.VALID_FROM)))
        .map(row -> row.getString(NPI) + " " + Scd2HistoryTest.summary(row))
        .toList();
  }

  @Test
  public void aSecondRunWithLateRecordsRewritesTheVersionsAroundThem() {
    LakeTable table = Lake.at(tmp.getRoot().getPath()).silver("provider_history");
    List<Row> january = List.of(
        provider("1003000126", 10, "ADA", "207Q00000X", null, JAN),
        provider("1003000126", 30, "BO", "207Q00000X", null, JAN),
        provider("1215930367", 10, "CY", "207Q00000X", null, JAN),
        deactivated("1215930367", 20, JAN),
        provider("1881697878", 10, "DI", "207Q00000X", null, JAN),
        provider("1881697878", 30, "ED", "207Q00000X", null, JAN));
    List<Row> february = List.of(
        provider("1003000126", 20, "ADA OKAFOR", "207Q00000X", null, FEB),
        provider("1003000126", 40, "BO", "208D00000X", "6175550100", FEB),
        provider("1215930367", 25, "CY", "207Q00000X", null, FEB),
        provider("1881697878", 20, "ED", "207Q00000X", null, FEB),
        provider("1952356171", 5, "FAY", "208D00000X", null, FEB));

    load(table, "run-1", january).run().waitUntilFinish();
    assertThat(history(table), contains(
        "1003000126 v1 10..30 ADA", "1003000126 v2 30.. current BO",
        "1215930367 v1 10..20 CY absorbed [20]",
        "1881697878 v1 10..30 DI", "1881697878 v2 30.. current ED"));

    load(table, "run-2", february).run().waitUntilFinish();
    assertThat(history(table), contains(
        "1003000126 v1 10..20 ADA", "1003000126 v2 20..30 ADA OKAFOR", "1003000126 v3 30..40 BO",
        "1003000126 v4 40.. current BO",
        "1215930367 v1 10..20 CY absorbed [20]", "1215930367 v2 25.. current CY",
        // The late record equals the version at 30, which it absorbs: that row is gone from the table.
        "1881697878 v1 10..20 DI", "1881697878 v2 20.. current ED absorbed [30]",
        "1952356171 v1 5.. current FAY"));
    assertThat(TableRows.read(table), hasSize(9));

    List<TableSnapshot> snapshots = table.history();
    assertThat(snapshots.stream().map(TableSnapshot::runId).toList(), contains("run-1", "run-2"));
    List<Row> secondRunChanges = TableRows.changesOf(table, snapshots.get(1).id());
    assertThat(secondRunChanges.stream().map(row -> row.getString(NPI) + " " + row.getString(ChangeFeed.CHANGE_TYPE))
        .distinct().toList(), containsInAnyOrder(
            "1003000126 update", "1215930367 update", "1881697878 update", "1952356171 insert"));

    // The same file again changes no history, and commits nothing.
    load(table, "run-3", february).run().waitUntilFinish();
    assertThat(table.history(), hasSize(2));
    assertThat(history(table).size(), is(9));
  }

  @Test
  public void aStreamingRunCommitsEachWindowsHistoryOverTheRowsTheWindowsBeforeCommitted() {
    LakeTable table = Lake.at(tmp.getRoot().getPath()).silver("provider_history");
    load(table, "run-1", List.of(provider("1003000126", 10, "ADA", "207Q00000X", null, JAN))).run().waitUntilFinish();
    IntervalWindow first = new IntervalWindow(START, WINDOW);
    IntervalWindow second = new IntervalWindow(START.plus(WINDOW), WINDOW);
    TestStream<Row> files = TestStream.create(RowCoder.of(PROVIDER))
        .advanceWatermarkTo(START)
        .addElements(TimestampedValue.of(provider("1003000126", 30, "BO", "207Q00000X", null, FEB), first.start()))
        .advanceWatermarkTo(second.start())
        .addElements(
            TimestampedValue.of(provider("1003000126", 20, "ADA OKAFOR", "207Q00000X", null, FEB), second.start()),
            TimestampedValue.of(provider("1952356171", 5, "FAY", "208D00000X", null, FEB), second.start()))
        .advanceWatermarkToInfinity();

    Optional<Long> read = table.currentSnapshotId();
    MergeResult merged = MergeInput.of(
            p.apply("ReadHistory", ReadTable.of(table, HISTORY).atSnapshot(read)),
            p.apply("Files", files).setRowSchema(PROVIDER).apply("Windows", Window.into(FixedWindows.of(WINDOW))))
        .apply("Merge", MERGE);
    merged.changes().apply("Commit", WriteTable.changesTo(table, "stream-1", List.of(NPI)).decidedOn(read));
    p.run().waitUntilFinish();

    assertThat(history(table), contains(
        "1003000126 v1 10..20 ADA", "1003000126 v2 20..30 ADA OKAFOR", "1003000126 v3 30.. current BO",
        "1952356171 v1 5.. current FAY"));
    assertThat(table.history().stream().map(TableSnapshot::runId).toList(), contains("run-1", "stream-1", "stream-1"));
  }
}
