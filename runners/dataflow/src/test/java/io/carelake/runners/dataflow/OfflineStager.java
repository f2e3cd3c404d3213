package io.carelake.runners.dataflow;

import com.google.api.services.dataflow.model.DataflowPackage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.runners.dataflow.util.PackageUtil.StagedFile;
import org.apache.beam.runners.dataflow.util.Stager;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * A stager that uploads nothing, so that a translation needs no Cloud Storage. The packages it returns
 * name where a real stager would have put them. What the runner stages from memory (the portable pipeline
 * proto, which is the only place a runner v2 job's steps are) is written next to the local job file
 * instead, for the test to read. Chosen with {@code --stagerClass}, which builds it with {@link #fromOptions}.
 */
public final class OfflineStager implements Stager {
  private final String stagingLocation;
  private final Path localCopies;

  private OfflineStager(String stagingLocation, Path localCopies) {
    this.stagingLocation = stagingLocation;
    this.localCopies = localCopies;
  }

  public static OfflineStager fromOptions(PipelineOptions options) {
    DataflowPipelineOptions dataflow = options.as(DataflowPipelineOptions.class);
    return new OfflineStager(dataflow.getStagingLocation(), localCopies(Path.of(dataflow.getTemplateLocation())));
  }

  /** The folder where the bytes staged for the job written to {@code jobFile} are. */
  static Path localCopies(Path jobFile) {
    return jobFile.resolveSibling(jobFile.getFileName() + ".staged");
  }

  @Override
  public List<DataflowPackage> stageFiles(List<StagedFile> files) {
    return files.stream().map(file -> staged(file.getDestination())).toList();
  }

  @Override
  public DataflowPackage stageToFile(byte[] bytes, String name) {
    try {
      Files.write(Files.createDirectories(localCopies).resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return staged(name);
  }

  private DataflowPackage staged(String name) {
    return new DataflowPackage().setName(name).setLocation(stagingLocation + "/" + name);
  }
}
