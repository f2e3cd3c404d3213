package io.carelake.pipelines;

import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.LakeTable;
import io.carelake.transforms.tables.ReadTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.generic.GenericData;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.values.Row;

/**
 * Writes a table, or an earlier version of it, as plain Parquet files, for tools that read files rather
 * than tables: {@code export --lake=DIR --table=ZONE/NAME --to=DIR [--asOf=SNAPSHOT_ID|ISO_TIME] [runner
 * options]}. The files hold the rows as the table reads (deletes applied), with Beam's ParquetIO.
 */
public final class Export {
  private static final String USAGE = "usage: export --lake=DIR --table=ZONE/NAME --to=DIR"
      + " [--asOf=SNAPSHOT_ID|ISO_TIME] [--catalog=PROPERTIES] [runner options]";

  private Export() {}

  static void main(String[] argv) {
    Args args = Args.parse(argv, List.of("lake", "table", "to", "asOf", "catalog"));
    if (args.get("lake", "").isEmpty() || args.get("table", "").isEmpty() || args.get("to", "").isEmpty()) {
      System.err.println(USAGE);
      System.exit(2);
    }
    PipelineOptions options = PipelineOptionsFactory.fromArgs(args.passOn().toArray(String[]::new)).create();
    FileSystems.setDefaultPipelineOptions(options);
    LakeTable table = Lake.at(args.get("lake", ""), args.get("catalog", "")).table(args.get("table", ""));
    Optional<Long> snapshot = snapshotOf(table, args.get("asOf", ""));
    export(table, snapshot, args.get("to", ""), options);
    System.out.println(table + snapshot.map(id -> " snapshot " + id).orElse(" (no rows yet)") + " exported to "
        + args.get("to", ""));
  }

  /** Writes {@code snapshot} of {@code table} as Parquet files under {@code directory}, and waits. */
  public static void export(LakeTable table, Optional<Long> snapshot, String directory, PipelineOptions options) {
    Schema schema = table.schema();
    org.apache.avro.Schema avroSchema = AvroUtils.toAvroSchema(schema);
    Pipeline pipeline = Pipeline.create(options);
    pipeline.apply("ReadTable", ReadTable.of(table, schema).atSnapshot(snapshot))
        .apply("WriteParquet", FileIO.<Row>write()
            // Rows become Avro records as they are written: dates and times as Avro's numbers, lists in the
            // three-level layout every engine reads.
            .via(Contextful.fn(AvroUtils.getRowToGenericRecordFunction(avroSchema)),
                ParquetIO.sink(avroSchema).withAvroDataModel(GenericData.get())
                    .withConfiguration(Map.of("parquet.avro.write-old-list-structure", "false")))
            .to(directory)
            .withPrefix(table.zone() + "-" + table.name())
            .withSuffix(".parquet"));
    pipeline.run().waitUntilFinish();
  }

  private static Optional<Long> snapshotOf(LakeTable table, String asOf) {
    if (asOf.isEmpty()) {
      return table.currentSnapshotId();
    }
    if (asOf.matches("-?\\d+")) {
      return Optional.of(Long.parseLong(asOf));
    }
    return table.snapshotAsOf(Instant.parse(asOf));
  }
}
