package io.carelake.transforms.tables;

import java.util.Optional;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Commits what a streaming run wrote to one table, one snapshot per window, named by the run and the
 * window's end. It remembers its last snapshot, so that conflicts are checked against what this run has
 * seen: its read of the table when it started, then its own commits.
 */
final class CommitWindowsFn extends DoFn<KV<String, Iterable<WrittenFiles>>, Long> {
  private static final String LAST_SNAPSHOT = "lastSnapshot";

  private final TableCommitter committer;
  private final String runId;
  private final @Nullable Long readSnapshot;

  @StateId(LAST_SNAPSHOT)
  private final StateSpec<ValueState<Long>> lastSnapshotSpec = StateSpecs.value(VarLongCoder.of());

  CommitWindowsFn(TableCommitter committer, String runId, @Nullable Long readSnapshot) {
    this.committer = committer;
    this.runId = runId;
    this.readSnapshot = readSnapshot;
  }

  @ProcessElement
  public void process(@Element KV<String, Iterable<WrittenFiles>> files, BoundedWindow window,
      @StateId(LAST_SNAPSHOT) ValueState<Long> lastSnapshot, OutputReceiver<Long> out) {
    Long since = lastSnapshot.read() == null ? readSnapshot : lastSnapshot.read();
    Optional<Long> committed = committer.commit(commitId(runId, window), files.getValue(), since, true);
    committed.ifPresent(snapshot -> {
      lastSnapshot.write(snapshot);
      out.output(snapshot);
    });
  }

  static String commitId(String runId, BoundedWindow window) {
    return runId + "@" + window.maxTimestamp().plus(org.joda.time.Duration.millis(1));
  }
}
