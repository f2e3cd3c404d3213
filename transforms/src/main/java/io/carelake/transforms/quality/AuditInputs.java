package io.carelake.transforms.quality;

import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Everything a run knows about its landing files: the files it read, the files it did not read as a
 * whole (rejected, failed, skipped), and counts of what happened to their records, by file name: (file,
 * ({@link FileTally} name, count)), counted where the records were (per bundle), summed here.
 */
public final class AuditInputs implements PInput {
  private final PCollection<LandingFile> filesRead;
  private final PCollection<FileProblem> problems;
  private final PCollection<KV<String, KV<String, Long>>> tallies;

  private AuditInputs(PCollection<LandingFile> filesRead, PCollection<FileProblem> problems,
      PCollection<KV<String, KV<String, Long>>> tallies) {
    this.filesRead = filesRead;
    this.problems = problems;
    this.tallies = tallies;
  }

  public static AuditInputs of(PCollection<LandingFile> filesRead, PCollection<FileProblem> problems,
      PCollection<KV<String, KV<String, Long>>> tallies) {
    return new AuditInputs(filesRead, problems, tallies);
  }

  public <OutputT extends POutput> OutputT apply(String name, PTransform<AuditInputs, OutputT> transform) {
    return Pipeline.applyTransform(name, this, transform);
  }

  public <OutputT extends POutput> OutputT apply(PTransform<AuditInputs, OutputT> transform) {
    return Pipeline.applyTransform(this, transform);
  }

  public PCollection<LandingFile> filesRead() {
    return filesRead;
  }

  public PCollection<FileProblem> problems() {
    return problems;
  }

  public PCollection<KV<String, KV<String, Long>>> tallies() {
    return tallies;
  }

  @Override
  public Pipeline getPipeline() {
    return filesRead.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(new TupleTag<LandingFile>("filesRead"), filesRead,
        new TupleTag<FileProblem>("problems"), problems,
        new TupleTag<KV<String, KV<String, Long>>>("tallies"), tallies);
  }
}
