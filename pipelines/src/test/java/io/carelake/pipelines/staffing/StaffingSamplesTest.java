package io.carelake.pipelines.staffing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.carelake.pipelines.RunSummary;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.TableRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/** The pipeline on its generated samples: every record read is a silver row or quarantined. */
@RunWith(JUnit4.class)
public class StaffingSamplesTest {
  // The Direct runner's immutability check walks the whole graph for every bundle, and its groupings make a
  // bundle of every key: on this pipeline's thousand keys that is minutes. StaffingPipelineTest keeps it on.
  @Rule public final transient TestPipeline pipeline =
      TestPipeline.fromOptions(PipelineOptionsFactory.fromArgs("--enforceImmutability=false").create());
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @Test
  public void everyRecordEndsInSilverOrQuarantine() throws Exception {
    Path lake = temp.newFolder("lake").toPath();
    List<String> args = new ArrayList<>(StaffingGenerator.samples(lake));
    args.add("--runId=samples-1");
    args.add("--readSplitBytes=20000");
    args.add("--writeShards=4");
    StaffingOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(StaffingOptions.class);
    StaffingPipeline.build(pipeline, StaffingPipeline.configFrom(options));
    pipeline.run().waitUntilFinish();

    Lake at = Lake.at(lake.toString());
    RunSummary summary = StaffingSummary.of(at, "samples-1");
    System.out.println(summary.render());
    assertThat(summary.total("rows_read"), is(summary.total("valid") + summary.total("quarantined")));
    for (LakeTable table : StaffingSummary.tables(at)) {
      assertThat(table.toString(), (long) TableRows.read(table).size(), is(table.rowCount()));
      assertThat(table.toString(), table.rowCount(), greaterThan(0L));
    }
  }
}
