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
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a merge produces: the new contents of the table, its change feed, and the outcome of every
 * incoming row. {@code TableVersion.of(result.snapshot(), result.changes())} is what to commit. A
 * streaming merge has no snapshot: its changes are appended to the table per window.
 */
public final class MergeResult implements POutput {
  private static final TupleTag<Row> SNAPSHOT = new TupleTag<>("snapshot");
  private static final TupleTag<Row> CHANGES = new TupleTag<>("changes");
  private static final TupleTag<KV<String, String>> OUTCOMES = new TupleTag<>("outcomes");

  private final @Nullable PCollection<Row> snapshot;
  private final PCollection<Row> changes;
  private final PCollection<KV<String, String>> outcomes;

  private MergeResult(@Nullable PCollection<Row> snapshot, PCollection<Row> changes, PCollection<KV<String, String>> outcomes) {
    this.snapshot = snapshot;
    this.changes = changes;
    this.outcomes = outcomes;
  }

  static MergeResult of(PCollection<Row> snapshot, PCollection<Row> changes, PCollection<KV<String, String>> outcomes) {
    return new MergeResult(snapshot, changes, outcomes);
  }

  static MergeResult withoutSnapshot(PCollection<Row> changes, PCollection<KV<String, String>> outcomes) {
    return new MergeResult(null, changes, outcomes);
  }

  /** Every row of the table after the merge, one per key, in the table's schema. Batch merges only. */
  public PCollection<Row> snapshot() {
    if (snapshot == null) {
      throw new IllegalStateException("a streaming merge has no snapshot: append its changes to the table"
          + " with AppendTableChanges");
    }
    return snapshot;
  }

  /** One row per inserted or updated key, in {@link MergeScd1#changeSchema} of the table's schema. */
  public PCollection<Row> changes() {
    return changes;
  }

  /**
   * One element per incoming row: its attribution column's value (such as its source file) and the
   * {@link MergeOutcome#label()} of what the merge did with it.
   */
  public PCollection<KV<String, String>> outcomes() {
    return outcomes;
  }

  @Override
  public Pipeline getPipeline() {
    return changes.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return snapshot == null ? Map.of(CHANGES, changes, OUTCOMES, outcomes)
        : Map.of(SNAPSHOT, snapshot, CHANGES, changes, OUTCOMES, outcomes);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
