package io.carelake.pipelines.members;

import com.google.auto.value.AutoValue;
import io.carelake.pipelines.LandingWatch;
import io.carelake.transforms.extract.FileSplit;
import io.carelake.transforms.quality.WebhookReference;
import io.carelake.transforms.tables.Lake;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/** Everything the members pipeline is built from: typed, checked values, never options. */
@AutoValue
public abstract class MembersConfig {
  public abstract Lake lake();

  /** Folder watched for rosters. */
  public abstract String landingDir();

  public abstract String runId();

  public abstract Instant runStartedAt();

  public abstract Map<String, MemberClient> clients();

  /** Reference (a path) to the tokenisation key, or null when no client tokenises. */
  public abstract @Nullable String tokenKeyRef();

  public abstract boolean reprocess();

  public abstract @Nullable WebhookReference alertWebhook();

  /** How the landing zone is watched in a streaming run; null for a batch run. */
  public abstract @Nullable LandingWatch watch();

  /** The size of the ranges rosters are read in. */
  public abstract long readSplitBytes();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_MembersConfig.Builder().setReprocess(false).setReadSplitBytes(FileSplit.DEFAULT_SPLIT_BYTES);
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setLake(Lake lake);

    public abstract Builder setLandingDir(String landingDir);

    public abstract Builder setRunId(String runId);

    public abstract Builder setRunStartedAt(Instant runStartedAt);

    public abstract Builder setClients(Map<String, MemberClient> clients);

    public abstract Builder setTokenKeyRef(@Nullable String tokenKeyRef);

    public abstract Builder setReprocess(boolean reprocess);

    public abstract Builder setAlertWebhook(@Nullable WebhookReference alertWebhook);

    public abstract Builder setWatch(@Nullable LandingWatch watch);

    public abstract Builder setReadSplitBytes(long readSplitBytes);

    public abstract MembersConfig build();
  }
}
