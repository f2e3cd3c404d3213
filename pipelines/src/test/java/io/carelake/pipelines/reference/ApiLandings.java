package io.carelake.pipelines.reference;

import io.carelake.schemas.BadRecord;
import io.carelake.schemas.BronzeRecord;
import io.carelake.schemas.LandingFile;
import io.carelake.schemas.SchemaCoders;
import io.carelake.pipelines.ReadReport;
import io.carelake.transforms.tables.Lake;
import io.carelake.transforms.tables.TableSink;
import io.carelake.transforms.tables.WriteTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;

/** Landed API files for tests, and {@link ReadApiLandings} wired to a temporary lake as the pipeline will. */
final class ApiLandings {
  static final String PIPELINE = "reference";
  static final String RUN_ID = "run-1";

  private ApiLandings() {}

  /** A landed response line as the extractors write it. */
  static String line(String source, int page, String response) {
    return "{\"request\":{\"source\":\"" + source + "\",\"url\":\"https://example.test/api?skip=" + (page - 1) * 200
        + "\",\"query\":{},\"page\":" + page + ",\"fetched_at\":\"2026-12-02T08:00:00Z\",\"http_status\":200,"
        + "\"attempts\":1},\"response\":" + response + "}";
  }

  /** Writes {@code lines} to {@code <source>_<date>_<part>.jsonl} in {@code landing}; its landing file. */
  static LandingFile write(Path landing, String source, String date, int part, List<String> lines) throws IOException {
    Path file = landing.resolve(source + "_" + date.replace("-", "") + "_" + part + ".jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return landingFile(file, source, date, part);
  }

  static LandingFile landingFile(Path file, String source, String date, int part) throws IOException {
    return LandingFile.builder().setPath(file.toString()).setName(file.getFileName().toString())
        .setSizeBytes(Files.size(file)).setClientId(source).setDeliveryDate(date).setPart(part).build();
  }

  /** Reads {@code files} into {@code lake}, committing bronze and quarantine as the pipeline does. */
  static ReadApiLandings.Result read(Pipeline pipeline, Lake lake, List<LandingFile> files) {
    WriteTable writeBronze = WriteTable.appendTo(lake.bronze(PIPELINE), RUN_ID);
    WriteTable writeQuarantine = WriteTable.appendTo(lake.quarantine(PIPELINE), RUN_ID);
    TableSink bronze = writeBronze.sinkFor(SchemaCoders.of(BronzeRecord.class).getSchema(), false);
    TableSink quarantine = writeQuarantine.sinkFor(SchemaCoders.of(BadRecord.class).getSchema(), false);
    ReadApiLandings.Result read = pipeline
        .apply("Landed", Create.of(files).withCoder(SchemaCoders.of(LandingFile.class)))
        .apply("ReadApiLandings", new ReadApiLandings(PIPELINE, RUN_ID, Instant.parse("2026-12-02T09:00:00Z"),
            ProviderRules.shipped(), CodeRules.shipped(), bronze, quarantine));
    ReadReport.bronzeFiles(read.reports()).apply("CommitBronze", writeBronze.committing(bronze));
    ReadReport.quarantineFiles(read.reports()).apply("CommitQuarantine", writeQuarantine.committing(quarantine));
    return read;
  }

  /** The reports' counts summed, keyed {@code file/tally}. */
  static PCollection<KV<String, Long>> tallies(ReadApiLandings.Result read) {
    return ReadReport.tallies(read.reports())
        .apply("ByFileAndTally", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
            .via(tally -> KV.of(tally.getKey() + "/" + tally.getValue().getKey(), tally.getValue().getValue())))
        .apply("SumTallies", Sum.longsPerKey());
  }

  static List<String> ruleIds(Row badRecord) {
    return ((List<?>) badRecord.getValue("violations")).stream()
        .map(v -> ((Row) v).getValue("rule_id").toString()).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> fields(Row bronzeRow) {
    return (Map<String, String>) bronzeRow.getValue("fields");
  }
}
