package io.carelake.transforms.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Merges the history rows and the incoming records of one key, in a batch SCD type 2 merge. A key without
 * incoming records, or whose history comes out as it was, produces no change rows.
 */
final class MergeHistoryFn extends DoFn<KV<byte[], CoGbkResult>, Row> {
  private final Scd2History scd2;
  private final TupleTag<Row> history;
  private final TupleTag<Row> incoming;
  private final TupleTag<Row> changes;
  private final TupleTag<KV<String, KV<String, Long>>> outcomes;
  private transient Map<BoundedWindow, OutcomeCounts> counts;

  MergeHistoryFn(Scd2History scd2, TupleTag<Row> history, TupleTag<Row> incoming, TupleTag<Row> changes,
      TupleTag<KV<String, KV<String, Long>>> outcomes) {
    this.scd2 = scd2;
    this.history = history;
    this.incoming = incoming;
    this.changes = changes;
    this.outcomes = outcomes;
  }

  @StartBundle
  public void startBundle() {
    counts = new HashMap<>();
  }

  @ProcessElement
  public void process(@Element KV<byte[], CoGbkResult> group, BoundedWindow window, MultiOutputReceiver out) {
    Iterable<Row> incomingRows = group.getValue().getAll(incoming);
    if (!incomingRows.iterator().hasNext()) {
      return;
    }
    List<Row> historyRows = new ArrayList<>();
    group.getValue().getAll(history).forEach(historyRows::add);
    Scd2History.Merged merged = scd2.merge(historyRows, incomingRows);
    merged.changes().forEach(out.get(changes)::output);
    OutcomeCounts windowCounts = counts.computeIfAbsent(window, w -> new OutcomeCounts(MergeScd2.class));
    merged.outcomes().forEach(windowCounts::add);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    counts.forEach((window, windowCounts) ->
        windowCounts.flush(count -> context.output(outcomes, count, window.maxTimestamp(), window)));
    counts = null;
  }
}
