package io.carelake.pipelines.staffing;

import io.carelake.pipelines.LakeOptions;
import io.carelake.pipelines.WaitUnlessLaunchedFromTemplate;
import io.carelake.pipelines.WatchOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of the staffing pipeline: batch, or watching its landing zone with {@code --streaming=true}. */
public interface StaffingOptions extends LakeOptions, WatchOptions {
  @Description("Landing folder of PBJ and Provider Info files (pbj_YYYYMMDD.csv, provider_info_YYYYMMDD.csv, "
      + "optionally .gz and _<part>); empty means <lake>/landing/staffing.")
  @Default.String("")
  String getLandingDir();

  void setLandingDir(String value);

  @Description("YAML file of the header names each column has had in CMS files (any Beam filesystem); empty: the "
      + "shipped columns.yaml, which knows the PBJ header variants since 2017 and both Provider Info CCN headers.")
  @Default.String("")
  String getColumnsConfig();

  void setColumnsConfig(String value);

  @Description("Process files again even if their content was already processed by an earlier run.")
  @Default.Boolean(false)
  boolean getReprocess();

  void setReprocess(boolean value);

  @Description("Files are read in ranges of about this many bytes (at most 16 per file), so that a quarter's PBJ "
      + "file is read by several workers.")
  @Default.Long(8L << 20)
  long getReadSplitBytes();

  void setReadSplitBytes(long value);

  @Description("0: silver and gold rows are written by the bundles that make them, without a shuffle (Flink, Spark, "
      + "Dataflow). N: they are grouped into N shards first, for the Direct runner, which makes a bundle of every "
      + "key after a grouping and would write a file per facility.")
  @Default.Integer(0)
  int getWriteShards();

  void setWriteShards(int value);

  @Description("Where the HTML report is written, by the run once its gold tables are committed (in streaming, "
      + "after every window that changed them), on any Beam filesystem; empty means <lake>/reports/staffing.html.")
  @Default.String("")
  String getReportFile();

  void setReportFile(String value);

  @Description("Identifier of this run in every table; empty: staffing-<UTC timestamp>-<random>.")
  @Default.String("")
  String getRunId();

  void setRunId(String value);

  @Description("Wait for the pipeline to finish and print a summary; true unless launched from a "
      + "flex template (its launcher must return once the job is submitted).")
  @Default.InstanceFactory(WaitUnlessLaunchedFromTemplate.class)
  boolean getWaitUntilFinish();

  void setWaitUntilFinish(boolean value);
}
