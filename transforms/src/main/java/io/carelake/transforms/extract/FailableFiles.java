package io.carelake.transforms.extract;

import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What a step over whole landing files returns: the files it let through, and a file problem for each
 * one it did not (rejected by name or client, or failed to read), ready for the audit table.
 */
public final class FailableFiles implements POutput {
  private final PCollection<LandingFile> output;
  private final PCollection<FileProblem> failures;
  private final TupleTag<LandingFile> outputTag = new TupleTag<>();
  private final TupleTag<FileProblem> failuresTag = new TupleTag<>();

  private FailableFiles(PCollection<LandingFile> output, PCollection<FileProblem> failures) {
    this.output = output;
    this.failures = failures;
  }

  public static FailableFiles of(PCollection<LandingFile> output, PCollection<FileProblem> failures) {
    return new FailableFiles(output, failures);
  }

  public PCollection<LandingFile> output() {
    return output;
  }

  public PCollection<FileProblem> failures() {
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
