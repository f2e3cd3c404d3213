package io.carelake.transforms.tables;

import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.values.Row;

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

  /** Reads matched Parquet files as rows of {@code schema}. */
  static ParquetIO.ParseFiles<Row> read(Schema schema) {
    return ParquetIO.parseFilesGenericRecords(AvroRows.toRowFunction(schema))
        .withCoder(RowCoder.of(schema));
  }
}
