package io.carelake.pipelines.members;

import io.carelake.schemas.Members;
import io.carelake.schemas.SourceRecord;
import io.carelake.transforms.standardize.Emails;
import io.carelake.transforms.standardize.Genders;
import io.carelake.transforms.standardize.Names;
import io.carelake.transforms.standardize.Phones;
import io.carelake.transforms.standardize.UsStates;
import io.carelake.transforms.standardize.ZipCode;
import io.carelake.transforms.standardize.Zips;
import java.time.LocalDate;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
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

  /**
   * Orders the versions of a member: delivery date, then part, then line. Later wins. The file's own
   * creation_date column, when present, wins over the name's date, so a backfill file named with
   * today's date still sorts by the date its content is from.
   */
  static long recordSequence(LocalDate creationDate, int part, long lineNumber) {
    return creationDate.toEpochDay() * 1_000_000_000_000L + part * 1_000_000_000L + lineNumber;
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
      MemberClient client = clients.get(record.getFile().getClientId());
      Map<String, String> f = record.getFields();
      LocalDate fileDate = LocalDate.parse(record.getFile().getDeliveryDate());
      LocalDate creationDate = orElse(client.dates().parse(blankToNull(f.get(Members.CREATION_DATE))), fileDate);
      ZipCode zip = Zips.parse(blankToNull(f.get(Members.ZIP)));
      String planId = blankToNull(f.get(Members.PLAN_ID));
      // Values in Members.SILVER's column order: addValues is plain, withFieldValue parses each name.
      out.output(Row.withSchema(Members.SILVER).addValues(
          client.clientId(),
          f.get(Members.MEMBER_ID).strip(),
          Names.normalize(blankToNull(f.get(Members.FIRST_NAME))),
          Names.normalize(blankToNull(f.get(Members.LAST_NAME))),
          iso(client.dates().parse(blankToNull(f.get(Members.DOB)))),
          Genders.toCode(blankToNull(f.get(Members.GENDER))),
          Emails.normalize(blankToNull(f.get(Members.EMAIL))),
          Phones.toE164(blankToNull(f.get(Members.PHONE)), client.phoneRegion()),
          Names.normalize(blankToNull(f.get(Members.ADDRESS_LINE_1))),
          Names.normalize(blankToNull(f.get(Members.CITY))),
          UsStates.toCode(blankToNull(f.get(Members.STATE))),
          zip == null ? null : zip.zip5(),
          zip == null ? null : zip.plus4(),
          planId == null ? null : planId.strip(),
          client.dates().parse(blankToNull(f.get(Members.COVERAGE_START))),
          client.dates().parse(blankToNull(f.get(Members.COVERAGE_END))),
          creationDate,
          record.getFile().getName(),
          record.getLineNumber(),
          recordSequence(creationDate, record.getFile().getPart(), record.getLineNumber()),
          runId,
          ingestedAt)
          .build());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
      return value == null || value.isBlank() ? null : value;
    }

    private static @Nullable String iso(@Nullable LocalDate date) {
      return date == null ? null : date.toString();
    }

    private static LocalDate orElse(@Nullable LocalDate value, LocalDate fallback) {
      return value != null ? value : fallback;
    }
  }
}
