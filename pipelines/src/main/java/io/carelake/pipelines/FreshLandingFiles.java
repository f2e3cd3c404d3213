package io.carelake.pipelines;

import io.carelake.schemas.FileAudit;
import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import io.carelake.transforms.extract.ClassifyLandingFiles;
import io.carelake.transforms.extract.FingerprintFiles;
import io.carelake.transforms.extract.LandingContract;
import io.carelake.transforms.extract.SkipProcessedFiles;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.ReadTable;
import io.carelake.transforms.validate.FailableResult;
import java.util.Set;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Of the landing files listed (or announced), those a run is to read: named by the landing contract for a
 * known client or dataset, fingerprinted, and without those whose content an earlier run of the pipeline
 * processed (unless reprocessing). Files turned away on the way are {@code failures()}, for the audit.
 */
public final class FreshLandingFiles
    extends PTransform<PCollection<LandingFile>, FailableResult<LandingFile, FileProblem>> {
  private final String pipelineName;
  private final Set<String> clients;
  private final LakeTable audit;
  private final boolean reprocess;
  private final LandingContract contract;

  /**
   * @param clients the client ids (or dataset names) a file name may start with
   * @param audit the audit table whose processed rows name the content already read
   */
  public FreshLandingFiles(String pipelineName, Set<String> clients, LakeTable audit, boolean reprocess) {
    this(pipelineName, clients, audit, reprocess, LandingContract.standard());
  }

  /** @param contract how the files' names must be shaped, for pipelines that land more than CSV files */
  public FreshLandingFiles(String pipelineName, Set<String> clients, LakeTable audit, boolean reprocess,
      LandingContract contract) {
    this.pipelineName = pipelineName;
    this.clients = Set.copyOf(clients);
    this.audit = audit;
    this.reprocess = reprocess;
    this.contract = contract;
  }

  @Override
  public FailableResult<LandingFile, FileProblem> expand(PCollection<LandingFile> listed) {
    FailableResult<LandingFile, FileProblem> classified = listed.apply("ClassifyLandingFiles",
        ClassifyLandingFiles.against(contract).withKnownClients(clients));
    FailableResult<LandingFile, FileProblem> fingerprinted =
        classified.output().apply("FingerprintFiles", FingerprintFiles.create());
    String pipeline = pipelineName;
    PCollection<KV<String, String>> processedHashes = listed.getPipeline()
        .apply("ReadAudit", ReadTable.of(audit, SchemaCoders.of(FileAudit.class).getSchema()))
        .apply("KeepProcessedFiles", Filter.by((Row row) ->
            pipeline.equals(row.getString("pipeline")) && FileAudit.PROCESSED.equals(row.getString("status"))))
        .apply("HashToRun", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via(row -> KV.of(SkipProcessedFiles.contentKey(row.getString("client_id"), row.getString("content_sha256")),
                row.getString("run_id"))));
    FailableResult<LandingFile, FileProblem> fresh = fingerprinted.output().apply("SkipProcessedFiles",
        SkipProcessedFiles.against(processedHashes).withReprocess(reprocess));
    PCollection<FileProblem> failures = PCollectionList.of(classified.failures()).and(fingerprinted.failures())
        .and(fresh.failures())
        .apply("FlattenFileProblems", Flatten.pCollections());
    return FailableResult.of(fresh.output(), failures);
  }
}
