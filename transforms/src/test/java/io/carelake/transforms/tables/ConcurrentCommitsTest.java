package io.carelake.transforms.tables;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.carelake.schemas.Members;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * Two processes committing to one table of the embedded catalog at the same time, as a batch run beside
 * a streaming job would: every commit of both lands, none replaces another's.
 */
@RunWith(JUnit4.class)
public class ConcurrentCommitsTest {
  private static final int COMMITS = 25;

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  /** Commits {@code args[2]} appends to table {@code args[1]} of the lake at {@code args[0]}. */
  public static void main(String[] args) {
    commit(Lake.at(args[0]).table(args[1]), args[2], Integer.parseInt(args[3]));
  }

  private static void commit(LakeTable lakeTable, String writer, int commits) {
    for (int i = 0; i < commits; i++) {
      Table table = lakeTable.load();
      DataFile file = DataFiles.builder(table.spec())
          .withPath(table.location() + "/data/" + writer + "-" + i + ".parquet")
          .withFormat(FileFormat.PARQUET).withFileSizeInBytes(100).withRecordCount(1).build();
      table.newFastAppend().appendFile(file).set(TableSnapshot.RUN_ID, writer).commit();
    }
  }

  @Test
  public void commitsOfTwoProcessesAtOnceAllLand() throws Exception {
    Lake lake = Lake.at(tmp.newFolder("lake").getPath());
    LakeTable table = lake.bronze("members");
    table.createOrEvolve(Members.SILVER, Partitioning.none(), java.util.List.of());
    Path log = tmp.getRoot().toPath().resolve("child.log");

    Process child = ChildJvm.start(ConcurrentCommitsTest.class, log, lake.root(), table.toString(), "child",
        String.valueOf(COMMITS));
    commit(table, "parent", COMMITS);
    assertThat(ChildJvm.tail(log), child.waitFor(2, TimeUnit.MINUTES) && child.exitValue() == 0, is(true));

    assertThat(table.history().size(), is(2 * COMMITS));
    assertThat(table.history().get(2 * COMMITS - 1).totalRows(), is(2L * COMMITS));
    assertThat(table.history().stream().filter(version -> "child".equals(version.runId())).count(), is((long) COMMITS));
  }
}
