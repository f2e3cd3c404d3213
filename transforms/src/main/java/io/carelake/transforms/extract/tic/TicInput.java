package io.carelake.transforms.extract.tic;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens payer files for reading whatever their names say: payers serve gzip as {@code .json}, {@code .gz} or
 * with no extension at all, so gzip is recognised by its magic bytes (1f 8b).
 */
public final class TicInput {
  private static final int BUFFER = 1 << 16;

  private TicInput() {}

  public static InputStream open(Path file) throws IOException {
    return open(Files.newInputStream(file));
  }

  /** The content of {@code raw}, gunzipped when it starts with the gzip magic bytes; closes {@code raw}. */
  public static InputStream open(InputStream raw) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
    if (isGzip(buffered)) {
      return new GZIPInputStream(buffered, BUFFER);
    }
    return buffered;
  }

  /** Peeks at the first two bytes of a stream that supports mark/reset. */
  static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b;
  }
}
