package io.carelake.transforms.tables;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.carelake.schemas.Members;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Streaming writes commit once per window, and a window's commit retried is recognised. */
@RunWith(JUnit4.class)
public class StreamingWriteTableTest {
  private static final Instant START = new Instant(0);

  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();
  @Rule public final transient TestPipeline p = TestPipeline.create();

  @Test
  public void eachWindowIsOneSnapshotNamedByTheRunAndTheWindowEnd() {
    LakeTable table = Lake.at(tmp.getRoot().getPath()).bronze("members");
    Row m1 = TableFixtures.member("M1", "Ada", 1);
    Row m2 = TableFixtures.member("M2", "Bo", 2);
    Row m3 = TableFixtures.member("M3", "Cy", 3);
    TestStream<Row> rows = TestStream.create(RowCoder.of(Members.SILVER))
        .addElements(TimestampedValue.of(m1, START.plus(Duration.standardSeconds(1))),
            TimestampedValue.of(m2, START.plus(Duration.standardSeconds(2))))
        .advanceWatermarkTo(START.plus(Duration.standardSeconds(15)))
        .addElements(TimestampedValue.of(m3, START.plus(Duration.standardSeconds(12))))
        .advanceWatermarkToInfinity();

    p.apply(rows).setRowSchema(Members.SILVER)
        .apply(Window.into(FixedWindows.of(Duration.standardSeconds(10))))
        .apply(WriteTable.appendTo(table, "stream-1"));
    p.run().waitUntilFinish();

    List<TableSnapshot> windows = table.history();
    assertThat(windows.stream().map(TableSnapshot::commitId).toList(),
        contains("stream-1@" + START.plus(Duration.standardSeconds(10)), "stream-1@" + START.plus(Duration.standardSeconds(20))));
    assertThat(windows.get(0).addedRows(), is(2L));
    assertThat(TableRows.read(table, Members.SILVER), containsInAnyOrder(m1, m2, m3));
  }

  @Test
  public void eachWindowWithCommitsReadsTheWholeTableAsItIsAfterThem() {
    LakeTable table = Lake.at(tmp.getRoot().getPath()).bronze("members");
    Row m1 = TableFixtures.member("M1", "Ada", 1);
    Row m2 = TableFixtures.member("M2", "Bo", 2);
    Row m3 = TableFixtures.member("M3", "Cy", 3);
    TestStream<Row> rows = TestStream.create(RowCoder.of(Members.SILVER))
        .addElements(TimestampedValue.of(m1, START.plus(Duration.standardSeconds(1))),
            TimestampedValue.of(m2, START.plus(Duration.standardSeconds(2))))
        .advanceWatermarkTo(START.plus(Duration.standardSeconds(25)))
        // Nothing lands in the window of 10 to 20 s: it commits nothing and reads nothing.
        .addElements(TimestampedValue.of(m3, START.plus(Duration.standardSeconds(32))))
        .advanceWatermarkToInfinity();

    PCollection<Long> committed = p.apply(rows).setRowSchema(Members.SILVER)
        .apply(Window.into(FixedWindows.of(Duration.standardSeconds(10))))
        .apply(WriteTable.appendTo(table, "stream-4"))
        .committed();
    PCollection<Row> reread = committed.apply(ReadTableAfterCommits.of(table, Members.SILVER));

    PAssert.that(reread).inWindow(window(0)).containsInAnyOrder(m1, m2);
    PAssert.that(reread).inWindow(window(10)).empty();
    PAssert.that(reread).inWindow(window(30)).containsInAnyOrder(m1, m2, m3);
    p.run().waitUntilFinish();
  }

