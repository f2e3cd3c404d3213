package io.carelake.transforms.quality;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import io.carelake.schemas.FileAudit;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;

/**
 * One audit row per landing file of the run. A file with a problem gets the problem's status and error;
 * a file that was read is {@code processed}, with its tallies counted. Counts are by file name, which
 * the landing contract makes unique within a landing folder.
 */
@AutoValue
public abstract class AssembleFileAudit extends PTransform<AuditInputs, PCollection<FileAudit>> {
  abstract String pipelineName();

  abstract String runId();

  abstract Instant runStartedAt();

  public static AssembleFileAudit forRun(String pipelineName, String runId, Instant runStartedAt) {
    checkArgument(!pipelineName.isBlank() && !runId.isBlank(), "pipeline and run id must not be blank");
    return new AutoValue_AssembleFileAudit(pipelineName, runId, runStartedAt);
  }

  @Override
  public PCollection<FileAudit> expand(AuditInputs inputs) {
    TupleTag<LandingFile> read = new TupleTag<>();
    TupleTag<FileProblem> problems = new TupleTag<>();
    TupleTag<KV<String, Long>> counts = new TupleTag<>();

    PCollection<KV<String, LandingFile>> readByName = inputs.filesRead().apply("KeyReadFilesByName",
        WithKeys.of((LandingFile file) -> file.getName()).withKeyType(TypeDescriptors.strings()));
    PCollection<KV<String, FileProblem>> problemsByName = inputs.problems().apply("KeyProblemsByName",
        WithKeys.of((FileProblem problem) -> problem.getFile().getName()).withKeyType(TypeDescriptors.strings()));
    PCollection<KV<String, KV<String, Long>>> countsByName = inputs.tallies()
        .apply("ByFileAndTally", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()),
                TypeDescriptors.longs()))
            .via(count -> KV.of(KV.of(count.getKey(), count.getValue().getKey()), count.getValue().getValue())))
        .apply("SumTallies", Sum.longsPerKey())
        .apply("KeyCountsByName", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs())))
            .via(count -> KV.of(count.getKey().getKey(), KV.of(count.getKey().getValue(), count.getValue()))));

    PCollection<FileAudit> audit = KeyedPCollectionTuple.of(read, readByName)
        .and(problems, problemsByName)
        .and(counts, countsByName)
        .apply("JoinByFile", CoGroupByKey.create())
        .apply("BuildAuditRows", ParDo.of(
            new BuildAuditRowFn(pipelineName(), runId(), runStartedAt(), read, problems, counts)));
    return audit.setCoder(SchemaCoders.of(FileAudit.class));
  }

  private static final class BuildAuditRowFn extends DoFn<KV<String, CoGbkResult>, FileAudit> {
    private final String pipelineName;
    private final String runId;
    private final Instant runStartedAt;
    private final TupleTag<LandingFile> read;
    private final TupleTag<FileProblem> problems;
    private final TupleTag<KV<String, Long>> counts;

    BuildAuditRowFn(String pipelineName, String runId, Instant runStartedAt, TupleTag<LandingFile> read,
        TupleTag<FileProblem> problems, TupleTag<KV<String, Long>> counts) {
      this.pipelineName = pipelineName;
      this.runId = runId;
      this.runStartedAt = runStartedAt;
      this.read = read;
      this.problems = problems;
      this.counts = counts;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> file, OutputReceiver<FileAudit> out) {
      Map<String, Long> tally = new HashMap<>();
      for (KV<String, Long> count : file.getValue().getAll(counts)) {
        tally.merge(count.getKey(), count.getValue(), Long::sum);
      }
      FileProblem problem = mostSevere(file.getValue().getAll(problems).iterator());
      Iterator<LandingFile> readFiles = file.getValue().getAll(read).iterator();
      LandingFile landingFile = problem != null ? problem.getFile() : readFiles.hasNext() ? readFiles.next() : null;
      if (landingFile == null) {
        throw new IllegalStateException("record tallies for a file that was neither read nor reported");
      }
      out.output(FileAudit.builder()
          .setRunId(runId)
          .setPipeline(pipelineName)
          .setFile(landingFile.getName())
          .setClientId(landingFile.getClientId())
          .setContentSha256(landingFile.getContentSha256())
          .setSizeBytes(landingFile.getSizeBytes())
          .setRowsRead(tally.getOrDefault(FileTally.READ, 0L))
          .setValid(tally.getOrDefault(FileTally.VALID, 0L))
          .setQuarantined(tally.getOrDefault(FileTally.QUARANTINED, 0L))
          .setInserted(tally.getOrDefault(FileTally.INSERTED, 0L))
          .setUpdated(tally.getOrDefault(FileTally.UPDATED, 0L))
          .setUnchanged(tally.getOrDefault(FileTally.UNCHANGED, 0L))
          .setStatus(problem != null ? problem.getStatus() : FileAudit.PROCESSED)
          .setError(problem != null ? problem.getError() : null)
          .setStartedAt(runStartedAt)
          .setEndedAt(Instant.now())
          .build());
    }

    /** A file can meet several problems (e.g. fingerprinted, then failing mid-read): failed wins. */
    private static FileProblem mostSevere(Iterator<FileProblem> problems) {
      FileProblem chosen = null;
      while (problems.hasNext()) {
        FileProblem next = problems.next();
        if (chosen == null || severity(next) > severity(chosen)
            || (severity(next) == severity(chosen) && next.getError().compareTo(chosen.getError()) < 0)) {
          chosen = next;
        }
      }
      return chosen;
    }

    private static int severity(FileProblem problem) {
      switch (problem.getStatus()) {
        case FileAudit.FAILED:
          return 3;
        case FileAudit.REJECTED:
          return 2;
        default:
          return 1;
      }
    }
  }
}
