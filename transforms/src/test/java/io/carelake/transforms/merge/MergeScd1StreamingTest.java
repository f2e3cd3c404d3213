package io.carelake.transforms.merge;

import static io.carelake.transforms.merge.MergeFixtures.perRow;
import static io.carelake.transforms.merge.MergeFixtures.MERGE;
import static io.carelake.transforms.merge.MergeFixtures.insert;
import static io.carelake.transforms.merge.MergeFixtures.member;
import static io.carelake.transforms.merge.MergeFixtures.update;

import io.carelake.schemas.Members;
import java.util.List;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The streaming merge: files arrive window after window (event time only, as Flink requires), the
 * table's rows are the starting state, and each window's rows are decided together.
 */
@RunWith(JUnit4.class)
public class MergeScd1StreamingTest {
  private static final Duration WINDOW = Duration.standardMinutes(1);
  private static final Instant START = Instant.parse("2024-03-01T09:00:00Z");
  private static final IntervalWindow FIRST = new IntervalWindow(START, WINDOW);
  private static final IntervalWindow SECOND = new IntervalWindow(START.plus(WINDOW), WINDOW);
  private static final IntervalWindow THIRD = new IntervalWindow(START.plus(WINDOW.multipliedBy(2)), WINDOW);

  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static TimestampedValue<Row> arriving(Row row, IntervalWindow window, long secondsIn) {
    return TimestampedValue.of(row, window.start().plus(Duration.standardSeconds(secondsIn)));
  }

  private MergeResult merge(List<Row> table, TestStream<Row> files) {
    PCollection<Row> current = table.isEmpty()
        ? p.apply("Table", Create.empty(RowCoder.of(Members.SILVER)))
        : p.apply("Table", Create.of(table).withRowSchema(Members.SILVER));
    PCollection<Row> incoming = p.apply("Files", files)
        .apply("Windows", Window.into(FixedWindows.of(WINDOW)));
    return MergeInput.of(current, incoming).apply("Merge", MERGE);
  }

  @Test
  public void eachWindowIsMergedIntoTheStateLeftByTheWindowsBefore() {
    Row tableM1 = member("M1", "ada@example.org", 500, "acme_20240101.csv");
    Row backfillM1 = member("M1", "old@example.org", 300, "acme_20231201.csv");
    Row newM2 = member("M2", "bo@example.org", 600, "acme_20240301.csv");
    Row movedM2 = member("M2", "bo@new.example.org", 700, "acme_20240302.csv");
    Row m3Older = member("M3", "cy@example.org", 800, "acme_20240303.csv");
    Row m3Newer = member("M3", "cy@new.example.org", 801, "acme_20240303.csv");
    Row lateM2 = member("M2", "bo@late.example.org", 650, "acme_20240301_2.csv");

    TestStream<Row> files = TestStream.create(RowCoder.of(Members.SILVER))
        .advanceWatermarkTo(START)
        .addElements(arriving(backfillM1, FIRST, 5), arriving(newM2, FIRST, 20))
        .advanceWatermarkTo(SECOND.start())
        // The newer row of M3 arrives before the older one: the sequence decides, not arrival.
        .addElements(arriving(movedM2, SECOND, 1), arriving(m3Newer, SECOND, 2), arriving(m3Older, SECOND, 40))
        .advanceWatermarkTo(THIRD.start())
        .addElements(arriving(lateM2, THIRD, 3))
        .advanceWatermarkToInfinity();

    MergeResult result = merge(List.of(tableM1), files);

    PAssert.that(result.changes()).inWindow(FIRST).containsInAnyOrder(insert(newM2));
    PAssert.that(result.changes()).inWindow(SECOND).containsInAnyOrder(update(newM2, movedM2), insert(m3Newer));
    PAssert.that(result.changes()).inWindow(THIRD).empty();
    PCollection<KV<String, String>> outcomes = perRow(result.outcomes());
    PAssert.that(outcomes).inWindow(FIRST).containsInAnyOrder(
        KV.of("acme_20231201.csv", "stale"), KV.of("acme_20240301.csv", "inserted"));
    PAssert.that(outcomes).inWindow(SECOND).containsInAnyOrder(
        KV.of("acme_20240302.csv", "updated"), KV.of("acme_20240303.csv", "inserted"),
        KV.of("acme_20240303.csv", "superseded"));
    PAssert.that(outcomes).inWindow(THIRD).containsInAnyOrder(KV.of("acme_20240301_2.csv", "stale"));
    p.run();
  }

  @Test
  public void filesArrivingOutOfOrderLeaveTheNewestRow() {
    Row older = member("M1", "old@example.org", 100, "acme_20240301.csv");
    Row newer = member("M1", "new@example.org", 200, "acme_20240302.csv");
    TestStream<Row> files = TestStream.create(RowCoder.of(Members.SILVER))
        .advanceWatermarkTo(START)
        .addElements(arriving(newer, FIRST, 1))
        .advanceWatermarkTo(SECOND.start())
        .addElements(arriving(older, SECOND, 1))
        .advanceWatermarkToInfinity();

    MergeResult result = merge(List.of(), files);

    PAssert.that(result.changes()).containsInAnyOrder(insert(newer));
    PAssert.that(perRow(result.outcomes())).inWindow(SECOND).containsInAnyOrder(KV.of("acme_20240301.csv", "stale"));
    p.run();
  }

  @Test
  public void aRowEqualToTheTableRowChangesNothing() {
    Row tableM1 = member("M1", "ada@example.org", 100, "acme_20240301.csv");
    Row again = member("M1", "ada@example.org", 200, "acme_20240302.csv");
    TestStream<Row> files = TestStream.create(RowCoder.of(Members.SILVER))
        .advanceWatermarkTo(START)
        .addElements(arriving(again, FIRST, 1))
        .advanceWatermarkToInfinity();

    MergeResult result = merge(List.of(tableM1), files);

    PAssert.that(result.changes()).empty();
    PAssert.that(perRow(result.outcomes())).containsInAnyOrder(KV.of("acme_20240302.csv", "unchanged"));
    p.run();
  }
}
