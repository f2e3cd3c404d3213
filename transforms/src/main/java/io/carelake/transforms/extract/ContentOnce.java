package io.carelake.transforms.extract;

import io.carelake.schemas.FileProblem;
import io.carelake.schemas.LandingFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Which of the files delivering one content are read: none when an earlier run processed the content,
 * else the first by name, unless a file of the same run was read already. Shared by the batch and the
 * streaming forms of {@link SkipProcessedFiles}, so that both choose and explain alike.
 */
final class ContentOnce {
  private ContentOnce() {}

  /**
   * @param files files of one content delivered together (one batch run, or one streaming window)
   * @param earlierRun the run that processed the content before, null if none (or reprocessing)
   * @param readInThisRun the file of this content this run already read, null if none
   */
  static Choice choose(List<LandingFile> files, @Nullable String earlierRun, @Nullable String readInThisRun) {
    List<LandingFile> byName = new ArrayList<>(files);
    byName.sort(Comparator.comparing(LandingFile::getName));
    LandingFile toRead = null;
    List<FileProblem> skipped = new ArrayList<>();
    String read = readInThisRun;
    for (LandingFile file : byName) {
      if (earlierRun != null) {
        skipped.add(FileProblem.skippedDuplicate(file,
            "duplicate.content: this content was processed by run " + earlierRun));
      } else if (read != null) {
        skipped.add(FileProblem.skippedDuplicate(file,
            "duplicate.content: same content as " + read + " in this run"));
      } else {
        toRead = file;
        read = file.getName();
      }
    }
    return new Choice(toRead, skipped);
  }

  /** The earliest of the runs that processed a content, null if none. */
  static @Nullable String earliest(Iterable<String> runs) {
    String min = null;
    for (String run : runs) {
      if (min == null || run.compareTo(min) < 0) {
        min = run;
      }
    }
    return min;
  }

  record Choice(@Nullable LandingFile toRead, List<FileProblem> skipped) {}
}
