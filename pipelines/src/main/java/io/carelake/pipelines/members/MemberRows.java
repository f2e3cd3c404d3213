package io.carelake.pipelines.members;

import io.carelake.schemas.Members;
import io.carelake.schemas.SourceRecord;
import io.carelake.transforms.extract.LandingContract;
import io.carelake.transforms.standardize.Emails;
import io.carelake.transforms.standardize.Genders;
import io.carelake.transforms.standardize.Names;
import io.carelake.transforms.standardize.Phones;
import io.carelake.transforms.standardize.UsStates;
import io.carelake.transforms.standardize.ZipCode;
import io.carelake.transforms.standardize.Zips;
import java.time.LocalDate;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * A validated canonical record as a silver member row: names trimmed, dates to ISO from the client's
 * patterns, phone to E.164, state to its USPS code, ZIP to 5 digits with the +4 apart, email lower case,
 * gender to M/F/X/U; plus lineage and the record sequence that orders versions of a member. Plain Java:
 * the pipeline's step and the benchmark's reference program do the same work with it.
 */
public final class MemberRows {
  private MemberRows() {}

  /** The silver row of {@code record}, whose fields are canonical columns and pass the client's rules. */
  public static Row toSilver(MemberClient client, SourceRecord record, String runId, Instant ingestedAt) {
    Map<String, String> f = record.getFields();
    LocalDate fileDate = LocalDate.parse(record.getFile().getDeliveryDate());
    LocalDate creationDate = orElse(client.dates().parse(blankToNull(f.get(Members.CREATION_DATE))), fileDate);
    ZipCode zip = Zips.parse(blankToNull(f.get(Members.ZIP)));
    String planId = blankToNull(f.get(Members.PLAN_ID));
    // Values in Members.SILVER's column order, of the schema's Java types, attached as they are: a
    // builder's build() checks every value through field access descriptors, a tenth of the CPU of a row.
    return Row.withSchema(Members.SILVER).attachValues(
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
        LandingContract.recordSequence(creationDate, record.getFile().getPart(), record.getLineNumber()),
        runId,
        ingestedAt);
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
