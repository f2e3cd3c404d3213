package io.carelake.transforms.tables;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Writes Avro records as Snappy Parquet. ParquetIO's sink would do, but with a Hadoop configuration it
 * serialises that configuration into the DoFn, and every deserialisation re-parses Hadoop's default XML
 * resources: the Direct runner deserialises DoFns for each bundle, which made writes crawl. Here the
 * configuration is built on the worker, from nothing, when a file is opened.
 */
final class ParquetRowSink implements FileIO.Sink<GenericRecord> {
  private final String avroSchemaJson;
  private transient ParquetWriter<GenericRecord> writer;

  ParquetRowSink(Schema avroSchema) {
    this.avroSchemaJson = avroSchema.toString();
  }

  @Override
  public void open(WritableByteChannel channel) throws IOException {
    Configuration conf = new Configuration(false);
    // The three-level list layout of the Parquet spec, not parquet-avro's legacy two-level one: it is
    // what Spark, Trino and Iceberg read and write, and it can hold null list elements.
    conf.setBoolean("parquet.avro.write-old-list-structure", false);
    writer = AvroParquetWriter.<GenericRecord>builder(new ChannelOutputFile(channel))
        .withSchema(new Schema.Parser().parse(avroSchemaJson))
        .withDataModel(GenericData.get())
        .withConf(conf)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build();
  }

  @Override
  public void write(GenericRecord record) throws IOException {
    writer.write(record);
  }

  @Override
  public void flush() throws IOException {
    writer.close();
  }

  /** A Parquet output file over the channel FileIO opened; the channel is closed by FileIO. */
  private static final class ChannelOutputFile implements OutputFile {
    private final WritableByteChannel channel;

    ChannelOutputFile(WritableByteChannel channel) {
      this.channel = channel;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new ChannelPositionStream(channel);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return new ChannelPositionStream(channel);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }

  private static final class ChannelPositionStream extends PositionOutputStream {
    private final WritableByteChannel channel;
    private long position;

    ChannelPositionStream(WritableByteChannel channel) {
      this.channel = channel;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      position += length;
    }

    @Override
    public void close() {
      // FileIO owns the channel and closes it after flush().
    }
  }
}
