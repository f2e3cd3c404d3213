package io.carelake.transforms.tables;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/** A new version of a table to commit: all of its rows, and the change feed from the previous version. */
public final class TableVersion implements PInput {
  private static final TupleTag<Row> SNAPSHOT = new TupleTag<>("snapshot");
  private static final TupleTag<Row> CHANGES = new TupleTag<>("changes");

  private final PCollection<Row> snapshot;
  private final PCollection<Row> changes;

  private TableVersion(PCollection<Row> snapshot, PCollection<Row> changes) {
    this.snapshot = snapshot;
    this.changes = changes;
  }

  public static TableVersion of(PCollection<Row> snapshot, PCollection<Row> changes) {
    return new TableVersion(snapshot, changes);
  }

  public PCollection<Row> snapshot() {
    return snapshot;
  }

  public PCollection<Row> changes() {
    return changes;
  }

  public <OutputT extends POutput> OutputT apply(PTransform<? super TableVersion, OutputT> transform) {
    return Pipeline.applyTransform(this, transform);
  }

  public <OutputT extends POutput> OutputT apply(String name, PTransform<? super TableVersion, OutputT> transform) {
    return Pipeline.applyTransform(name, this, transform);
  }

  @Override
  public Pipeline getPipeline() {
    return snapshot.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(SNAPSHOT, snapshot, CHANGES, changes);
  }
}
