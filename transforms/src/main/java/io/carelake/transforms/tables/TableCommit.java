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
 * The outcome of {@link CommitTableVersion}: the version it writes, known when the pipeline is built,
 * and a collection that holds that version once its commit record exists. Steps that must only run on
 * a committed table (alerts, exports) {@code Wait.on(commit.committed())}.
 */
public final class TableCommit implements POutput {
  private static final TupleTag<Long> COMMITTED = new TupleTag<>("committed");

  private final long version;
  private final PCollection<Long> committed;

  private TableCommit(long version, PCollection<Long> committed) {
    this.version = version;
    this.committed = committed;
  }

  static TableCommit of(long version, PCollection<Long> committed) {
    return new TableCommit(version, committed);
  }

  public long version() {
    return version;
  }

  /** One element, the version, emitted after the commit record is written. */
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
