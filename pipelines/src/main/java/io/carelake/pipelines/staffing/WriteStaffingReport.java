package io.carelake.pipelines.staffing;

import io.carelake.transforms.tables.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the staffing report from the gold tables once their commits are in: once per batch run, and
 * after every window that replaced gold in a streaming run, so that the page follows the files as they
 * land. Input: the snapshots of the gold commits.
 */
final class WriteStaffingReport extends PTransform<PCollection<Long>, PDone> {
  private final Lake lake;
  private final String location;

  private WriteStaffingReport(Lake lake, String location) {
    this.lake = lake;
    this.location = location;
  }

  static WriteStaffingReport to(Lake lake, String location) {
    return new WriteStaffingReport(lake, location);
  }

  @Override
  public PDone expand(PCollection<Long> goldCommits) {
    goldCommits
        // One report per window, once every gold table of the window is committed.
        .apply("GoldCommitsPerWindow", Combine.globally(Count.<Long>combineFn()).withoutDefaults())
        .apply("RenderReport", ParDo.of(new WriteReportFn(lake, location)));
    return PDone.in(goldCommits.getPipeline());
  }

  private static final class WriteReportFn extends DoFn<Long, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(WriteStaffingReport.class);
    private final Lake lake;
    private final String location;

    WriteReportFn(Lake lake, String location) {
      this.lake = lake;
      this.location = location;
    }

    @ProcessElement
    public void process() {
      try {
        LOG.info("staffing report written to {}", StaffingReports.write(lake, location));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the staffing report to " + location, e);
      }
    }
  }
}
