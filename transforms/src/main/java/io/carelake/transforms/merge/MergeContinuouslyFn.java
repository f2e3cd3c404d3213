package io.carelake.transforms.merge;

import io.carelake.transforms.windowing.WindowEndBuffer;
import java.util.List;
import org.apache.beam.sdk.coders.InstantCoder;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.schemas.Schema;
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
 * The streaming merge of one key: its table row lives in state, loaded from the table when the run
 * starts, and each window's incoming rows are merged into it once the watermark has passed the window.
 *
 * <p>Input elements are {@code (key, (fromTable, row))}. Incoming rows carry the end of their window as
 * timestamp and wait in state until an event-time timer at that time fires: by then every row of the
 * window has arrived, and so has the table row, since the table is read by a bounded source that holds
 * the watermark back until it has read everything. Rows of one window are decided together, as a batch
 * merge decides a run's rows.
 */
final class MergeContinuouslyFn extends DoFn<KV<byte[], KV<Boolean, Row>>, Row> {
  private static final String TABLE_ROW = "tableRow";
  private static final String PENDING = "pending";
  private static final String TIMER_AT = "timerAt";
  private static final String WINDOW_END = "windowEnd";

  private final Scd1Decision decision;
  private final TupleTag<Row> changes;
  private final TupleTag<KV<String, KV<String, Long>>> outcomes;

  @StateId(TABLE_ROW)
  private final StateSpec<ValueState<Row>> tableRowSpec;

  @StateId(PENDING)
  private final StateSpec<BagState<TimestampedValue<Row>>> pendingSpec;

  @StateId(TIMER_AT)
  private final StateSpec<ValueState<Instant>> timerAtSpec = StateSpecs.value(InstantCoder.of());

  @TimerId(WINDOW_END)
  private final TimerSpec windowEndSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

  MergeContinuouslyFn(Scd1Decision decision, Schema schema, TupleTag<Row> changes,
      TupleTag<KV<String, KV<String, Long>>> outcomes) {
    this.decision = decision;
    this.changes = changes;
    this.outcomes = outcomes;
    this.tableRowSpec = StateSpecs.value(RowCoder.of(schema));
    this.pendingSpec = StateSpecs.bag(TimestampedValue.TimestampedValueCoder.of(RowCoder.of(schema)));
  }

  @ProcessElement
  public void process(@Element KV<byte[], KV<Boolean, Row>> element, @Timestamp Instant timestamp,
      @StateId(TABLE_ROW) ValueState<Row> tableRow,
      @StateId(PENDING) BagState<TimestampedValue<Row>> pending,
      @StateId(TIMER_AT) ValueState<Instant> timerAt,
      @TimerId(WINDOW_END) Timer windowEnd) {
    boolean fromTable = element.getValue().getKey();
    Row row = element.getValue().getValue();
    if (fromTable) {
      Scd1Decision.checkOneTableRow(tableRow.read());
      tableRow.write(row);
      return;
    }
    WindowEndBuffer.hold(row, timestamp, pending, timerAt, windowEnd);
  }

  @OnTimer(WINDOW_END)
  public void onWindowEnd(@Timestamp Instant windowEndTime,
      @StateId(TABLE_ROW) ValueState<Row> tableRow,
      @StateId(PENDING) BagState<TimestampedValue<Row>> pending,
      @StateId(TIMER_AT) ValueState<Instant> timerAt,
      @TimerId(WINDOW_END) Timer windowEnd,
      MultiOutputReceiver out) {
    List<Row> ofWindow = WindowEndBuffer.release(windowEndTime, pending, timerAt, windowEnd);
    if (!ofWindow.isEmpty()) {
      Scd1Decision.Merged merged = decision.merge(tableRow.read(), ofWindow);
      tableRow.write(merged.tableRow());
      if (merged.change() != null) {
        out.get(changes).output(merged.change());
      }
      OutcomeCounts counts = new OutcomeCounts();
      merged.outcomes().forEach(counts::add);
      counts.flush(out.get(outcomes)::output);
    }
  }
}
