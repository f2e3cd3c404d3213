package io.carelake.transforms.merge;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What a merge produces: its change rows, one per inserted or updated key, which {@code WriteTable.changesTo}
 * applies to the table (per run in batch, per window in streaming), and the outcome of every incoming row.
 * Keys whose row did not change produce nothing, so the cost of a merge follows what it changes.
 */
public final class MergeResult implements POutput {
  private static final TupleTag<Row> CHANGES = new TupleTag<>("changes");
  private static final TupleTag<KV<String, KV<String, Long>>> OUTCOMES = new TupleTag<>("outcomes");

  private final PCollection<Row> changes;
  private final PCollection<KV<String, KV<String, Long>>> outcomes;

  private MergeResult(PCollection<Row> changes, PCollection<KV<String, KV<String, Long>>> outcomes) {
    this.changes = changes;
    this.outcomes = outcomes;
  }

  static MergeResult of(PCollection<Row> changes, PCollection<KV<String, KV<String, Long>>> outcomes) {
    return new MergeResult(changes, outcomes);
  }

  /** One row per inserted or updated key, in {@link MergeScd1#changeSchema} of the table's schema. */
  public PCollection<Row> changes() {
    return changes;
  }

  /**
   * How many incoming rows had each outcome, by their attribution column's value (such as their source
   * file): (attribution, ({@link MergeOutcome#label()}, count)). Counted where the rows were merged and
   * emitted once per bundle or window, so an attribution and outcome may come in several parts: sum them.
   */
  public PCollection<KV<String, KV<String, Long>>> outcomes() {
    return outcomes;
  }

  @Override
  public Pipeline getPipeline() {
    return changes.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(CHANGES, changes, OUTCOMES, outcomes);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
