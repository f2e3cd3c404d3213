package io.carelake.transforms.extract;

import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
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
        .apply("MatchAnnouncedPaths", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("DescribeFiles", ParDo.of(new DescribeFileFn()))
        .setCoder(SchemaCoders.of(LandingFile.class));
  }
}
