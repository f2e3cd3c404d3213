package io.carelake.transforms.tables;

import io.carelake.transforms.windowing.WindowEndBuffer;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.iceberg.expressions.Expressions;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * Commits what a streaming run wrote to one table, one snapshot per window, in window order: each
 * window's files wait in state until the watermark passes the window's end, since a runner may hand
 * windows to this step in any order, and an update committed after a later window's would hide the later
 * row. It works in the global window so that it remembers its last snapshot across windows: conflicts
 * are checked against what this run has seen, its read of the table when it started and then its own
 * commits. Input: the table, and per window the window's commit id ({@link #commitId}) with its files.
 */
final class CommitWindowsFn extends DoFn<KV<String, KV<String, Iterable<TableFiles>>>, Long> {
  private static final String LAST_SNAPSHOT = "lastSnapshot";
  private static final String PENDING = "pending";
  private static final String TIMER_AT = "timerAt";
  private static final String WINDOW_END = "windowEnd";

  private final TableCommitter committer;
  private final @Nullable Long readSnapshot;

  @StateId(LAST_SNAPSHOT)
  private final StateSpec<ValueState<Long>> lastSnapshotSpec = StateSpecs.value(VarLongCoder.of());

  @StateId(PENDING)
  private final StateSpec<BagState<TimestampedValue<KV<String, Iterable<TableFiles>>>>> pendingSpec;

  @StateId(TIMER_AT)
  private final StateSpec<ValueState<Instant>> timerAtSpec = StateSpecs.value(InstantCoder.of());

  @TimerId(WINDOW_END)
  private final TimerSpec windowEndSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

  CommitWindowsFn(TableCommitter committer, @Nullable Long readSnapshot,
      Coder<KV<String, Iterable<TableFiles>>> windowCoder) {
    this.committer = committer;
    this.readSnapshot = readSnapshot;
    this.pendingSpec = StateSpecs.bag(TimestampedValue.TimestampedValueCoder.of(windowCoder));
  }

  @ProcessElement
  public void process(@Element KV<String, KV<String, Iterable<TableFiles>>> window, @Timestamp Instant windowEnd,
      @StateId(PENDING) BagState<TimestampedValue<KV<String, Iterable<TableFiles>>>> pending,
      @StateId(TIMER_AT) ValueState<Instant> timerAt, @TimerId(WINDOW_END) Timer timer) {
    WindowEndBuffer.hold(window.getValue(), windowEnd, pending, timerAt, timer);
  }

  @OnTimer(WINDOW_END)
  public void onWindowEnd(@Timestamp Instant firedAt,
      @StateId(PENDING) BagState<TimestampedValue<KV<String, Iterable<TableFiles>>>> pending,
      @StateId(TIMER_AT) ValueState<Instant> timerAt, @TimerId(WINDOW_END) Timer timer,
      @StateId(LAST_SNAPSHOT) ValueState<Long> lastSnapshot, OutputReceiver<Long> out) {
    List<KV<String, Iterable<TableFiles>>> windows = WindowEndBuffer.release(firedAt, pending, timerAt, timer);
    for (KV<String, Iterable<TableFiles>> window : windows) {
      Long since = lastSnapshot.read() == null ? readSnapshot : lastSnapshot.read();
      Optional<Long> committed = committer.commit(window.getKey(), window.getValue(), since, Expressions.alwaysTrue());
      committed.ifPresent(snapshot -> {
        lastSnapshot.write(snapshot);
        out.output(snapshot);
      });
    }
  }

  /** The commit id of a run's window: the run and the window's end, and the pane after the first. */
  static String commitId(String runId, BoundedWindow window, PaneInfo pane) {
    return runId + "@" + window.maxTimestamp().plus(org.joda.time.Duration.millis(1))
        + (pane.getIndex() == 0 ? "" : "#" + pane.getIndex());
  }

  /** Names each window's files by the window's commit id, before they leave their window. */
  static final class NameCommitFn
      extends DoFn<KV<String, Iterable<TableFiles>>, KV<String, KV<String, Iterable<TableFiles>>>> {
    private final String runId;

    NameCommitFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<TableFiles>> files, BoundedWindow window, PaneInfo pane,
        OutputReceiver<KV<String, KV<String, Iterable<TableFiles>>>> out) {
      out.output(KV.of(files.getKey(), KV.of(commitId(runId, window, pane), files.getValue())));
    }
  }
}
