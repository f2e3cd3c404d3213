package io.carelake.transforms.extract;

import io.carelake.schemas.LandingFile;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Opens landing files on any Beam filesystem and names what goes wrong while reading them. A failure
 * of the filesystem itself is told apart from a broken gzip stream, so the audit shows which it was.
 */
final class LandingFileInput {
  static final String READ_IO = "read.io";
  static final String READ_GZIP = "read.gzip";
  static final String READ_NOT_TEXT = "read.not_text";

  private static final int BUFFER_BYTES = 64 * 1024;

  private LandingFileInput() {}

  static boolean isGzip(LandingFile file) {
    return file.getName().endsWith(".gz");
  }

  /** The bytes as delivered. */
  static InputStream openDelivered(LandingFile file) throws IOException {
    try {
      InputStream channel = Channels.newInputStream(
          FileSystems.open(FileSystems.matchNewResource(file.getPath(), false)));
      return new FilesystemFailures(new BufferedInputStream(channel, BUFFER_BYTES));
    } catch (IOException e) {
      throw new FilesystemException(e);
    }
  }

  /** The content: the delivered bytes, gunzipped when the name ends in {@code .gz}. */
  static InputStream content(LandingFile file, InputStream delivered) throws IOException {
    return isGzip(file) ? new GZIPInputStream(delivered, BUFFER_BYTES) : delivered;
  }

  /** The content as text; bytes that are not valid in the charset become U+FFFD, to be reported per record. */
  static Reader openText(LandingFile file, Charset charset) throws IOException {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    InputStream delivered = openDelivered(file);
    try {
      return new InputStreamReader(content(file, delivered), decoder);
    } catch (IOException e) {
      delivered.close();
      throw e;
    }
  }

  /** The {@code code: explanation} of a read failure; never the content that was read. */
  static String describe(LandingFile file, IOException failure) {
    if (failure instanceof FilesystemException) {
      return READ_IO + ": " + failure.getCause().getClass().getSimpleName();
    }
    // Filesystem failures are all marked, so what is left was raised by the gzip decoder.
    return isGzip(file)
        ? READ_GZIP + ": truncated or corrupt gzip stream"
        : READ_IO + ": " + failure.getClass().getSimpleName();
  }

  /** Marks a failure as coming from the filesystem, whatever decoder it passes through. */
  private static final class FilesystemException extends IOException {
    private static final long serialVersionUID = 1L;

    FilesystemException(IOException cause) {
      super(cause);
    }
  }

  private static final class FilesystemFailures extends FilterInputStream {
    FilesystemFailures(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw new FilesystemException(e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        throw new FilesystemException(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return super.skip(n);
      } catch (IOException e) {
        throw new FilesystemException(e);
      }
    }

    @Override
    public int available() throws IOException {
      try {
        return super.available();
      } catch (IOException e) {
        throw new FilesystemException(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } catch (IOException e) {
        throw new FilesystemException(e);
      }
    }
  }
}
