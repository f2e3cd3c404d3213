package io.carelake.transforms.extract;

import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Landing files announced by path (by storage notifications, instead of listing the zone), as landing
 * files with path, name and size. A file deleted before it is matched has nothing left to read and is
 * left out.
 */
public final class MatchAnnouncedFiles extends PTransform<PCollection<String>, PCollection<LandingFile>> {
  public static MatchAnnouncedFiles create() {
    return new MatchAnnouncedFiles();
  }

  private MatchAnnouncedFiles() {}

  @Override
  public PCollection<LandingFile> expand(PCollection<String> paths) {
    return paths
        .apply("MatchAnnouncedPaths", ParDo.of(new MatchExactlyFn()))
        .apply("DescribeFiles", ParDo.of(new DescribeFileFn()))
        .setCoder(SchemaCoders.of(LandingFile.class));
  }

  /** The metadata of exactly the announced object: a name with {@code *}, {@code ?} or {@code [} is not a pattern. */
  private static final class MatchExactlyFn extends DoFn<String, MatchResult.Metadata> {
    @ProcessElement
    public void process(@Element String path, OutputReceiver<MatchResult.Metadata> out) throws IOException {
      MatchResult match = FileSystems.matchResources(List.of(FileSystems.matchNewResource(path, false))).get(0);
      if (match.status() == MatchResult.Status.OK) {
        match.metadata().forEach(out::output);
      } else if (match.status() != MatchResult.Status.NOT_FOUND) {
        // Not a missing file (deleted since, nothing to read) but a failing store: retry the bundle.
        throw new IOException("cannot read the metadata of announced file " + path + ": " + match.status());
      }
    }
  }
}
