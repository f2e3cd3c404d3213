package io.carelake.transforms.tables;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The outcome of {@link WriteTable}: per window (the global window in batch), the id of the snapshot that
 * made its rows visible; nothing for a window without rows. Steps that must run only once a table has
 * committed (audit rows, alerts) {@code Wait.on(commit.committed())}.
 */
public final class TableCommit implements POutput {
  private static final TupleTag<Long> COMMITTED = new TupleTag<>("committed");

  private final PCollection<Long> committed;

  private TableCommit(PCollection<Long> committed) {
    this.committed = committed;
  }

  static TableCommit of(PCollection<Long> committed) {
    return new TableCommit(committed);
  }

  /** The committed snapshot ids, each emitted once its commit is done. */
  public PCollection<Long> committed() {
    return committed;
  }

  @Override
  public Pipeline getPipeline() {
    return committed.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(COMMITTED, committed);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
