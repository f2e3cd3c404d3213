package io.carelake.transforms.merge;

import static io.carelake.transforms.merge.MergeFixtures.MERGE;
import static io.carelake.transforms.merge.MergeFixtures.insert;
import static io.carelake.transforms.merge.MergeFixtures.update;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import io.carelake.schemas.Members;
import io.carelake.transforms.tables.ChangeFeed;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.Partitioning;
import io.carelake.transforms.tables.ReadTable;
import io.carelake.transforms.tables.TableRows;
import io.carelake.transforms.tables.TableSnapshot;
import io.carelake.transforms.tables.WriteTable;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Runs of a silver load: read the table, merge a file, commit the changes as the next snapshot. */
@RunWith(JUnit4.class)
public class MergeIntoTableTest {
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private static Row member(String clientId, String memberId, String email, long sequence, String sourceFile) {
    return MergeFixtures.member(clientId, memberId, email, sequence, sourceFile);
  }

  /**
   * A pipeline of one load run, built on the table's current snapshot, reading (and so deciding on) only
   * the partitions of the clients in its file.
   */
  private static Pipeline load(LakeTable table, String runId, List<Row> file) {
    Pipeline pipeline = Pipeline.create(TestPipeline.testingPipelineOptions());
    Optional<Long> read = table.currentSnapshotId();
    PCollectionView<List<String>> clients = pipeline
        .apply("Clients", Create.of(file.stream().map(row -> row.getString(Members.CLIENT_ID)).distinct().toList()))
        .apply("ClientsToRead", View.asList());
    MergeResult merged = MergeInput.of(
            pipeline.apply("ReadCurrent", ReadTable.of(table, Members.SILVER).atSnapshot(read)
                .onlyWhere(Members.CLIENT_ID, clients)),
            pipeline.apply("ReadFile", Create.of(file).withRowSchema(Members.SILVER)))
        .apply("Merge", MERGE);
    merged.changes().apply("Commit", WriteTable.changesTo(table, runId, Members.KEY)
        .partitionedBy(Partitioning.byValueOf(Members.CLIENT_ID)).decidedOn(read, Members.CLIENT_ID, clients));
    return pipeline;
  }

  private static List<Row> current(LakeTable table) {
    return TableRows.read(table, Members.SILVER);
  }

  @Test
  public void successiveLoadsCommitTheirChangesAndTheRowsAVersionAddedAreItsChangeFeed() {
    LakeTable table = Lake.at(tmp.getRoot().getPath()).silver("members");
    Row m1 = member("acme", "M1", "ada@example.org", 1, "0105.csv");
    Row m2 = member("acme", "M2", null, 2, "0105.csv");
    Row m2Email = member("acme", "M2", "grace@example.org", 3, "0106.csv");
    Row m1Again = member("acme", "M1", "ada@example.org", 4, "0106.csv");

    load(table, "run-1", List.of(m1, m2)).run().waitUntilFinish();
    load(table, "run-2", List.of(m2Email, m1Again)).run().waitUntilFinish();

    assertThat(current(table), containsInAnyOrder(m1, m2Email));
    assertThat(TableRows.read(table), hasSize(2));
    List<Row> changes = TableRows.changes(table);
    assertThat(changes.subList(0, 2), containsInAnyOrder(insert(m1), insert(m2)));
    assertThat(changes.subList(2, changes.size()), contains(update(m2, m2Email)));
    List<TableSnapshot> history = table.history();
    assertThat(history.stream().map(TableSnapshot::runId).toList(), contains("run-1", "run-2"));
    assertThat(history.get(1).addedRows(), is(1L));
    assertThat(table.schema().getFieldNames().subList(Members.SILVER.getFieldCount(),
        table.schema().getFieldCount()), is(ChangeFeed.COLUMNS));

    // The same file again changes nothing, and commits nothing.
    load(table, "run-3", List.of(m2Email, m1Again)).run().waitUntilFinish();
    assertThat(table.history(), hasSize(2));
    assertThat(current(table), containsInAnyOrder(m1, m2Email));
  }

  @Test
  public void aMergeDecidedOnRowsAnotherRunChangedSinceIsRefused() {
    LakeTable table = Lake.at(tmp.getRoot().getPath()).silver("members");
    Row acme = member("acme", "M1", "ada@example.org", 1, "acme_0105.csv");
    Row beta = member("beta", "M1", "ada@example.org", 1, "beta_0105.csv");
    load(table, "run-1", List.of(acme, beta)).run().waitUntilFinish();

    // Three runs decided on the same snapshot: two change acme, one changes beta only.
    Pipeline first = load(table, "run-2", List.of(member("acme", "M1", "first@example.org", 2, "acme_0106.csv")));
    Pipeline second = load(table, "run-3", List.of(member("acme", "M1", "second@example.org", 3, "acme_0107.csv")));
    Pipeline other = load(table, "run-4", List.of(member("beta", "M1", "other@example.org", 2, "beta_0106.csv")));
    first.run().waitUntilFinish();

    Pipeline.PipelineExecutionException refused =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> second.run().waitUntilFinish());
    assertThat(refused.getCause().getMessage(), containsString("table silver/members was changed by another writer"
        + " since run run-3 read it"));
    other.run().waitUntilFinish();

    assertThat(current(table).stream().map(row -> row.getString(Members.CLIENT_ID) + ":" + row.getString(Members.EMAIL))
        .toList(), containsInAnyOrder("acme:first@example.org", "beta:other@example.org"));
    assertThat(table.hasCommitsOfRun("run-3"), is(false));
  }
}
