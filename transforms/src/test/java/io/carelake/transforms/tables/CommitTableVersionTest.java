package io.carelake.transforms.tables;

import static io.carelake.transforms.tables.TableFixtures.change;
import static io.carelake.transforms.tables.TableFixtures.member;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import io.carelake.schemas.Members;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class CommitTableVersionTest {
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TestPipeline read = TestPipeline.create();

  private final List<Row> firstRows = List.of(member("M1", "Ada", 1L), member("M2", "Grace", 2L));
  private final List<Row> firstChanges = List.of(change("insert", "M1"), change("insert", "M2"));
  private final List<Row> secondRows = List.of(member("M1", "Ada", 1L), member("M2", "Grace B.", 5L));
  private final List<Row> secondChanges = List.of(change("update", "M2"));

  private TablePath table() {
    return Lake.at(tmp.getRoot().getPath()).silver("members");
  }

  @Test
  public void committedVersionReadsBackExactly() {
    TablePath table = table();
    List<Row> rows = TableFixtures.members();
    List<Row> changes = List.of(change("insert", "M1"), change("insert", "M2"), change("insert", "M3"));

    TableCommit commit = TableVersion.of(
            LakePipelines.rows(p, "Snapshot", rows, Members.SILVER),
            LakePipelines.rows(p, "Changes", changes, TableFixtures.CHANGE))
        .apply("Commit", CommitTableVersion.to(table, "run-1").withOperation("merge"));
    PAssert.that(commit.committed()).containsInAnyOrder(1L);
    p.run().waitUntilFinish();

    assertThat(commit.version(), is(1L));
    CommitRecord record = TableLog.of(table).read(1);
    assertThat(record.version(), is(1L));
    assertThat(record.previousVersion(), is(0L));
    assertThat(record.runId(), is("run-1"));
    assertThat(record.operation(), is("merge"));
    assertThat(record.snapshotRows(), is(3L));
    assertThat(record.changeRows(), is(3L));
    assertThat(record.snapshotFiles(), is(not(empty())));
    assertThat(record.snapshotFiles(), everyItem(matchesPattern("snapshots/v1/part-.*\\.parquet")));
    assertThat(record.changeFiles(), everyItem(matchesPattern("changes/v1/part-.*\\.parquet")));
    assertThat(ParquetTables.tableRows(table, Members.SILVER), containsInAnyOrder(rows.toArray()));

    PAssert.that(read.apply("Current", ReadTable.current(table, Members.SILVER))).containsInAnyOrder(rows);
    PAssert.that(read.apply("Changes", ReadTable.changes(table, TableFixtures.CHANGE, 0))).containsInAnyOrder(changes);
    read.run();
  }

  @Test
  public void successiveVersionsStayReadable() {
    TablePath table = table();
    assertThat(LakePipelines.commit(table, "run-1", firstRows, Members.SILVER, firstChanges), is(1L));
    assertThat(LakePipelines.commit(table, "run-2", secondRows, Members.SILVER, secondChanges), is(2L));

    assertThat(TableLog.of(table).versions(), contains(1L, 2L));
    assertThat(TableLog.of(table).read(2).previousVersion(), is(1L));
    PAssert.that(read.apply("Current", ReadTable.current(table, Members.SILVER))).containsInAnyOrder(secondRows);
    PAssert.that(read.apply("First", ReadTable.current(table, Members.SILVER).atVersion(1)))
        .containsInAnyOrder(firstRows);
    PAssert.that(read.apply("ChangesAfter1", ReadTable.changes(table, TableFixtures.CHANGE, 1)))
        .containsInAnyOrder(secondChanges);
    PAssert.that(read.apply("AllChanges", ReadTable.changes(table, TableFixtures.CHANGE, 0)))
        .containsInAnyOrder(change("insert", "M1"), change("insert", "M2"), change("update", "M2"));
    PAssert.that(read.apply("ChangesOfVersion1", ReadTable.changes(table, TableFixtures.CHANGE, 0).atVersion(1)))
        .containsInAnyOrder(firstChanges);
    read.run();
  }

  @Test
  public void versionWithoutCommitRecordIsIgnoredAndOverwritten() {
    TablePath table = table();
    LakePipelines.commit(table, "run-1", firstRows, Members.SILVER, firstChanges);
    List<Row> crashedRows = List.of(member("M9", "Never", 9L), member("M8", "Committed", 9L));
    LakePipelines.run(pipeline -> LakePipelines.rows(pipeline, "Crashed", crashedRows, Members.SILVER)
        .apply("WriteWithoutCommit", RowParquet.write(Members.SILVER, table.snapshotDir(2)).withNumShards(2)));
    LakePipelines.run(pipeline -> LakePipelines.rows(pipeline, "Crashed", crashedRows, Members.SILVER)
        .apply("WriteWithoutCommit", RowParquet.write(Members.SILVER, table.snapshotDir(2)).withNumShards(1)));

    assertThat(TableLog.of(table).latestVersion(), is(1L));
    assertThat(ParquetTables.tableRows(table, Members.SILVER), containsInAnyOrder(firstRows.toArray()));

    assertThat(LakePipelines.commit(table, "run-3", secondRows, Members.SILVER, secondChanges), is(2L));
    assertThat(ParquetTables.tableRows(table, Members.SILVER), containsInAnyOrder(secondRows.toArray()));
    PAssert.that(read.apply(ReadTable.current(table, Members.SILVER))).containsInAnyOrder(secondRows);
    read.run();
  }

  @Test
  public void tableNeverWrittenReadsEmpty() {
    TablePath table = table();

    PCollection<Row> current = read.apply("Current", ReadTable.current(table, Members.SILVER));
    PCollection<Row> changes = read.apply("Changes", ReadTable.changes(table, TableFixtures.CHANGE, 0));

    assertThat(current.getCoder(), is(RowCoder.of(Members.SILVER)));
    assertThat(changes.getCoder(), is(RowCoder.of(TableFixtures.CHANGE)));
    PAssert.that(current).empty();
    PAssert.that(changes).empty();
    read.run();
    assertThat(ParquetTables.table(table), is(empty()));
  }

  @Test
  public void emptyVersionIsCommittedAndReadsEmpty() {
    TablePath table = table();
    LakePipelines.commit(table, "run-1", firstRows, Members.SILVER, firstChanges);

    assertThat(LakePipelines.commit(table, "run-2", List.of(), Members.SILVER, List.of()), is(2L));

    CommitRecord record = TableLog.of(table).read(2);
    assertThat(record.snapshotRows(), is(0L));
    assertThat(record.changeRows(), is(0L));
    assertThat(ParquetTables.table(table), is(empty()));
    PAssert.that(read.apply("Current", ReadTable.current(table, Members.SILVER))).empty();
    PAssert.that(read.apply("Previous", ReadTable.current(table, Members.SILVER).atVersion(1)))
        .containsInAnyOrder(firstRows);
    read.run();
  }

  @Test
  public void readingAVersionNotYetCommittedFailsAtConstruction() {
    TablePath table = table();
    LakePipelines.commit(table, "run-1", firstRows, Members.SILVER, firstChanges);

    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> pipeline.apply(ReadTable.current(table, Members.SILVER).atVersion(2)));
    assertThat(missing.getMessage(), matchesPattern(".*has no version 2; its latest is 1"));
  }
}
