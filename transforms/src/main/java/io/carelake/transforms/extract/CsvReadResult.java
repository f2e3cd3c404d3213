package io.carelake.transforms.extract;

import io.carelake.schemas.BadRecord;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.SourceRecord;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What reading CSV landing files gives: the records read, a bad-record envelope for each record that
 * could not be read, and a file problem for each file that could not be read as a whole.
 */
public final class CsvReadResult implements POutput {
  private final PCollection<SourceRecord> records;
  private final PCollection<BadRecord> failures;
  private final PCollection<FileProblem> fileProblems;
  private final TupleTag<SourceRecord> recordsTag = new TupleTag<>();
  private final TupleTag<BadRecord> failuresTag = new TupleTag<>();
  private final TupleTag<FileProblem> fileProblemsTag = new TupleTag<>();

  private CsvReadResult(
      PCollection<SourceRecord> records, PCollection<BadRecord> failures, PCollection<FileProblem> fileProblems) {
    this.records = records;
    this.failures = failures;
    this.fileProblems = fileProblems;
  }

  public static CsvReadResult of(
      PCollection<SourceRecord> records, PCollection<BadRecord> failures, PCollection<FileProblem> fileProblems) {
    return new CsvReadResult(records, failures, fileProblems);
  }

  public PCollection<SourceRecord> records() {
    return records;
  }

  /** Records that could not be read, stage {@code parse}. */
  public PCollection<BadRecord> failures() {
    return failures;
  }

  /** Files that could not be read as a whole, status {@code failed}. */
  public PCollection<FileProblem> fileProblems() {
    return fileProblems;
  }

  @Override
  public Pipeline getPipeline() {
    return records.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(recordsTag, records, failuresTag, failures, fileProblemsTag, fileProblems);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
