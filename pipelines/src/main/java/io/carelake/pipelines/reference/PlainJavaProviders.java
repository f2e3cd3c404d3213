package io.carelake.pipelines.reference;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.carelake.schemas.Reference;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.schemas.utils.AvroUtils;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.Row;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.joda.time.Instant;

/**
 * The reference benchmark's plain-Java program: the bulk path's per-record work without Beam, single
 * threaded. Every NPPES bulk file of a landing folder (in name order): CSV with Jackson, the kept columns
 * found by header ({@link NppesBulkColumns}), typed and checked by the shipped rules ({@link ProviderRows}),
 * a latest-wins map of providers by NPI and update sequence, and the providers written as one Snappy Parquet
 * file. It writes no bronze, quarantine, history versions, gold dimension or audit, as the members
 * benchmark's reference does not; it keeps every provider in memory. Not part of the library; {@code
 * bench-reference} runs it in a JVM of its own.
 *
 * <p>{@code PlainJavaProviders <landing dir> <output parquet>} prints {@code reference rows=... quarantined=...
 * providers=... seconds=... rows_per_s=... peak_heap_mb=...}.
 */
public final class PlainJavaProviders {
  private PlainJavaProviders() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Result result = run(Path.of(args[0]), Path.of(args[1]));
    double seconds = (System.nanoTime() - start) / 1e9;
    long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getPeakUsage)
        .mapToLong(usage -> usage.getUsed()).sum();
    System.out.printf("reference rows=%d quarantined=%d providers=%d seconds=%.1f rows_per_s=%.0f peak_heap_mb=%d%n",
        result.rows(), result.quarantined(), result.providers(), seconds, result.rows() / seconds, peakHeap >> 20);
  }

  record Result(long rows, long quarantined, long providers) {}

  static Result run(Path landing, Path output) throws IOException {
    ProviderRows typing = new ProviderRows(ProviderRules.shipped(), "reference", Instant.now());
    Map<String, Row> providers = new HashMap<>();
    long rows = 0;
    long quarantined = 0;
    CsvMapper csv = new CsvMapper();
    csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<Path> files;
    try (Stream<Path> listed = Files.list(landing)) {
      files = listed.filter(path -> path.getFileName().toString().startsWith(ReferenceDatasets.NPPES_BULK))
          .sorted(Comparator.comparing(Path::toString)).toList();
    }
    for (Path path : files) {
      String name = path.getFileName().toString();
      try (Reader text = Files.newBufferedReader(path, StandardCharsets.UTF_8);
          MappingIterator<String[]> records = csv.readerFor(String[].class).readValues(text)) {
        List<String> header = records.hasNext()
            ? Arrays.stream(records.next()).map(String::trim).toList() : List.of();
        NppesBulkColumns.Positions positions = NppesBulkColumns.positionsIn(header);
        long line = 1;
        while (records.hasNext()) {
          String[] values = records.next();
          line++;
          rows++;
          if (values.length != header.size()) {
            quarantined++;
            continue;
          }
          ProviderRows.Typed typed =
              typing.type(positions.draft(Arrays.asList(values)), Reference.SOURCE_BULK, name, line);
          if (typed.row() == null) {
            quarantined++;
            continue;
          }
          providers.merge(typed.row().getString(Reference.NPI), typed.row(), PlainJavaProviders::latest);
        }
      }
    }
    write(providers, output);
    return new Result(rows, quarantined, providers.size());
  }

  /** The later of two records of one NPI by update sequence; on a tie, the one read later. */
  private static Row latest(Row one, Row other) {
    return one.getInt64(Reference.UPDATE_SEQUENCE) > other.getInt64(Reference.UPDATE_SEQUENCE) ? one : other;
  }

  private static void write(Map<String, Row> providers, Path output) throws IOException {
    org.apache.avro.Schema schema = AvroUtils.toAvroSchema(Reference.PROVIDER);
    SerializableFunction<Row, GenericRecord> toAvro = AvroUtils.getRowToGenericRecordFunction(schema);
    Configuration conf = new Configuration();
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
            HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(output.toUri()), conf))
        .withSchema(schema).withDataModel(GenericData.get()).withConf(conf)
        .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
      for (Row provider : providers.values()) {
        writer.write(toAvro.apply(provider));
      }
    }
  }
}
