package io.carelake.transforms.extract.tic;

import java.nio.file.Files;
import java.nio.file.Path;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Finds the shared reference data, which lives beside the repository, not in it:
 * {@code -Dcarelake.referenceData=DIR}, or a {@code shared/reference-data} folder next to any parent of the
 * working directory.
 */
final class TicReferenceData {
  private TicReferenceData() {}

  static @Nullable Path folder(String name) {
    String configured = System.getProperty("carelake.referenceData");
    if (configured != null) {
      Path folder = Path.of(configured, name);
      return Files.isDirectory(folder) ? folder : null;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path folder = dir.resolve("shared/reference-data").resolve(name);
      if (Files.isDirectory(folder)) {
        return folder;
      }
    }
    return null;
  }
}
