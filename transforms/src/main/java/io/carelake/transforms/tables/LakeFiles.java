package io.carelake.transforms.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult.Metadata;
import org.apache.beam.sdk.io.fs.MatchResult;

/** Listing lake files where a missing folder is a normal state: a table or dataset not written yet. */
final class LakeFiles {
  private LakeFiles() {}

  static List<Metadata> match(String pattern) {
    try {
      MatchResult result = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
      return result.status() == MatchResult.Status.NOT_FOUND ? List.of() : result.metadata();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + pattern, e);
    }
  }
}
