package io.carelake.transforms.tables;

import io.carelake.schemas.Members;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;

/** Rows that exercise every kind of column the lake stores. */
final class TableFixtures {
  static final Schema CODE = Schema.builder()
      .addStringField("system")
      .addStringField("code")
      .addNullableField("display", FieldType.STRING)
      .addNullableField("effective_on", FieldType.logicalType(SqlTypes.DATE))
      .build();

  /** Nested rows in a list, a nested row, maps, and a list with null elements. */
  static final Schema CLAIM = Schema.builder()
      .addStringField("claim_id")
      .addInt32Field("line_count")
      .addInt64Field("units")
      .addDoubleField("billed_amount")
      .addBooleanField("adjusted")
      .addNullableField("paid_on", FieldType.logicalType(SqlTypes.DATE))
      .addDateTimeField("received_at")
      .addArrayField("diagnoses", FieldType.row(CODE))
      .addNullableField("primary_procedure", FieldType.row(CODE))
      .addMapField("attributes", FieldType.STRING, FieldType.STRING)
      .addMapField("units_by_modifier", FieldType.STRING, FieldType.INT64)
      .addArrayField("notes", FieldType.STRING.withNullable(true))
      .build();

  private TableFixtures() {}

  /** A member with every column set. */
  static Row member(String memberId, String firstName, long sequence) {
    return Row.withSchema(Members.SILVER)
        .withFieldValue(Members.CLIENT_ID, "acme")
        .withFieldValue(Members.MEMBER_ID, memberId)
        .withFieldValue(Members.FIRST_NAME, firstName)
        .withFieldValue(Members.LAST_NAME, "Okafor")
        .withFieldValue(Members.DOB, "1984-02-29")
        .withFieldValue(Members.GENDER, "F")
        .withFieldValue(Members.EMAIL, "ada@example.org")
        .withFieldValue(Members.PHONE, "+16175550100")
        .withFieldValue(Members.ADDRESS_LINE_1, "1 Main St")
        .withFieldValue(Members.CITY, "Boston")
        .withFieldValue(Members.STATE, "MA")
        .withFieldValue(Members.ZIP, "02110")
        .withFieldValue(Members.ZIP_PLUS4, "1234")
        .withFieldValue(Members.PLAN_ID, "GOLD-1")
        .withFieldValue(Members.COVERAGE_START, LocalDate.of(2024, 1, 1))
        .withFieldValue(Members.COVERAGE_END, LocalDate.of(2024, 12, 31))
        .withFieldValue(Members.CREATION_DATE, LocalDate.of(1969, 7, 20))
        .withFieldValue(Members.SOURCE_FILE, "landing/acme/members_20240105.csv")
        .withFieldValue(Members.LINE_NUMBER, 2L)
        .withFieldValue(Members.RECORD_SEQUENCE, sequence)
        .withFieldValue(Members.RUN_ID, "run-1")
        .withFieldValue(Members.INGESTED_AT, Instant.parse("2024-01-05T10:15:30.123Z"))
        .build();
  }

  /** A member with every nullable column null. */
  static Row sparseMember(String memberId) {
    return Row.withSchema(Members.SILVER)
        .withFieldValue(Members.CLIENT_ID, "acme")
        .withFieldValue(Members.MEMBER_ID, memberId)
        .withFieldValue(Members.CREATION_DATE, LocalDate.of(2001, 9, 9))
        .withFieldValue(Members.SOURCE_FILE, "landing/acme/members_20240106.csv")
        .withFieldValue(Members.LINE_NUMBER, Long.MAX_VALUE)
        .withFieldValue(Members.RECORD_SEQUENCE, Long.MIN_VALUE)
        .withFieldValue(Members.RUN_ID, "run-2")
        .withFieldValue(Members.INGESTED_AT, Instant.parse("1970-01-01T00:00:00Z"))
        .build();
  }

  /** A member whose strings are empty rather than null: they must stay empty. */
  static Row emptyStringMember(String memberId) {
    return Row.fromRow(sparseMember(memberId))
        .withFieldValue(Members.FIRST_NAME, "")
        .withFieldValue(Members.EMAIL, "")
        .build();
  }

  static List<Row> members() {
    return List.of(member("M1", "Ada", 1L), sparseMember("M2"), emptyStringMember("M3"));
  }

  static List<Row> claims() {
    Row full = Row.withSchema(CLAIM)
        .withFieldValue("claim_id", "C1")
        .withFieldValue("line_count", 3)
        .withFieldValue("units", 5_000_000_000L)
        .withFieldValue("billed_amount", 1234.5678)
        .withFieldValue("adjusted", true)
        .withFieldValue("paid_on", LocalDate.of(2024, 3, 15))
        .withFieldValue("received_at", Instant.parse("2024-03-01T08:00:00.001Z"))
        .withFieldValue("diagnoses", List.of(
            Row.withSchema(CODE).addValues("ICD-10", "E11.9", "Type 2 diabetes", LocalDate.of(2015, 10, 1)).build(),
            Row.withSchema(CODE).addValues("ICD-10", "I10", null, null).build()))
        .withFieldValue("primary_procedure", Row.withSchema(CODE).addValues("CPT", "99213", "Office visit", LocalDate.of(1899, 12, 31)).build())
        .withFieldValue("attributes", Map.of("pos", "11", "network", "in"))
        .withFieldValue("units_by_modifier", Map.of("25", 1L, "59", 2L))
        .withFieldValue("notes", Arrays.asList("first", null, ""))
        .build();
    Row empty = Row.withSchema(CLAIM)
        .withFieldValue("claim_id", "C2")
        .withFieldValue("line_count", 0)
        .withFieldValue("units", -1L)
        .withFieldValue("billed_amount", -0.25)
        .withFieldValue("adjusted", false)
        .withFieldValue("received_at", Instant.parse("1999-12-31T23:59:59.999Z"))
        .withFieldValue("diagnoses", List.of())
        .withFieldValue("attributes", Map.of())
        .withFieldValue("units_by_modifier", Map.of())
        .withFieldValue("notes", List.of())
        .build();
    return List.of(full, empty);
  }
}
