package io.carelake.pipelines.acceptance;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.Assume.assumeTrue;

import io.carelake.pipelines.RunSummary;
import io.carelake.pipelines.staffing.StaffingOptions;
import io.carelake.pipelines.staffing.StaffingPipeline;
import io.carelake.pipelines.staffing.StaffingSummary;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.TableRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.Row;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

/**
 * The staffing pipeline on CMS's own files as published (a PBJ sample of 1,500 days with pandas' float CCNs
 * and ISO dates, and five Provider Info rows with mixed quoting), from ../shared/reference-data/nursing_home;
 * skipped where that folder is absent.
 */
@RunWith(JUnit4.class)
public class NursingHomeAcceptanceTest {
  @Rule public final transient TestPipeline pipeline =
      TestPipeline.fromOptions(PipelineOptionsFactory.fromArgs("--enforceImmutability=false").create());
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private static final int PIPELINE_DAYS = 200;

  @Test
  public void everyRecordOfTheCmsSamplesEndsInSilverOrQuarantine() throws Exception {
    Path samples = ReferenceData.folder("nursing_home");
    assumeTrue("no reference data", samples != null);
    Path lake = temp.newFolder("lake").toPath();
    Path landing = Files.createDirectories(lake.resolve("landing/staffing"));
    // The Direct runner makes a bundle of every key after a grouping: the pipeline runs on the first 200 days.
    List<String> pbj = Files.readAllLines(samples.resolve("pbj_daily_nurse_staffing/pbj_sample.csv"));
    Files.write(landing.resolve("pbj_20250701.csv"), pbj.subList(0, 1 + PIPELINE_DAYS));
    Files.copy(samples.resolve("nh_provider_info/NH_ProviderInfo_Jul2025.head6.csv"),
        landing.resolve("provider_info_20250701.csv"));
    StaffingOptions options = PipelineOptionsFactory.fromArgs("--lake=" + lake, "--runId=cms-1", "--writeShards=4")
        .as(StaffingOptions.class);
    StaffingPipeline.build(pipeline, StaffingPipeline.configFrom(options));
    pipeline.run().waitUntilFinish();

    Lake at = Lake.at(lake.toString());
    RunSummary summary = StaffingSummary.of(at, "cms-1");
    System.out.println(summary.render());
    assertThat(summary.total("rows_read"), is(PIPELINE_DAYS + 5L));
    assertThat(summary.total("rows_read"), is(summary.total("valid") + summary.total("quarantined")));
    List<Row> days = TableRows.read(at.silver("pbj_daily_staffing"));
    assertThat(days.stream().map(row -> row.getString("ccn").length()).toList(), everyItem(is(6)));
    assertThat(TableRows.read(at.silver("provider_info")).size(), is(5));
    for (LakeTable table : StaffingSummary.tables(at)) {
      assertThat(table.toString(), table.rowCount(), greaterThan(0L));
    }
  }
}
