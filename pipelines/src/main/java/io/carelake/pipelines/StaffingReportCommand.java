package io.carelake.pipelines;

import io.carelake.pipelines.staffing.StaffingReports;
import io.carelake.transforms.tables.Lake;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Writes the staffing report of a lake's gold tables as they are now, without running the pipeline: for a
 * run launched from a template, or to send the page again. {@code staffing-report --lake=DIR [--to=FILE]}.
 */
final class StaffingReportCommand {
  private static final String USAGE = "usage: staffing-report --lake=DIR [--to=FILE] [--catalog=PROPERTIES]";

  private StaffingReportCommand() {}

  static void main(String[] argv) throws Exception {
    Args args = Args.parse(argv, List.of("lake", "to", "catalog"));
    if (args.get("lake", "").isEmpty()) {
      System.err.println(USAGE);
      System.exit(2);
    }
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.fromArgs(args.passOn().toArray(String[]::new)).create());
    Lake lake = Lake.at(args.get("lake", ""), args.get("catalog", ""));
    System.out.println("report " + StaffingReports.write(lake, args.get("to", "")));
  }
}
