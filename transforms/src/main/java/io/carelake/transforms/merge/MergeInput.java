package io.carelake.transforms.merge;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/** What a merge reads: the table's current rows and the incoming rows, both of the table's schema. */
public final class MergeInput implements PInput {
  private static final TupleTag<Row> CURRENT = new TupleTag<>("current");
  private static final TupleTag<Row> INCOMING = new TupleTag<>("incoming");

  private final PCollection<Row> current;
  private final PCollection<Row> incoming;

  private MergeInput(PCollection<Row> current, PCollection<Row> incoming) {
    this.current = current;
    this.incoming = incoming;
  }

  public static MergeInput of(PCollection<Row> current, PCollection<Row> incoming) {
    return new MergeInput(current, incoming);
  }

  public PCollection<Row> current() {
    return current;
  }

  public PCollection<Row> incoming() {
    return incoming;
  }

  public <OutputT extends POutput> OutputT apply(PTransform<? super MergeInput, OutputT> transform) {
    return Pipeline.applyTransform(this, transform);
  }

  public <OutputT extends POutput> OutputT apply(String name, PTransform<? super MergeInput, OutputT> transform) {
    return Pipeline.applyTransform(name, this, transform);
  }

  @Override
  public Pipeline getPipeline() {
    return current.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(CURRENT, current, INCOMING, incoming);
  }
}
