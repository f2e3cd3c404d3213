package io.carelake.pipelines.members;

import io.carelake.pipelines.LakeOptions;
import io.carelake.pipelines.WaitUnlessLaunchedFromTemplate;
import io.carelake.pipelines.WatchOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * Options of the members pipeline. Secrets are never values here: runners display options. With
 * {@code --streaming=true} the landing zone is watched (see {@link WatchOptions}).
 */
public interface MembersOptions extends LakeOptions, WatchOptions {
  @Description("Folder of the client configurations, one <client_id>.yaml per client (any Beam filesystem).")
  @Validation.Required
  String getClientConfigDir();

  void setClientConfigDir(String value);

  @Description("Landing folder of member rosters; empty means <lake>/landing/members.")
  @Default.String("")
  String getLandingDir();

  void setLandingDir(String value);

  @Description("Where the tokenisation key is, never the key itself: the path of a key file (local or gs://) "
      + "or a Secret Manager version, gcpsecret:projects/<project>/secrets/<secret>/versions/<version|latest>. "
      + "Needed when any client's PII policy tokenises a column.")
  @Default.String("")
  String getTokenKeyRef();

  void setTokenKeyRef(String value);

  @Description("Process files again even if their content was already processed by an earlier run.")
  @Default.Boolean(false)
  boolean getReprocess();

  void setReprocess(boolean value);

  @Description("Data-quality alerts are also POSTed here: an http(s) URL, or the path of a file or a gcpsecret: "
      + "Secret Manager version holding the URL (use one when the URL embeds a token). Empty: alerts go to the "
      + "alerts table only.")
  @Default.String("")
  String getAlertWebhook();

  void setAlertWebhook(String value);

  @Description("Rosters are read in ranges of about this many bytes (at most 16 per file), so that a large file "
      + "is read by several workers and files spread evenly over them.")
  @Default.Long(8L << 20)
  long getReadSplitBytes();

  void setReadSplitBytes(long value);

  @Description("Identifier of this run in every table; empty: members-<UTC timestamp>-<random>.")
  @Default.String("")
  String getRunId();

  void setRunId(String value);

  @Description("Wait for the pipeline to finish and print a summary; true unless launched from a flex template "
      + "(its launcher must return once the job is submitted).")
  @Default.InstanceFactory(WaitUnlessLaunchedFromTemplate.class)
  boolean getWaitUntilFinish();

  void setWaitUntilFinish(boolean value);
}
