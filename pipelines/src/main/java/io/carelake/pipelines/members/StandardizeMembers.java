package io.carelake.pipelines.members;

import io.carelake.schemas.Members;
import io.carelake.schemas.SourceRecord;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;

/**
 * Turns validated canonical records into silver member rows: names trimmed, dates to ISO from the
 * client's patterns, phone to E.164, state to its USPS code, ZIP to 5 digits with the +4 apart, email
 * lower case, gender to M/F/X/U; plus lineage and the record sequence that orders versions of a member.
 */
final class StandardizeMembers extends PTransform<PCollection<SourceRecord>, PCollection<Row>> {
  private final Map<String, MemberClient> clients;
  private final String runId;
  private final Instant ingestedAt;

  private StandardizeMembers(Map<String, MemberClient> clients, String runId, Instant ingestedAt) {
    this.clients = clients;
    this.runId = runId;
    this.ingestedAt = ingestedAt;
  }

  static StandardizeMembers using(Map<String, MemberClient> clients, String runId, Instant ingestedAt) {
    return new StandardizeMembers(Map.copyOf(clients), runId, ingestedAt);
  }

  @Override
  public PCollection<Row> expand(PCollection<SourceRecord> records) {
    return records.apply("ToSilverRows", ParDo.of(new StandardizeFn(clients, runId, ingestedAt)))
        .setRowSchema(Members.SILVER);
  }

  private static final class StandardizeFn extends DoFn<SourceRecord, Row> {
    private final Map<String, MemberClient> clients;
    private final String runId;
    private final Instant ingestedAt;

    StandardizeFn(Map<String, MemberClient> clients, String runId, Instant ingestedAt) {
      this.clients = clients;
      this.runId = runId;
      this.ingestedAt = ingestedAt;
    }

    @ProcessElement
    public void process(@Element SourceRecord record, OutputReceiver<Row> out) {
      out.output(MemberRows.toSilver(clients.get(record.getFile().getClientId()), record, runId, ingestedAt));
    }
  }
}
