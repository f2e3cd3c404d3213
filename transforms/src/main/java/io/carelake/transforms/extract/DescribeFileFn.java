package io.carelake.transforms.extract;

import io.carelake.schemas.LandingFile;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.DoFn;

/** A matched file as a landing file: path, name and size; folders are left out. */
final class DescribeFileFn extends DoFn<MatchResult.Metadata, LandingFile> {
  @ProcessElement
  public void process(@Element MatchResult.Metadata metadata, OutputReceiver<LandingFile> out) {
    if (metadata.resourceId().isDirectory()) {
      return;
    }
    out.output(landingFile(metadata));
  }

  /** A matched file as a landing file, before classification and fingerprinting. */
  static LandingFile landingFile(MatchResult.Metadata metadata) {
    return LandingFile.builder()
        .setPath(metadata.resourceId().toString())
        .setName(metadata.resourceId().getFilename())
        .setSizeBytes(metadata.sizeBytes())
        .build();
  }
}
