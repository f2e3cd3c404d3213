package io.carelake.transforms.extract.api;

import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.transforms.validate.FailableResult;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What {@link FetchToLanding} returns: the landed files, a failure for each request that landed nothing,
 * and a warning for each landed file known to be incomplete (also in {@link #output()}).
 */
public final class FetchResult implements POutput {
  private final PCollection<LandingFile> output;
  private final PCollection<FileProblem> failures;
  private final PCollection<FetchWarning> warnings;
  private final TupleTag<LandingFile> outputTag = new TupleTag<>();
  private final TupleTag<FileProblem> failuresTag = new TupleTag<>();
  private final TupleTag<FetchWarning> warningsTag = new TupleTag<>();

  private FetchResult(PCollection<LandingFile> output, PCollection<FileProblem> failures,
      PCollection<FetchWarning> warnings) {
    this.output = output;
    this.failures = failures;
    this.warnings = warnings;
  }

  static FetchResult of(PCollection<LandingFile> output, PCollection<FileProblem> failures,
      PCollection<FetchWarning> warnings) {
    return new FetchResult(output, failures, warnings);
  }

  public PCollection<LandingFile> output() {
    return output;
  }

  public PCollection<FileProblem> failures() {
    return failures;
  }

  public PCollection<FetchWarning> warnings() {
    return warnings;
  }

  /** The landed files and the failures in the shape every failable transform returns. */
  public FailableResult<LandingFile, FileProblem> asFailableResult() {
    return FailableResult.of(output, failures);
  }

  @Override
  public Pipeline getPipeline() {
    return output.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(outputTag, output, failuresTag, failures, warningsTag, warnings);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
