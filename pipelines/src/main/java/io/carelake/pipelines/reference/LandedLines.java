package io.carelake.pipelines.reference;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The lines of a JSON Lines landing, one at a time, UTF-8 with bytes that are not UTF-8 as U+FFFD. Unlike a
 * {@link java.io.BufferedReader}, which reads ahead and loses what it holds when the stream fails, every
 * complete line is handed over before more bytes are read: a truncated gzip stream costs only its last,
 * partial line.
 */
final class LandedLines implements Closeable {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final InputStream in;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  private byte[] line = new byte[BUFFER_BYTES];
  private boolean ended;

  LandedLines(InputStream in) {
    this.in = in;
  }

  /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end. */
  @Nullable
  String next() throws IOException {
    if (ended) {
      return null;
    }
    int length = 0;
    while (true) {
      if (position == limit) {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
          ended = true;
          return length == 0 ? null : decode(length);
        }
        position = 0;
        limit = read;
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int chunk = position - start;
      if (length + chunk > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
      }
      System.arraycopy(buffer, start, line, length, chunk);
      length += chunk;
      if (position < limit) {
        position++;
        return decode(length > 0 && line[length - 1] == '\r' ? length - 1 : length);
      }
    }
  }

  private String decode(int length) throws CharacterCodingException {
    return utf8.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
