package io.carelake.pipelines.reference;

import io.carelake.pipelines.LakeOptions;
import io.carelake.pipelines.WaitUnlessLaunchedFromTemplate;
import io.carelake.pipelines.WatchOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Options of the reference pipeline: batch, or watching its landing zone with {@code --streaming=true}. */
public interface ReferenceOptions extends LakeOptions, WatchOptions {
  @Description("Landing folder of NPPES bulk files (npidata_pfile_YYYYMMDD-YYYYMMDD.csv, monthly or weekly, "
      + "optionally .gz) and of landed API responses (nppes_api_, icd10cm_, hcpcs_YYYYMMDD_<k>.jsonl); empty means "
      + "<lake>/landing/reference.")
  @Default.String("")
  String getLandingDir();

  void setLandingDir(String value);

  @Description("YAML rule file for provider records (any Beam filesystem); empty: the shipped provider_rules.yaml "
      + "(NPI check digit, enumeration type, mandatory columns).")
  @Default.String("")
  String getProviderRules();

  void setProviderRules(String value);

  @Description("YAML rule file for ICD-10-CM and HCPCS codes (any Beam filesystem); empty: the shipped "
      + "code_rules.yaml (code formats, a description).")
  @Default.String("")
  String getCodeRules();

  void setCodeRules(String value);

  @Description("YAML file of what to fetch from the NPI Registry and the NLM clinical tables APIs before reading the "
      + "landing zone (queries, search terms; see the README); empty: fetch nothing. Responses land unchanged, with "
      + "their request, in <landingDir>/fetched/<runId>/, which a later run can read again with --landingDir. Batch "
      + "runs only.")
  @Default.String("")
  String getSources();

  void setSources(String value);

  @Description("Process files again even if their content was already processed by an earlier run.")
  @Default.Boolean(false)
  boolean getReprocess();

  void setReprocess(boolean value);

  @Description("Files are read in ranges of about this many bytes (at most 16 per file), so that a monthly NPPES "
      + "file is read by several workers.")
  @Default.Long(8L << 20)
  long getReadSplitBytes();

  void setReadSplitBytes(long value);

  @Description("0: silver and gold rows are written by the bundles that make them, without a shuffle (Flink, Spark, "
      + "Dataflow). N: they are grouped into N shards first, for the Direct runner, which makes a bundle of every "
      + "key after a grouping and would write a file per provider.")
  @Default.Integer(0)
  int getWriteShards();

  void setWriteShards(int value);

  @Description("Identifier of this run in every table; empty: reference-<UTC timestamp>-<random>.")
  @Default.String("")
  String getRunId();

  void setRunId(String value);

  @Description("Wait for the pipeline to finish and print a summary; true unless launched from a "
      + "flex template (its launcher must return once the job is submitted).")
  @Default.InstanceFactory(WaitUnlessLaunchedFromTemplate.class)
  boolean getWaitUntilFinish();

  void setWaitUntilFinish(boolean value);
}