  @Test
  public void aReplacedTableIsEachWindowsRowsAndRowsInTheGlobalWindowAreRefused() {
    LakeTable table = Lake.at(tmp.getRoot().getPath()).gold("members");
    Row m1 = TableFixtures.member("M1", "Ada", 1);
    Row m2 = TableFixtures.member("M2", "Bo", 2);
    Row m3 = TableFixtures.member("M3", "Cy", 3);
    TestStream<Row> rows = TestStream.create(RowCoder.of(Members.SILVER))
        .addElements(TimestampedValue.of(m1, START.plus(Duration.standardSeconds(1))),
            TimestampedValue.of(m2, START.plus(Duration.standardSeconds(2))))
        .advanceWatermarkTo(START.plus(Duration.standardSeconds(15)))
        .addElements(TimestampedValue.of(m3, START.plus(Duration.standardSeconds(12))))
        .advanceWatermarkToInfinity();
    // A refused step stays in its pipeline, half built: refused in a pipeline of its own.
    PCollection<Row> global = org.apache.beam.sdk.Pipeline.create().apply(rows).setRowSchema(Members.SILVER);
    IllegalArgumentException refused = org.junit.Assert.assertThrows(IllegalArgumentException.class,
        () -> global.apply(WriteTable.replacing(table, "stream-5")));
    assertThat(refused.getMessage(), org.hamcrest.Matchers.containsString("must come in windows"));

    p.apply(rows).setRowSchema(Members.SILVER)
        .apply(Window.into(FixedWindows.of(Duration.standardSeconds(10))))
        .apply(WriteTable.replacing(table, "stream-5"));
    p.run().waitUntilFinish();

    assertThat(table.history(), hasSize(2));
    assertThat(table.history().get(0).totalRows(), is(2L));
    assertThat(TableRows.read(table, Members.SILVER), contains(m3));
  }

  private static IntervalWindow window(int startSeconds) {
    Instant start = START.plus(Duration.standardSeconds(startSeconds));
    return new IntervalWindow(start, start.plus(Duration.standardSeconds(10)));
  }

  @Test
  public void aCommitRetriedAfterItLandedCommitsNothingAgain() {
    LakeTable lakeTable = Lake.at(tmp.getRoot().getPath()).bronze("members");
    Table table = lakeTable.createOrEvolve(Members.SILVER, Partitioning.none(), List.of());
    DataFile file = DataFiles.builder(table.spec()).withPath(table.location() + "/data/window-1.parquet")
        .withFormat(FileFormat.PARQUET).withFileSizeInBytes(10).withRecordCount(3).build();
    List<TableFiles> written = List.of(new TableFiles(new WrittenFiles(List.of(file), List.of())));
    TableCommitter committer = new TableCommitter(lakeTable, "stream-2", false, true);

    Optional<Long> first = committer.commit("stream-2@window-1", written, null, null);
    Optional<Long> retried = committer.commit("stream-2@window-1", written, null, null);

    assertThat(retried, is(first));
    assertThat(lakeTable.history(), hasSize(1));
    assertThat(lakeTable.history().get(0).totalRows(), is(3L));
  }

  @Test
  public void aStreamingMergeRefusesToCommitOverAnotherWritersChanges() {
    LakeTable lakeTable = Lake.at(tmp.getRoot().getPath()).silver("members");
    Table table = lakeTable.createOrEvolve(ChangeFeed.schemaOf(Members.SILVER), Partitioning.byValueOf(Members.CLIENT_ID),
        Members.KEY);
    TableCommitter streaming = new TableCommitter(lakeTable, "stream-3", true, true);
    TableCommitter batch = new TableCommitter(lakeTable, "batch-1", true, false);
    Expression wholeTable = Expressions.alwaysTrue();

    long window1 = streaming.commit("stream-3@1", filesOf(table, "acme", "w1"), null, wholeTable).orElseThrow();
    long window2 = streaming.commit("stream-3@2", filesOf(table, "acme", "w2"), window1, wholeTable).orElseThrow();
    // A batch run merges into another client's partition meanwhile: the streaming job's state did not see it.
    batch.commit("batch-1", filesOf(table, "beta", "b1"), window2, Expressions.equal(Members.CLIENT_ID, "beta"))
        .orElseThrow();

    IllegalStateException refused = org.junit.Assert.assertThrows(IllegalStateException.class,
        () -> streaming.commit("stream-3@3", filesOf(table, "cedar", "w3"), window2, wholeTable));
    assertThat(refused.getMessage(), org.hamcrest.Matchers.containsString(
        "table silver/members was changed by another writer since run stream-3 read it"));
    assertThat(refused.getMessage(), org.hamcrest.Matchers.containsString("Restart the streaming job"));
    assertThat(lakeTable.history().stream().map(TableSnapshot::commitId).toList(),
        contains("stream-3@1", "stream-3@2", "batch-1"));
  }

  private static List<TableFiles> filesOf(Table table, String client, String name) {
    org.apache.iceberg.PartitionData partition = new org.apache.iceberg.PartitionData(table.spec().partitionType());
    partition.set(0, client);
    DataFile file = DataFiles.builder(table.spec()).withPath(table.location() + "/data/" + name + ".parquet")
        .withFormat(FileFormat.PARQUET).withFileSizeInBytes(10).withRecordCount(1).withPartition(partition).build();
    return List.of(new TableFiles(new WrittenFiles(List.of(file), List.of())));
  }
}
