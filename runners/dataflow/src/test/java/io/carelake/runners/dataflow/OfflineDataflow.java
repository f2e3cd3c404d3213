package io.carelake.runners.dataflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carelake.pipelines.PipelineCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.model.pipeline.v1.RunnerApi;

/**
 * Translates a catalogued pipeline with the Dataflow runner without a network: the runner writes the job
 * it would submit to a local file ({@code --templateLocation}) and returns. Cloud Storage paths are only
 * named, never read, so the lake, landing zone and client configurations are local.
 */
final class OfflineDataflow {
  static final String PROJECT = "carelake-offline";
  static final String STAGING_LOCATION = "gs://carelake-offline/staging";

  /** The job the runner would submit, and the portable pipeline it would stage as {@code pipeline.pb}. */
  record Translation(JsonNode job, RunnerApi.Pipeline pipeline) {}

  private OfflineDataflow() {}

  /** Puts the pipeline's samples in {@code workDir} and translates it with these extra flags. */
  static Translation translate(PipelineCatalog.Entry pipeline, Path workDir, List<String> flags) throws Exception {
    Path jobFile = workDir.resolve("job.json");
    // Staging the test classpath would hash ~270 jars (20 s) to name packages the stager never uploads.
    Path code = Files.writeString(workDir.resolve("pipeline-code.jar"), "");
    List<String> args = new ArrayList<>(pipeline.samples().writeTo(Files.createDirectories(workDir.resolve("lake"))));
    args.addAll(List.of(
        "--runner=DataflowRunner",
        "--project=" + PROJECT,
        "--region=europe-west1",
        "--gcpTempLocation=gs://carelake-offline/temp",
        "--stagingLocation=" + STAGING_LOCATION,
        "--templateLocation=" + jobFile,
        "--filesToStage=" + code,
        "--stagerClass=" + OfflineStager.class.getName(),
        "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
        "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
        // The runner returns a template job, which cannot be waited on.
        "--waitUntilFinish=false"));
    args.addAll(flags);
    pipeline.run(args.toArray(String[]::new));
    return new Translation(new ObjectMapper().readTree(jobFile.toFile()), RunnerApi.Pipeline.parseFrom(
        Files.readAllBytes(OfflineStager.localCopies(jobFile).resolve("pipeline.pb"))));
  }
}
