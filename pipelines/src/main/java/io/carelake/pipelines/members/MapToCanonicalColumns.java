package io.carelake.pipelines.members;

import io.carelake.schemas.Members;
import io.carelake.schemas.SourceRecord;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Renames each record's fields from its client's headers to the canonical member columns. Columns the
 * member record has no place for are left out; a canonical column the file lacks is simply absent, which
 * the required rules then report.
 */
final class MapToCanonicalColumns extends PTransform<PCollection<SourceRecord>, PCollection<SourceRecord>> {
  private final Map<String, MemberClient> clients;

  private MapToCanonicalColumns(Map<String, MemberClient> clients) {
    this.clients = clients;
  }

  static MapToCanonicalColumns using(Map<String, MemberClient> clients) {
    return new MapToCanonicalColumns(Map.copyOf(clients));
  }

  @Override
  public PCollection<SourceRecord> expand(PCollection<SourceRecord> records) {
    return records.apply("RenameColumns", ParDo.of(new RenameFn(clients))).setCoder(records.getCoder());
  }

  private static final class RenameFn extends DoFn<SourceRecord, SourceRecord> {
    private final Map<String, MemberClient> clients;

    RenameFn(Map<String, MemberClient> clients) {
      this.clients = clients;
    }

    @ProcessElement
    public void process(@Element SourceRecord record, OutputReceiver<SourceRecord> out) {
      MemberClient client = clients.get(record.getFile().getClientId());
      if (client == null) {
        // Classification lets only configured clients through; validation reports such a record anyway.
        out.output(record);
        return;
      }
      Map<String, String> canonical = new HashMap<>();
      for (String column : Members.CANONICAL_COLUMNS) {
        String value = record.getFields().get(client.headerOf().get(column));
        if (value != null) {
          canonical.put(column, value);
        }
      }
      out.output(record.toBuilder().setFields(canonical).build());
    }
  }
}
