package io.carelake.transforms.tables;

import java.io.IOException;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;

/** How the lake stores Beam rows: Snappy-compressed Parquet through Avro, one schema per file set. */
final class RowParquet {
  private static final String PREFIX = "part";
  private static final String SUFFIX = ".parquet";

  private RowParquet() {}

  /**
   * Shards of a batch write. Always a fixed number: with runner-determined sharding the classic Spark
   * runner (Beam 2.62) finalised only some of a write's temporary files, silently losing rows (seen on
   * the members quarantine). A fixed count also keeps a lake table's file count small for its readers.
   */
  static final int BATCH_SHARDS = 4;

  /** Writes rows of {@code schema} as {@code <directory>/part-*.parquet}, in {@link #BATCH_SHARDS} files. */
  static FileIO.Write<Void, Row> write(Schema schema, String directory) {
    org.apache.avro.Schema avroSchema = AvroUtils.toAvroSchema(schema);
    return FileIO.<Row>write()
        .via(Contextful.fn(AvroUtils.getRowToGenericRecordFunction(avroSchema)),
            new ParquetRowSink(avroSchema))
        .to(directory)
        .withPrefix(PREFIX)
        .withSuffix(SUFFIX)
        .withNumShards(BATCH_SHARDS);
  }

  /** Every record of one Parquet file, in file order, for readers that need to know the file. */
  static void readRecords(MatchResult.Metadata file, Consumer<GenericRecord> each) throws IOException {
    try (ParquetReader<GenericRecord> reader = AvroParquetReader
        .<GenericRecord>builder(new FileSystemInputFile(file))
        .withDataModel(GenericData.get())
        .build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        each.accept(record);
      }
    }
  }

  /** Reads matched Parquet files as rows of {@code schema}. */
  static ParquetIO.ParseFiles<Row> read(Schema schema) {
    return ParquetIO.parseFilesGenericRecords(AvroRows.toRowFunction(schema))
        .withCoder(RowCoder.of(schema));
  }
}
