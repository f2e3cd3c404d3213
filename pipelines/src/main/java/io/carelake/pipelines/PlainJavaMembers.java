package io.carelake.pipelines;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.carelake.pipelines.members.ClientConfigs;
import io.carelake.pipelines.members.MemberClient;
import io.carelake.pipelines.members.MemberRows;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Members;
import io.carelake.schemas.SourceRecord;
import io.carelake.transforms.extract.ContractCheck;
import io.carelake.transforms.extract.LandingContract;
import io.carelake.transforms.standardize.TokenizationKey;
import io.carelake.transforms.standardize.Tokenizer;
import io.carelake.transforms.tables.RowHashes;
import io.carelake.transforms.validate.RuleSet;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
 * The benchmark's reference: the members pipeline's per-row work as one plain, single-threaded Java
 * program, without Beam. Every roster of a landing folder (in name order): the landing contract, CSV with
 * Jackson, the client's column mapping, the same rules (the client configurations' compiled rules),
 * standardisation ({@link MemberRows}), the PII policy with HMAC tokens, a latest-wins map of members by
 * record sequence, and the members written as one Snappy Parquet file. It keeps every member in memory,
 * as such programs do. Not part of the library; {@code bench} runs it in a JVM of its own.
 *
 * <p>{@code PlainJavaMembers <landing dir> <client config dir> <token key file> <output parquet>} prints
 * {@code reference rows=... quarantined=... members=... seconds=... peak_heap_mb=...}.
 */
public final class PlainJavaMembers {
  private PlainJavaMembers() {}

  public static void main(String[] args) throws Exception {
    AtomicLong peakHeap = new AtomicLong();
    Thread sampler = Bench.startHeapSampler(peakHeap);
    long start = System.nanoTime();
    Result result = run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    System.out.printf("reference rows=%d quarantined=%d members=%d seconds=%.1f rows_per_s=%.0f peak_heap_mb=%d%n",
        result.rows(), result.quarantined(), result.members(), seconds, result.rows() / seconds, peakHeap.get() >> 20);
  }

  record Result(long rows, long quarantined, long members) {}

  static Result run(Path landing, Path configDir, Path keyFile, Path output) throws IOException {
    Instant startedAt = Instant.now();
    String runId = "reference";
    Map<String, MemberClient> clients = ClientConfigs.load(configDir.toString(),
        LocalDate.ofInstant(java.time.Instant.ofEpochMilli(startedAt.getMillis()), ZoneOffset.UTC));
    Tokenizer tokenizer = TokenizationKey.fromReference(keyFile.toString()).loadTokenizer();

    Map<String, Member> members = new HashMap<>();
    long rows = 0;
    long quarantined = 0;
    CsvMapper csv = new CsvMapper();
    csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<Path> files;
    try (Stream<Path> listed = Files.list(landing)) {
      files = listed.sorted(Comparator.comparing(Path::toString)).toList();
    }
    for (Path path : files) {
      LandingFile landed = LandingFile.builder().setPath(path.toString()).setName(path.getFileName().toString())
          .setSizeBytes(Files.size(path)).setPart(0).build();
      ContractCheck contract = LandingContract.standard().check(landed);
      MemberClient client = contract.isAccepted() ? clients.get(contract.file().getClientId()) : null;
      if (client == null) {
        continue;
      }
      RuleSet<SourceRecord> rules = RuleSet.of(client.rules());
      try (Reader text = Files.newBufferedReader(path, StandardCharsets.UTF_8);
          MappingIterator<String[]> records = csv.readerFor(String[].class).readValues(text)) {
        String[] header = records.hasNext() ? records.next() : new String[0];
        long line = 1;
        while (records.hasNext()) {
          String[] values = records.next();
          line++;
          rows++;
          if (values.length != header.length) {
            quarantined++;
            continue;
          }
          Map<String, String> canonical = new HashMap<>();
          for (String column : Members.CANONICAL_COLUMNS) {
            int index = indexOf(header, client.headerOf().get(column));
            if (index >= 0) {
              canonical.put(column, values[index]);
            }
          }
          SourceRecord record = SourceRecord.of(contract.file(), line, canonical, String.join(",", values));
          if (!rules.check(record).isEmpty()) {
            quarantined++;
            continue;
          }
          Row silver = client.piiPolicy().apply(MemberRows.toSilver(client, record, runId, startedAt), tokenizer);
          Member member = new Member(silver);
          members.merge(member.key(), member, Member::latest);
        }
      }
    }
    write(members, output);
    return new Result(rows, quarantined, members.size());
  }

  private static int indexOf(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].trim().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A member's row and what decides between two of its versions, as the pipeline's merge decides: the
   * higher record sequence, then (equal sequences only) the higher row hash, then the higher hash of all
   * columns.
   */
  private record Member(Row row, long sequence) {
    Member(Row row) {
      this(row, row.getInt64(Members.RECORD_SEQUENCE));
    }

    String key() {
      return row.getString(Members.CLIENT_ID) + "\n" + row.getString(Members.MEMBER_ID);
    }

    static Member latest(Member one, Member other) {
      if (one.sequence != other.sequence) {
        return one.sequence > other.sequence ? one : other;
      }
      int byHash = RowHashes.hash(one.row, Members.LINEAGE_COLUMNS).compareTo(RowHashes.hash(other.row, Members.LINEAGE_COLUMNS));
      if (byHash != 0) {
        return byHash > 0 ? one : other;
      }
      return RowHashes.hash(one.row, List.of()).compareTo(RowHashes.hash(other.row, List.of())) >= 0 ? one : other;
    }
  }

  private static void write(Map<String, Member> members, Path output) throws IOException {
    org.apache.avro.Schema schema = AvroUtils.toAvroSchema(Members.SILVER);
    SerializableFunction<Row, GenericRecord> toAvro = AvroUtils.getRowToGenericRecordFunction(schema);
    Configuration conf = new Configuration();
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
            HadoopOutputFile.fromPath(new org.apache.hadoop.fs.Path(output.toUri()), conf))
        .withSchema(schema).withDataModel(GenericData.get()).withConf(conf)
        .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
      for (Member member : members.values()) {
        writer.write(toAvro.apply(member.row()));
      }
    }
  }
}
