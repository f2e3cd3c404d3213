package io.carelake.transforms.tables;

import static io.carelake.transforms.tables.TablePipelines.append;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.carelake.schemas.Members;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * A run killed while its workers write data files: the table stays at its previous version, the files of
 * the killed run are named by no snapshot and so seen by no reader, and maintenance removes them. The run
 * is another JVM, killed as soon as its first data file appears: it has many bundles to write before it
 * can commit.
 */
@RunWith(JUnit4.class)
public class KilledRunTest {
  private static final int BATCHES = 40;
  private static final int ROWS_PER_BATCH = 500;

  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  /** Writes many members to table {@code args[1]} of the lake at {@code args[0]}. */
  public static void main(String[] args) {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner",
        "--enforceImmutability=false", "--enforceEncodability=false").create());
    pipeline.apply(Create.of(LongStream.range(0, BATCHES).boxed().toList()))
        .apply("ManyMembers", ParDo.of(new ManyMembersFn()))
        .setRowSchema(Members.SILVER)
        .apply(WriteTable.appendTo(Lake.at(args[0]).table(args[1]), "killed-run"));
    pipeline.run().waitUntilFinish();
  }

  private static final class ManyMembersFn extends DoFn<Long, Row> {
    @ProcessElement
    public void process(@Element Long batch, OutputReceiver<Row> out) {
      LongStream.range(0, ROWS_PER_BATCH).forEach(i -> out.output(TableFixtures.member(batch + "-" + i, "Kim", i)));
    }
  }

  @Test
  public void aKilledRunLeavesThePreviousVersionAndNoVisibleRows() throws Exception {
    Path root = tmp.newFolder("lake").toPath();
    LakeTable table = Lake.at(root.toString()).bronze("members");
    append(table, "run-1", Partitioning.none(), TableFixtures.members(), Members.SILVER);
    long before = table.currentSnapshotId().orElseThrow();
    List<Path> committedFiles = dataFiles(root);
    Path log = tmp.getRoot().toPath().resolve("killed.log");

    Process run = ChildJvm.start(KilledRunTest.class, log, root.toString(), table.toString());
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (dataFiles(root).size() == committedFiles.size() && run.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    run.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
    List<Path> withKilledRunFiles = dataFiles(root);

    assertThat(ChildJvm.tail(log), withKilledRunFiles.size(), greaterThan(committedFiles.size()));
    assertThat(table.currentSnapshotId().orElseThrow(), is(before));
    assertThat(table.history(), hasSize(1));
    assertThat(TableRows.read(table, Members.SILVER), containsInAnyOrder(TableFixtures.members().toArray()));

    assertThat(TableMaintenance.removeOrphanFiles(table, Duration.ZERO), greaterThan(0));
    assertThat(TableRows.read(table, Members.SILVER), containsInAnyOrder(TableFixtures.members().toArray()));
    assertThat(dataFiles(root), containsInAnyOrder(committedFiles.toArray()));
  }

  private static List<Path> dataFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("bronze/members/data"))) {
      return files.filter(file -> file.toString().endsWith(".parquet")).toList();
    }
  }
}
