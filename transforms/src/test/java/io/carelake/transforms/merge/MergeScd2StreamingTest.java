package io.carelake.transforms.merge;

import static io.carelake.transforms.merge.MergeFixtures.perRow;
import static io.carelake.transforms.merge.ProviderFixtures.HISTORY;
import static io.carelake.transforms.merge.ProviderFixtures.MERGE;
import static io.carelake.transforms.merge.ProviderFixtures.PROVIDER;
import static io.carelake.transforms.merge.ProviderFixtures.provider;

import io.carelake.transforms.tables.ChangeFeed;
import java.util.List;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The streaming SCD type 2 merge: files arrive window after window (event time only), the table's history
 * is the starting state, and each window is merged into the history the windows before it left.
 */
@RunWith(JUnit4.class)
public class MergeScd2StreamingTest {
  private static final Duration WINDOW = Duration.standardMinutes(1);
  private static final Instant START = Instant.parse("2024-03-01T09:00:00Z");
  private static final IntervalWindow FIRST = new IntervalWindow(START, WINDOW);
  private static final IntervalWindow SECOND = new IntervalWindow(START.plus(WINDOW), WINDOW);
  private static final IntervalWindow THIRD = new IntervalWindow(START.plus(WINDOW.multipliedBy(2)), WINDOW);
  private static final String JAN = "npidata_pfile_20240107.csv";
  private static final String FEB = "npidata_pfile_20240211.csv";
  private static final String MAR = "npidata_pfile_20240310.csv";

  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static TimestampedValue<Row> arriving(Row row, IntervalWindow window, long secondsIn) {
    return TimestampedValue.of(row, window.start().plus(Duration.standardSeconds(secondsIn)));
  }

  @Test
  public void eachWindowIsMergedIntoTheHistoryTheWindowsBeforeLeft() {
    List<Row> table = ProviderFixtures.history()
        .merge(List.of(), List.of(provider("1", 10, "ADA", "207Q00000X", null, JAN))).history();
    TestStream<Row> files = TestStream.create(RowCoder.of(PROVIDER))
        .advanceWatermarkTo(START)
        .addElements(arriving(provider("1", 30, "ADA OKAFOR", "207Q00000X", null, FEB), FIRST, 5))
        .advanceWatermarkTo(SECOND.start())
        // A record older than the current version, a window later: it takes its place in the history.
        .addElements(arriving(provider("1", 20, "ADA NG", "207Q00000X", null, MAR), SECOND, 1),
            arriving(provider("2", 5, "BO", "208D00000X", null, MAR), SECOND, 2))
        .advanceWatermarkTo(THIRD.start())
        .addElements(arriving(provider("1", 30, "ADA OKAFOR", "207Q00000X", null, FEB), THIRD, 3))
        .advanceWatermarkToInfinity();

    PCollection<Row> incoming = p.apply("Files", files).setRowSchema(PROVIDER)
        .apply("Windows", Window.into(FixedWindows.of(WINDOW)));
    MergeResult result = MergeInput.of(p.apply("History", Create.of(table).withRowSchema(HISTORY)), incoming)
        .apply("Merge", MERGE);

    PCollection<String> changes = result.changes().apply("Describe", MapElements.into(TypeDescriptors.strings())
        .via(change -> change.getString(ProviderFixtures.NPI) + " " + Scd2HistoryTest.summary(change) + " "
            + change.getString(ChangeFeed.CHANGE_TYPE)));
    PAssert.that(changes).inWindow(FIRST).containsInAnyOrder(
        "1 v1 10..30 ADA update", "1 v2 30.. current ADA OKAFOR update");
    PAssert.that(changes).inWindow(SECOND).containsInAnyOrder(
        "1 v1 10..20 ADA update", "1 v2 20..30 ADA NG update", "1 v3 30.. current ADA OKAFOR update",
        "2 v1 5.. current BO insert");
    PAssert.that(changes).inWindow(THIRD).empty();
    PCollection<KV<String, String>> outcomes = perRow(result.outcomes());
    PAssert.that(outcomes).inWindow(FIRST).containsInAnyOrder(KV.of(FEB, "updated"));
    PAssert.that(outcomes).inWindow(SECOND).containsInAnyOrder(KV.of(MAR, "updated"), KV.of(MAR, "inserted"));
    PAssert.that(outcomes).inWindow(THIRD).containsInAnyOrder(KV.of(FEB, "unchanged"));
    p.run();
  }
}
