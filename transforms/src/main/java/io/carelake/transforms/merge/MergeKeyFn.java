package io.carelake.transforms.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
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
 * every key's row after the merge comes out instead of the changes, as a row of {@code keptSchema} (the
 * change schema with the change columns null for a key that did not change): one wide output, not two,
 * since a runner that gives each consumer of a step's outputs all of them (Flink) decodes every wide row
 * once per output.
 */
final class MergeKeyFn extends DoFn<KV<byte[], CoGbkResult>, Row> {
  private final Scd1Decision decision;
  private final TupleTag<Row> current;
  private final TupleTag<Row> incoming;
  private final TupleTag<Row> changes;
  private final TupleTag<KV<String, KV<String, Long>>> outcomes;
  private final @Nullable Schema keptSchema;
  private transient Map<BoundedWindow, OutcomeCounts> counts;

  MergeKeyFn(Scd1Decision decision, TupleTag<Row> current, TupleTag<Row> incoming,
      TupleTag<Row> changes, TupleTag<KV<String, KV<String, Long>>> outcomes, @Nullable Schema keptSchema) {
    this.decision = decision;
    this.current = current;
    this.incoming = incoming;
    this.changes = changes;
    this.outcomes = outcomes;
    this.keptSchema = keptSchema;
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
      if (keptSchema != null && currentRow != null) {
        out.get(changes).output(kept(currentRow.getValues()));
      }
      return;
    }
    Scd1Decision.Merged merged = decision.merge(currentRow, incomingRows);
    if (keptSchema != null) {
      out.get(changes).output(merged.change() != null ? kept(merged.change().getValues())
          : kept(merged.tableRow().getValues()));
    } else if (merged.change() != null) {
      out.get(changes).output(merged.change());
    }
    OutcomeCounts windowCounts = counts.computeIfAbsent(window, w -> new OutcomeCounts());
    merged.outcomes().forEach(windowCounts::add);
  }

  /** A kept row of the values of a change row, or of a table row followed by null change columns. */
  private Row kept(List<Object> values) {
    List<Object> all = new ArrayList<>(keptSchema.getFieldCount());
    all.addAll(values);
    while (all.size() < keptSchema.getFieldCount()) {
      all.add(null);
    }
    return Row.withSchema(keptSchema).attachValues(all);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    counts.forEach((window, windowCounts) ->
        windowCounts.flush(count -> context.output(outcomes, count, window.maxTimestamp(), window)));
    counts = null;
  }
}
