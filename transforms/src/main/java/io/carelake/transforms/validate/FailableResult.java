package io.carelake.transforms.validate;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What a transform that can reject input returns: what it let through, and a failure for each element
 * it did not: a {@link io.carelake.schemas.BadRecord} for a record, a
 * {@link io.carelake.schemas.FileProblem} for a whole file.
 */
public final class FailableResult<T, F> implements POutput {
  private final PCollection<T> output;
  private final PCollection<F> failures;
  private final TupleTag<T> outputTag = new TupleTag<>();
  private final TupleTag<F> failuresTag = new TupleTag<>();

  private FailableResult(PCollection<T> output, PCollection<F> failures) {
    this.output = output;
    this.failures = failures;
  }

  public static <T, F> FailableResult<T, F> of(PCollection<T> output, PCollection<F> failures) {
    return new FailableResult<>(output, failures);
  }

  public PCollection<T> output() {
    return output;
  }

  public PCollection<F> failures() {
    return failures;
  }

  @Override
  public Pipeline getPipeline() {
    return output.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(outputTag, output, failuresTag, failures);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
