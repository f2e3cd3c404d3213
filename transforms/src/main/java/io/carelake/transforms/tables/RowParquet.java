package io.carelake.transforms.tables;

import java.util.Map;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** How the lake stores Beam rows: Snappy-compressed Parquet through Avro, one schema per file set. */
final class RowParquet {
  private static final String PREFIX = "part";
  private static final String SUFFIX = ".parquet";

  /**
   * The three-level list layout of the Parquet spec instead of parquet-avro's legacy two-level one:
   * it is what Spark, Trino and Iceberg read and write, and it can hold null list elements.
   */
  private static final Map<String, String> PARQUET_CONFIG = Map.of("parquet.avro.write-old-list-structure", "false");

  private RowParquet() {}

  /** Writes rows of {@code schema} as {@code <directory>/part-*.parquet}. */
  static FileIO.Write<Void, Row> write(Schema schema, String directory) {
    org.apache.avro.Schema avroSchema = AvroUtils.toAvroSchema(schema);
    return FileIO.<Row>write()
        .via(Contextful.fn(AvroUtils.getRowToGenericRecordFunction(avroSchema)),
            ParquetIO.sink(avroSchema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withConfiguration(PARQUET_CONFIG))
        .to(directory)
        .withPrefix(PREFIX)
        .withSuffix(SUFFIX);
  }

  /** Reads matched Parquet files as rows of {@code schema}. */
  static ParquetIO.ParseFiles<Row> read(Schema schema) {
    return ParquetIO.parseFilesGenericRecords(AvroRows.toRowFunction(schema))
        .withCoder(RowCoder.of(schema));
  }
}
