package io.carelake.transforms.extract;

import io.carelake.schemas.BronzeRecord;
import io.carelake.schemas.SchemaCoders;
import io.carelake.schemas.SourceRecord;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.hash.Hashing;
import org.joda.time.Instant;

/** Adds ingestion metadata to parsed records for the bronze zone. */
public final class ToBronzeRecords extends PTransform<PCollection<SourceRecord>, PCollection<BronzeRecord>> {
  private final String runId;
  private final Instant ingestedAt;

  private ToBronzeRecords(String runId, Instant ingestedAt) {
    this.runId = runId;
    this.ingestedAt = ingestedAt;
  }

  public static ToBronzeRecords forRun(String runId, Instant ingestedAt) {
    return new ToBronzeRecords(runId, ingestedAt);
  }

  /** Hex SHA-256 of a record's original text: what finds the same row delivered twice. */
  public static String recordSha256(String rawText) {
    return Hashing.sha256().hashString(rawText, StandardCharsets.UTF_8).toString();
  }

  @Override
  public PCollection<BronzeRecord> expand(PCollection<SourceRecord> records) {
    String run = runId;
    Instant at = ingestedAt;
    PCollection<BronzeRecord> bronze = records.apply("AddIngestionMetadata", MapElements
        .into(TypeDescriptor.of(BronzeRecord.class))
        .via((SourceRecord record) -> BronzeRecord.of(run, record.getFile().getClientId(), record.getFile().getName(),
            record.getLineNumber(), at, recordSha256(record.getRawText()), record.getFields())));
    return bronze.setCoder(SchemaCoders.of(BronzeRecord.class));
  }
}
