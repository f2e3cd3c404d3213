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
 * Commits what a streaming run wrote to one table, one snapshot per window, in the global window so that
 * it remembers its last snapshot across windows: conflicts are checked against what this run has seen,
 * its read of the table when it started and then its own commits. Input: the table, and per window the
 * window's commit id ({@link #commitId}) with the files written in it.
 */
final class CommitWindowsFn extends DoFn<KV<String, KV<String, Iterable<WrittenFiles>>>, Long> {
  private static final String LAST_SNAPSHOT = "lastSnapshot";

  private final TableCommitter committer;
  private final @Nullable Long readSnapshot;

  @StateId(LAST_SNAPSHOT)
  private final StateSpec<ValueState<Long>> lastSnapshotSpec = StateSpecs.value(VarLongCoder.of());

  CommitWindowsFn(TableCommitter committer, @Nullable Long readSnapshot) {
    this.committer = committer;
    this.readSnapshot = readSnapshot;
  }

  @ProcessElement
  public void process(@Element KV<String, KV<String, Iterable<WrittenFiles>>> window,
      @StateId(LAST_SNAPSHOT) ValueState<Long> lastSnapshot, OutputReceiver<Long> out) {
    Long since = lastSnapshot.read() == null ? readSnapshot : lastSnapshot.read();
    Optional<Long> committed = committer.commit(window.getValue().getKey(), window.getValue().getValue(), since, true);
    committed.ifPresent(snapshot -> {
      lastSnapshot.write(snapshot);
      out.output(snapshot);
    });
  }

  /** The commit id of a run's window: the run and the window's end. */
  static String commitId(String runId, BoundedWindow window) {
    return runId + "@" + window.maxTimestamp().plus(org.joda.time.Duration.millis(1));
  }

  /** Names each window's files by the window's commit id, before they leave their window. */
  static final class NameCommitFn
      extends DoFn<KV<String, Iterable<WrittenFiles>>, KV<String, KV<String, Iterable<WrittenFiles>>>> {
    private final String runId;

    NameCommitFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<WrittenFiles>> files, BoundedWindow window,
        OutputReceiver<KV<String, KV<String, Iterable<WrittenFiles>>>> out) {
      out.output(KV.of(files.getKey(), KV.of(commitId(runId, window), files.getValue())));
    }
  }
}
