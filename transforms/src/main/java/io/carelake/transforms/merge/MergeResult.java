package io.carelake.transforms.merge;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkState;

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
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a merge produces: its change rows, one per inserted or updated key (SCD type 1) or one per version
 * of a key whose history changed (SCD type 2), which {@code WriteTable.changesTo} applies to the table (per
 * run in batch, per window in streaming), and the outcome of every incoming row.
 * Keys whose row did not change produce nothing, so the cost of a merge follows what it changes.
 */
public final class MergeResult implements POutput {
  private static final TupleTag<Row> CHANGES = new TupleTag<>("changes");
  private static final TupleTag<KV<String, KV<String, Long>>> OUTCOMES = new TupleTag<>("outcomes");
  private static final TupleTag<Row> TABLE = new TupleTag<>("table");

  private final PCollection<Row> changes;
  private final PCollection<KV<String, KV<String, Long>>> outcomes;
  private final @Nullable PCollection<Row> table;

  private MergeResult(PCollection<Row> changes, PCollection<KV<String, KV<String, Long>>> outcomes,
      @Nullable PCollection<Row> table) {
    this.changes = changes;
    this.outcomes = outcomes;
    this.table = table;
  }

  static MergeResult of(PCollection<Row> changes, PCollection<KV<String, KV<String, Long>>> outcomes) {
    return new MergeResult(changes, outcomes, null);
  }

  static MergeResult of(PCollection<Row> changes, PCollection<KV<String, KV<String, Long>>> outcomes,
      @Nullable PCollection<Row> table) {
    return new MergeResult(changes, outcomes, table);
  }

  /**
   * Every row of the table as the merge leaves it, in the table's schema: its unchanged rows and the
   * winners of the changed keys. Only from a merge {@link MergeScd1#keepingTable() keeping the table}.
   */
  public PCollection<Row> table() {
    checkState(table != null, "this merge does not keep its table: use MergeScd1.keepingTable()");
    return table;
  }

  /**
   * One row per inserted or updated key, in {@link MergeScd1#changeSchema} of the table's schema; for SCD
   * type 2, every version of each key whose history changed, in {@link MergeScd2#changeSchema}.
   */
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
    return table == null ? Map.of(CHANGES, changes, OUTCOMES, outcomes)
        : Map.of(CHANGES, changes, OUTCOMES, outcomes, TABLE, table);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
