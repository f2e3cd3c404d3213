package io.carelake.transforms.validate;

import io.carelake.schemas.BadRecord;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What a transform that can reject input returns: the records it let through, and a bad-record envelope
 * for each one it did not.
 */
public final class FailableResult<T> implements POutput {
  private final PCollection<T> output;
  private final PCollection<BadRecord> failures;
  private final TupleTag<T> outputTag = new TupleTag<>();
  private final TupleTag<BadRecord> failuresTag = new TupleTag<>();

  private FailableResult(PCollection<T> output, PCollection<BadRecord> failures) {
    this.output = output;
    this.failures = failures;
  }

  public static <T> FailableResult<T> of(PCollection<T> output, PCollection<BadRecord> failures) {
    return new FailableResult<>(output, failures);
  }

  public PCollection<T> output() {
    return output;
  }

  public PCollection<BadRecord> failures() {
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
