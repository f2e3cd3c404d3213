package io.carelake.transforms.tables;

import static io.carelake.transforms.tables.TableFixtures.member;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import io.carelake.schemas.Members;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Streaming windows append their changes to a table's log; readers see the snapshot with the log applied. */
@RunWith(JUnit4.class)
public class AppendTableChangesTest {
  private static final Schema CHANGES = ChangeFeed.schemaOf(Members.SILVER);
  private static final Duration WINDOW = Duration.standardMinutes(1);
  private static final Instant START = Instant.parse("2024-03-01T09:00:00Z");

  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static Row change(String type, Row after) {
    return Row.withSchema(CHANGES).addValues(type, null, "h-" + after.getString(Members.FIRST_NAME))
        .addValues(after.getValues()).build();
  }

  private static TimestampedValue<Row> inWindow(Row row, int window) {
    return TimestampedValue.of(row, START.plus(WINDOW.multipliedBy(window)).plus(Duration.standardSeconds(10)));
  }

  @Test
  public void eachWindowBecomesAnAppendVersionAppliedOnTheSnapshot() {
    TablePath table = Lake.at(tmp.getRoot().getPath()).silver("members");
    Row ada = member("M1", "Ada", 1);
    Row bo = member("M2", "Bo", 2);
    LakePipelines.commit(table, "batch-1", List.of(ada, bo), Members.SILVER, List.of());

    Row adaRenamed = member("M1", "Adaeze", 3);
    Row cy = member("M3", "Cy", 4);
    Row boRenamed = member("M2", "Bola", 5);
    TestStream<Row> changes = TestStream.create(RowCoder.of(CHANGES))
        .advanceWatermarkTo(START)
        .addElements(inWindow(change("update", adaRenamed), 0), inWindow(change("insert", cy), 0))
        .advanceWatermarkTo(START.plus(WINDOW))
        .addElements(inWindow(change("update", boRenamed), 1))
        .advanceWatermarkTo(START.plus(WINDOW.multipliedBy(3)))
        .advanceWatermarkToInfinity();
    PCollection<Long> committed = p.apply(changes).setRowSchema(CHANGES)
        .apply(Window.into(FixedWindows.of(WINDOW)))
        .apply(AppendTableChanges.to(table, "stream-1", Members.KEY));
    PAssert.that(committed).containsInAnyOrder(2L, 3L);
    p.run().waitUntilFinish();

    TableLog log = TableLog.of(table);
    assertThat(log.versions(), contains(1L, 2L, 3L));
    assertThat(log.read(2).operation(), is(CommitRecord.APPEND));
    assertThat(log.read(2).changeRows(), is(2L));
    assertThat(log.read(3).keyColumns(), is(Members.KEY));
    List<Row> expected = List.of(adaRenamed, boRenamed, cy);
    assertThat(ParquetTables.tableRows(table, Members.SILVER), containsInAnyOrder(expected.toArray()));

    // A pipeline reading the table sees the same rows, and a batch commit of them compacts the log.
    LakePipelines.run(pipeline -> {
      PCollection<Row> current = pipeline.apply("ReadCurrent", ReadTable.current(table, Members.SILVER));
      PAssert.that(current).containsInAnyOrder(expected);
      TableVersion.of(current, LakePipelines.rows(pipeline, "NoChanges", List.of(), CHANGES))
          .apply("Compact", CommitTableVersion.to(table, "compact-1").withOperation("compact"));
    });
    assertThat(log.read(4).hasSnapshot(), is(true));
    assertThat(log.read(4).snapshotRows(), is(3L));
    assertThat(ParquetTables.tableRows(table, Members.SILVER), containsInAnyOrder(expected.toArray()));
    assertThat(ParquetTables.changes(table).stream().map(row -> row.get("_change_type").toString())
        .collect(Collectors.toList()), containsInAnyOrder("update", "insert", "update"));
  }

  private static void append(TablePath table, String runId, Row change, int window) {
    LakePipelines.run(pipeline -> pipeline
        .apply(TestStream.create(RowCoder.of(CHANGES))
            .advanceWatermarkTo(START)
            .addElements(inWindow(change, window))
            .advanceWatermarkToInfinity())
        .setRowSchema(CHANGES)
        .apply(Window.into(FixedWindows.of(WINDOW)))
        .apply(AppendTableChanges.to(table, runId, Members.KEY).orderedBy(Members.RECORD_SEQUENCE)));
  }

  @Test
  public void theHighestSequenceWinsWhateverOrderWindowsCommittedIn() {
    TablePath table = Lake.at(tmp.getRoot().getPath()).silver("members");
    Row earlier = member("M1", "Ada", 5);
    Row later = member("M1", "Adaeze", 9);
    // The later window's change commits first (version 1), the earlier one's after it (version 2).
    append(table, "stream-1", change("update", later), 1);
    append(table, "stream-1", change("insert", earlier), 0);

    assertThat(TableLog.of(table).versions(), contains(1L, 2L));
    assertThat(ParquetTables.tableRows(table, Members.SILVER), contains(later));
    LakePipelines.run(pipeline -> PAssert.that(pipeline.apply(ReadTable.current(table, Members.SILVER)))
        .containsInAnyOrder(later));
  }

  @Test
  public void aWindowCommittedAgainIsNotAppendedTwice() {
    TablePath table = Lake.at(tmp.getRoot().getPath()).silver("members");
    Row ada = member("M1", "Ada", 1);
    append(table, "stream-1", change("insert", ada), 0);
    // The same run writing the same window again, as a restored job does.
    append(table, "stream-1", change("insert", ada), 0);

    assertThat(TableLog.of(table).versions(), contains(1L));
    assertThat(ParquetTables.changes(table).size(), is(1));
  }

  @Test
  public void aTableOfAppendedChangesOnlyReadsAsItsLog() {
    TablePath table = Lake.at(tmp.getRoot().getPath()).silver("members");
    Row ada = member("M1", "Ada", 1);
    Row adaAgain = member("M1", "Adaeze", 2);
    TestStream<Row> changes = TestStream.create(RowCoder.of(CHANGES))
        .advanceWatermarkTo(START)
        .addElements(inWindow(change("insert", ada), 0))
        .advanceWatermarkTo(START.plus(WINDOW))
        .addElements(inWindow(change("update", adaAgain), 1))
        .advanceWatermarkToInfinity();
    p.apply(changes).setRowSchema(CHANGES)
        .apply(Window.into(FixedWindows.of(WINDOW)))
        .apply(AppendTableChanges.to(table, "stream-1", Members.KEY));
    p.run().waitUntilFinish();

    assertThat(ParquetTables.tableRows(table, Members.SILVER), contains(adaAgain));
    LakePipelines.run(pipeline -> PAssert.that(pipeline.apply(ReadTable.current(table, Members.SILVER)))
        .containsInAnyOrder(adaAgain));
  }
}
