package io.carelake.schemas;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;

/**
 * The canonical member record. Client files are mapped onto {@link #CANONICAL_COLUMNS} by their client
 * configuration; the silver {@code members} table has {@link #SILVER} as schema.
 *
 * <p>Columns that a PII policy may tokenise, mask or generalise are strings in silver, so one schema
 * serves every policy: a generalised {@code dob} holds the year, a generalised {@code zip} 3 digits.
 */
public final class Members {
  public static final String MEMBER_ID = "member_id";
  public static final String FIRST_NAME = "first_name";
  public static final String LAST_NAME = "last_name";
  public static final String DOB = "dob";
  public static final String GENDER = "gender";
  public static final String EMAIL = "email";
  public static final String PHONE = "phone";
  public static final String ADDRESS_LINE_1 = "address_line_1";
  public static final String CITY = "city";
  public static final String STATE = "state";
  public static final String ZIP = "zip";
  /** The ZIP+4 extension, kept apart from the 5-digit ZIP. */
  public static final String ZIP_PLUS4 = "zip_plus4";
  public static final String PLAN_ID = "plan_id";
  public static final String COVERAGE_START = "coverage_start";
  public static final String COVERAGE_END = "coverage_end";
  public static final String CREATION_DATE = "creation_date";

  /** Business columns a client file maps onto, in order. */
  public static final List<String> CANONICAL_COLUMNS = List.of(
      MEMBER_ID, FIRST_NAME, LAST_NAME, DOB, GENDER, EMAIL, PHONE, ADDRESS_LINE_1, CITY, STATE, ZIP,
      PLAN_ID, COVERAGE_START, COVERAGE_END, CREATION_DATE);

  /** Columns holding personal data, to which a PII policy applies. */
  public static final List<String> PII_COLUMNS = List.of(
      MEMBER_ID, FIRST_NAME, LAST_NAME, DOB, EMAIL, PHONE, ADDRESS_LINE_1, CITY, ZIP, ZIP_PLUS4);

  public static final String CLIENT_ID = "client_id";
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE_NUMBER = "line_number";
  public static final String RECORD_SEQUENCE = "record_sequence";
  public static final String RUN_ID = "run_id";
  public static final String INGESTED_AT = "ingested_at";

  /** The SCD type 1 key of silver members. */
  public static final List<String> KEY = List.of(CLIENT_ID, MEMBER_ID);

  /**
   * Columns that say where and when a version came from; they do not make a member different, so a
   * roster delivered again with the same content changes nothing.
   */
  public static final List<String> LINEAGE_COLUMNS =
      List.of(CREATION_DATE, SOURCE_FILE, LINE_NUMBER, RECORD_SEQUENCE, RUN_ID, INGESTED_AT);

  public static final Schema SILVER = Schema.builder()
      .addStringField(CLIENT_ID)
      .addStringField(MEMBER_ID)
      .addNullableField(FIRST_NAME, FieldType.STRING)
      .addNullableField(LAST_NAME, FieldType.STRING)
      .addNullableField(DOB, FieldType.STRING)
      .addNullableField(GENDER, FieldType.STRING)
      .addNullableField(EMAIL, FieldType.STRING)
      .addNullableField(PHONE, FieldType.STRING)
      .addNullableField(ADDRESS_LINE_1, FieldType.STRING)
      .addNullableField(CITY, FieldType.STRING)
      .addNullableField(STATE, FieldType.STRING)
      .addNullableField(ZIP, FieldType.STRING)
      .addNullableField(ZIP_PLUS4, FieldType.STRING)
      .addNullableField(PLAN_ID, FieldType.STRING)
      .addNullableField(COVERAGE_START, FieldType.logicalType(SqlTypes.DATE))
      .addNullableField(COVERAGE_END, FieldType.logicalType(SqlTypes.DATE))
      .addField(CREATION_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addStringField(SOURCE_FILE)
      .addInt64Field(LINE_NUMBER)
      .addInt64Field(RECORD_SEQUENCE)
      .addStringField(RUN_ID)
      .addDateTimeField(INGESTED_AT)
      .build();

  private Members() {}
}
