package io.carelake.transforms.merge;

import io.carelake.transforms.windowing.WindowEndBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;

/**
 * The streaming SCD type 2 merge of one key: its history rows live in state, loaded from the table when
 * the run starts, and each window's incoming records are merged into them once the watermark has passed
 * the window. The history depends only on the set of records merged, so a window merged into the state
 * the windows before it left gives what one batch over all of them gives.
 *
 * <p>Input elements are {@code (key, tagged)}, a row of {@link #taggedSchema} holding either a history
 * row or an incoming record. Incoming records carry the end of their window as timestamp and wait in
 * state until an event-time timer at that time fires; the history, read by a bounded source, has arrived
 * by then, since that source holds the watermark back until it has read everything.
 */
final class MergeHistoryContinuouslyFn extends DoFn<KV<byte[], Row>, Row> {
  static final String HISTORY_ROW = "history_row";
  static final String RECORD = "record";
  private static final String HISTORY = "history";
  private static final String PENDING = "pending";
  private static final String TIMER_AT = "timerAt";
  private static final String WINDOW_END = "windowEnd";

  private final Scd2History scd2;
  private final TupleTag<Row> changes;
  private final TupleTag<KV<String, KV<String, Long>>> outcomes;

  @StateId(HISTORY)
  private final StateSpec<BagState<Row>> historySpec;

  @StateId(PENDING)
  private final StateSpec<BagState<TimestampedValue<Row>>> pendingSpec;

  @StateId(TIMER_AT)
  private final StateSpec<ValueState<Instant>> timerAtSpec = StateSpecs.value(InstantCoder.of());

  @TimerId(WINDOW_END)
  private final TimerSpec windowEndSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

  MergeHistoryContinuouslyFn(Scd2History scd2, Schema recordSchema, TupleTag<Row> changes,
      TupleTag<KV<String, KV<String, Long>>> outcomes) {
    this.scd2 = scd2;
    this.changes = changes;
    this.outcomes = outcomes;
    this.historySpec = StateSpecs.bag(RowCoder.of(MergeScd2.historySchema(recordSchema)));
    this.pendingSpec = StateSpecs.bag(TimestampedValue.TimestampedValueCoder.of(RowCoder.of(recordSchema)));
  }

  /** One of a history row and an incoming record: what the merge's single keyed input carries. */
  static Schema taggedSchema(Schema recordSchema) {
    return Schema.builder()
        .addNullableField(HISTORY_ROW, FieldType.row(MergeScd2.historySchema(recordSchema)))
        .addNullableField(RECORD, FieldType.row(recordSchema))
        .build();
  }

  @ProcessElement
  public void process(@Element KV<byte[], Row> element, @Timestamp Instant timestamp,
      @StateId(HISTORY) BagState<Row> history,
      @StateId(PENDING) BagState<TimestampedValue<Row>> pending,
      @StateId(TIMER_AT) ValueState<Instant> timerAt,
      @TimerId(WINDOW_END) Timer windowEnd) {
    Row historyRow = element.getValue().getRow(HISTORY_ROW);
    if (historyRow != null) {
      history.add(historyRow);
      return;
    }
    WindowEndBuffer.hold(element.getValue().getRow(RECORD), timestamp, pending, timerAt, windowEnd);
  }

  @OnTimer(WINDOW_END)
  public void onWindowEnd(@Timestamp Instant windowEndTime,
      @StateId(HISTORY) BagState<Row> history,
      @StateId(PENDING) BagState<TimestampedValue<Row>> pending,
      @StateId(TIMER_AT) ValueState<Instant> timerAt,
      @TimerId(WINDOW_END) Timer windowEnd,
      MultiOutputReceiver out) {
    List<Row> ofWindow = WindowEndBuffer.release(windowEndTime, pending, timerAt, windowEnd);
    if (ofWindow.isEmpty()) {
      return;
    }
    List<Row> rows = new ArrayList<>();
    history.read().forEach(rows::add);
    Scd2History.Merged merged = scd2.merge(rows, ofWindow);
    if (!merged.changes().isEmpty()) {
      history.clear();
      merged.history().forEach(history::add);
      merged.changes().forEach(out.get(changes)::output);
    }
    OutcomeCounts counts = new OutcomeCounts(MergeScd2.class);
    merged.outcomes().forEach(counts::add);
    counts.flush(out.get(outcomes)::output);
  }
}
