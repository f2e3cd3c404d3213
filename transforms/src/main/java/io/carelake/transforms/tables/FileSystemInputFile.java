package io.carelake.transforms.tables;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult.Metadata;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet input file read through Beam's filesystems, so that tools read {@code gs://} and local
 * lakes alike without any Hadoop filesystem configuration.
 */
final class FileSystemInputFile implements InputFile {
  private final Metadata file;

  FileSystemInputFile(Metadata file) {
    this.file = file;
  }

  @Override
  public long getLength() {
    return file.sizeBytes();
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    ReadableByteChannel opened = FileSystems.open(file.resourceId());
    if (!(opened instanceof SeekableByteChannel)) {
      opened.close();
      throw new IOException("filesystem of " + file.resourceId() + " cannot seek, which Parquet needs");
    }
    SeekableByteChannel channel = (SeekableByteChannel) opened;
    return new DelegatingSeekableInputStream(Channels.newInputStream(channel)) {
      @Override
      public long getPos() throws IOException {
        return channel.position();
      }

      @Override
      public void seek(long newPos) throws IOException {
        channel.position(newPos);
      }
    };
  }

  @Override
  public String toString() {
    return file.resourceId().toString();
  }
}
