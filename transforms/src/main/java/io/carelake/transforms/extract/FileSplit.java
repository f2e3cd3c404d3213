package io.carelake.transforms.extract;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * One of the ranges a landing file is read in, so that one large file is read by several workers and
 * files of any sizes spread evenly. Split {@code index} of {@code count} holds the records that start in
 * its share of the file's characters; the last holds every record after. A gzipped file is one split,
 * since each split would decompress from the start.
 *
 * <p>Shares are sized by the file's bytes: in text of multi-byte characters the later splits hold fewer
 * records (none past the character count), which is uneven but loses nothing. Each split opens the file
 * again, so a landing file must not change once delivered (the landing contract); a split that meets an
 * I/O error reports the file failed, as a whole-file read would, after the rows read before it.
 */
public final class FileSplit {
  /** A file of up to this size is one split. */
  public static final long DEFAULT_SPLIT_BYTES = 8L << 20;
  /**
   * Every split scans the text before its range to know which line breaks are quoted, so a file of n
   * splits is scanned about n/2 extra times: more than this many splits costs more than it spreads.
   */
  static final int MAX_SPLITS = 16;

  private final LandingFile file;
  private final int index;
  private final int count;

  private FileSplit(LandingFile file, int index, int count) {
    checkArgument(count >= 1 && index >= 0 && index < count, "split %s of %s", index, count);
    this.file = file;
    this.index = index;
    this.count = count;
  }

  /** The whole file as one split. */
  public static FileSplit whole(LandingFile file) {
    return new FileSplit(file, 0, 1);
  }

  /** The splits of {@code file}: one per {@code splitBytes} of its size, at most {@value #MAX_SPLITS}. */
  public static List<FileSplit> of(LandingFile file, long splitBytes) {
    checkArgument(splitBytes > 0, "split size must be positive, got %s", splitBytes);
    int count = LandingFileInput.isGzip(file) ? 1
        : (int) Math.max(1, Math.min(MAX_SPLITS, (file.getSizeBytes() + splitBytes - 1) / splitBytes));
    List<FileSplit> splits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      splits.add(new FileSplit(file, i, count));
    }
    return splits;
  }

  public LandingFile file() {
    return file;
  }

  public int index() {
    return index;
  }

  public int count() {
    return count;
  }

  /** The first character offset whose record is in this split. */
  long firstChar() {
    return index * charsPerSplit();
  }

  /** The character offset from which records belong to the next split. */
  long endChar() {
    return index == count - 1 ? Long.MAX_VALUE : (index + 1) * charsPerSplit();
  }

  /** By bytes: a character takes at least one byte in the charsets rosters come in, so no record is lost. */
  private long charsPerSplit() {
    return Math.max(1, (file.getSizeBytes() + count - 1) / count);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FileSplit that && file.equals(that.file) && index == that.index && count == that.count;
  }

  @Override
  public int hashCode() {
    return file.hashCode() * 31 * 31 + index * 31 + count;
  }

  @Override
  public String toString() {
    return file.getName() + " split " + (index + 1) + "/" + count;
  }

  public static Coder<FileSplit> coder() {
    return new SplitCoder();
  }

  private static final class SplitCoder extends CustomCoder<FileSplit> {
    private static final Coder<LandingFile> FILE = SchemaCoders.of(LandingFile.class);
    private static final VarIntCoder INT = VarIntCoder.of();

    @Override
    public void encode(FileSplit split, OutputStream out) throws IOException {
      FILE.encode(split.file, out);
      INT.encode(split.index, out);
      INT.encode(split.count, out);
    }

    @Override
    public FileSplit decode(InputStream in) throws IOException {
      return new FileSplit(FILE.decode(in), INT.decode(in), INT.decode(in));
    }

    @Override
    public void verifyDeterministic() throws NonDeterministicException {
      FILE.verifyDeterministic();
    }
  }
}
