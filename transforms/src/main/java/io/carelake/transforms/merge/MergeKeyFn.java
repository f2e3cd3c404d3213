package io.carelake.transforms.merge;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Merges the current row and the incoming rows of one key, in a batch merge. A key without incoming rows
 * produces no change: the table keeps its row without it being written again. When asked for the table,
 * every key's row after the merge comes out too.
 */
final class MergeKeyFn extends DoFn<KV<byte[], CoGbkResult>, Row> {
  private final Scd1Decision decision;
  private final TupleTag<Row> current;
  private final TupleTag<Row> incoming;
  private final TupleTag<Row> changes;
  private final TupleTag<KV<String, KV<String, Long>>> outcomes;
  private final @Nullable TupleTag<Row> table;
  private transient Map<BoundedWindow, OutcomeCounts> counts;

  MergeKeyFn(Scd1Decision decision, TupleTag<Row> current, TupleTag<Row> incoming,
      TupleTag<Row> changes, TupleTag<KV<String, KV<String, Long>>> outcomes, @Nullable TupleTag<Row> table) {
    this.decision = decision;
    this.current = current;
    this.incoming = incoming;
    this.changes = changes;
    this.outcomes = outcomes;
    this.table = table;
  }

  @StartBundle
  public void startBundle() {
    counts = new HashMap<>();
  }

  @ProcessElement
  public void process(@Element KV<byte[], CoGbkResult> group, BoundedWindow window, MultiOutputReceiver out) {
    Row currentRow = null;
    for (Row row : group.getValue().getAll(current)) {
      Scd1Decision.checkOneTableRow(currentRow);
      currentRow = row;
    }
    Iterable<Row> incomingRows = group.getValue().getAll(incoming);
    if (!incomingRows.iterator().hasNext()) {
      if (table != null && currentRow != null) {
        out.get(table).output(currentRow);
      }
      return;
    }
    Scd1Decision.Merged merged = decision.merge(currentRow, incomingRows);
    if (merged.change() != null) {
      out.get(changes).output(merged.change());
    }
    if (table != null) {
      out.get(table).output(merged.tableRow());
    }
    OutcomeCounts windowCounts = counts.computeIfAbsent(window, w -> new OutcomeCounts());
    merged.outcomes().forEach(windowCounts::add);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    counts.forEach((window, windowCounts) ->
        windowCounts.flush(count -> context.output(outcomes, count, window.maxTimestamp(), window)));
    counts = null;
  }
}
