package io.carelake.transforms.tables;

import static io.carelake.transforms.tables.TablePipelines.append;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.carelake.schemas.Members;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** Compaction, snapshot expiry: fewer files and versions, the same rows. */
@RunWith(JUnit4.class)
public class TableMaintenanceTest {
  private static final Schema CHANGES = ChangeFeed.schemaOf(Members.SILVER);

  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private static Row change(Row member, String type) {
    return Row.withSchema(CHANGES).addValues(member.getValues()).addValues(type, null, "h").build();
  }

  private static void commitChanges(LakeTable table, String runId, List<Row> changes) {
    TablePipelines.run(pipeline -> TablePipelines.rows(pipeline, "Changes", changes, CHANGES)
        .apply(WriteTable.changesTo(table, runId, Members.KEY).partitionedBy(Partitioning.byValueOf(Members.CLIENT_ID))));
  }

  private static int[] dataAndDeleteFiles(LakeTable lakeTable) throws Exception {
    Table table = lakeTable.load();
    int[] counts = new int[2];
    java.util.Set<String> deletes = new java.util.HashSet<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        counts[0]++;
        task.deletes().forEach(delete -> deletes.add(delete.path().toString()));
      }
    }
    counts[1] = deletes.size();
    return counts;
  }

  @Test
  public void compactionFoldsSmallFilesAndDeletesAndKeepsEveryRow() throws Exception {
    LakeTable table = Lake.at(tmp.getRoot().getPath()).silver("members");
    List<Row> current = new ArrayList<>();
    for (int run = 1; run <= 3; run++) {
      List<Row> changes = new ArrayList<>();
      Row member = TableFixtures.member("M" + run, "Ada", run);
      changes.add(change(member, ChangeFeed.INSERT));
      current.add(member);
      if (run > 1) {
        Row renamed = Row.fromRow(current.get(0)).withFieldValue(Members.FIRST_NAME, "Ada " + run).build();
        changes.add(change(renamed, ChangeFeed.UPDATE));
        current.set(0, renamed);
      }
      commitChanges(table, "run-" + run, changes);
    }
    int[] before = dataAndDeleteFiles(table);
    assertThat(before[0], greaterThan(1));
    assertThat(before[1], is(2));
    List<Row> rowsBefore = TableRows.read(table, Members.SILVER);
    assertThat(rowsBefore, containsInAnyOrder(current.toArray()));

    TableMaintenance.Report report = TableMaintenance.compact(table);

    assertThat(report.partitionsRewritten(), is(1));
    assertThat(report.deleteFilesRemoved(), is(2));
    assertThat(dataAndDeleteFiles(table), is(new int[] {1, 0}));
    assertThat(TableRows.read(table, Members.SILVER), containsInAnyOrder(current.toArray()));
    assertThat(table.history().get(table.history().size() - 1).operation(), is("replace"));
    assertThat("a compaction adds no change rows", TableRows.changes(table), hasSize(5));

    int versions = table.history().size();
    assertThat(TableMaintenance.compact(table).partitionsRewritten(), is(0));
    assertThat("nothing left to compact commits nothing", table.history(), hasSize(versions));
    assertThat(TableMaintenance.expireSnapshots(table, Duration.ZERO, 1), is(versions - 1));
    assertThat(table.history(), hasSize(1));
    assertThat(TableRows.read(table, Members.SILVER), containsInAnyOrder(current.toArray()));
  }

  @Test
  public void appendOnlyTablesAreCompactedToo() {
    LakeTable table = Lake.at(tmp.getRoot().getPath()).bronze("claims");
    append(table, "run-1", Partitioning.none(), TableFixtures.claims(), TableFixtures.CLAIM);
    append(table, "run-2", Partitioning.none(), TableFixtures.claims(), TableFixtures.CLAIM);

    assertThat(TableMaintenance.compact(table).partitionsRewritten(), is(1));
    assertThat(TableRows.read(table, TableFixtures.CLAIM), hasSize(4));
  }
}
