package io.carelake.transforms.standardize;

import io.carelake.schemas.Members;
import java.time.LocalDate;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;

/** Silver member rows for policy tests: only the PII columns vary. */
final class MemberRows {
  private MemberRows() {}

  static Row member(String memberId, String firstName, String lastName, String dob, String email,
      String phone, String address, String city, String zip, String zipPlus4) {
    return Row.withSchema(Members.SILVER)
        .withFieldValue(Members.CLIENT_ID, "acme")
        .withFieldValue(Members.MEMBER_ID, memberId)
        .withFieldValue(Members.FIRST_NAME, firstName)
        .withFieldValue(Members.LAST_NAME, lastName)
        .withFieldValue(Members.DOB, dob)
        .withFieldValue(Members.GENDER, "F")
        .withFieldValue(Members.EMAIL, email)
        .withFieldValue(Members.PHONE, phone)
        .withFieldValue(Members.ADDRESS_LINE_1, address)
        .withFieldValue(Members.CITY, city)
        .withFieldValue(Members.STATE, "NE")
        .withFieldValue(Members.ZIP, zip)
        .withFieldValue(Members.ZIP_PLUS4, zipPlus4)
        .withFieldValue(Members.PLAN_ID, "GOLD-1")
        .withFieldValue(Members.COVERAGE_START, LocalDate.of(2024, 1, 1))
        .withFieldValue(Members.COVERAGE_END, null)
        .withFieldValue(Members.CREATION_DATE, LocalDate.of(2024, 1, 15))
        .withFieldValue(Members.SOURCE_FILE, "landing/acme/members_20240115.csv")
        .withFieldValue(Members.LINE_NUMBER, 2L)
        .withFieldValue(Members.RECORD_SEQUENCE, 1L)
        .withFieldValue(Members.RUN_ID, "run-1")
        .withFieldValue(Members.INGESTED_AT, Instant.parse("2024-01-15T06:00:00Z"))
        .build();
  }
}
