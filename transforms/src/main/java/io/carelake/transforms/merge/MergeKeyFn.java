package io.carelake.transforms.merge;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Merges the current row and the incoming rows of one key, in a batch merge. A key without incoming rows
 * produces nothing: the table keeps its row without it being written again.
 */
final class MergeKeyFn extends DoFn<KV<byte[], CoGbkResult>, Row> {
  private final Scd1Decision decision;
  private final TupleTag<Row> current;
  private final TupleTag<Row> incoming;
  private final TupleTag<Row> changes;
  private final TupleTag<KV<String, String>> outcomes;

  MergeKeyFn(Scd1Decision decision, TupleTag<Row> current, TupleTag<Row> incoming,
      TupleTag<Row> changes, TupleTag<KV<String, String>> outcomes) {
    this.decision = decision;
    this.current = current;
    this.incoming = incoming;
    this.changes = changes;
    this.outcomes = outcomes;
  }

  @ProcessElement
  public void process(@Element KV<byte[], CoGbkResult> group, MultiOutputReceiver out) {
    Row currentRow = null;
    for (Row row : group.getValue().getAll(current)) {
      Scd1Decision.checkOneTableRow(currentRow);
      currentRow = row;
    }
    Iterable<Row> incomingRows = group.getValue().getAll(incoming);
    if (!incomingRows.iterator().hasNext()) {
      return;
    }
    Scd1Decision.Merged merged = decision.merge(currentRow, incomingRows);
    if (merged.change() != null) {
      out.get(changes).output(merged.change());
    }
    merged.outcomes().forEach(out.get(outcomes)::output);
  }
}
