package io.carelake.transforms.tables;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Commits everything a batch run wrote to one table as one snapshot, named by the run. */
final class CommitFilesFn extends DoFn<KV<String, Iterable<WrittenFiles>>, Long> {
  private final TableCommitter committer;
  private final String commitId;
  private final @Nullable Long readSnapshot;

  CommitFilesFn(TableCommitter committer, String commitId, @Nullable Long readSnapshot) {
    this.committer = committer;
    this.commitId = commitId;
    this.readSnapshot = readSnapshot;
  }

  @ProcessElement
  public void process(@Element KV<String, Iterable<WrittenFiles>> files, OutputReceiver<Long> out) {
    committer.commit(commitId, files.getValue(), readSnapshot, false).ifPresent(out::output);
  }
}
