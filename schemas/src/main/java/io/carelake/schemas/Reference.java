package io.carelake.schemas;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;

/**
 * Tables of the reference pipeline: NPPES providers (from the monthly and weekly bulk files and from the NPI
 * Registry API), ICD-10-CM diagnosis codes and HCPCS Level II procedure codes (from the NIH Clinical Tables
 * search service), in silver, and the gold dimensions built from them.
 *
 * <p>A provider record is the same whichever source it came from: values are stripped, blanks and NPPES's
 * {@code <UNAVAIL>} are null, phone numbers are their digits, so that the bulk file's and the API's copy of
 * one update are one version of the provider's history.
 */
public final class Reference {
  public static final String NPI = "npi";
  public static final String ENUMERATION_TYPE = "enumeration_type";
  public static final String ORGANIZATION_NAME = "organization_name";
  public static final String LAST_NAME = "last_name";
  public static final String FIRST_NAME = "first_name";
  public static final String MIDDLE_NAME = "middle_name";
  public static final String NAME_PREFIX = "name_prefix";
  public static final String NAME_SUFFIX = "name_suffix";
  public static final String CREDENTIAL = "credential";
  public static final String SEX = "sex";
  public static final String SOLE_PROPRIETOR = "sole_proprietor";
  public static final String ORGANIZATIONAL_SUBPART = "organizational_subpart";
  public static final String PRACTICE_ADDRESS_1 = "practice_address_1";
  public static final String PRACTICE_ADDRESS_2 = "practice_address_2";
  public static final String PRACTICE_CITY = "practice_city";
  public static final String PRACTICE_STATE = "practice_state";
  public static final String PRACTICE_POSTAL_CODE = "practice_postal_code";
  public static final String PRACTICE_COUNTRY = "practice_country";
  public static final String PRACTICE_PHONE = "practice_phone";
  public static final String MAILING_ADDRESS_1 = "mailing_address_1";
  public static final String MAILING_ADDRESS_2 = "mailing_address_2";
  public static final String MAILING_CITY = "mailing_city";
  public static final String MAILING_STATE = "mailing_state";
  public static final String MAILING_POSTAL_CODE = "mailing_postal_code";
  public static final String MAILING_COUNTRY = "mailing_country";
  public static final String PRIMARY_TAXONOMY_CODE = "primary_taxonomy_code";
  public static final String PRIMARY_LICENSE_NUMBER = "primary_license_number";
  public static final String PRIMARY_LICENSE_STATE = "primary_license_state";
  public static final String TAXONOMY_CODES = "taxonomy_codes";
  public static final String AUTHORIZED_OFFICIAL_LAST_NAME = "authorized_official_last_name";
  public static final String AUTHORIZED_OFFICIAL_FIRST_NAME = "authorized_official_first_name";
  public static final String AUTHORIZED_OFFICIAL_TITLE = "authorized_official_title";
  public static final String ENUMERATION_DATE = "enumeration_date";
  public static final String LAST_UPDATED = "last_updated";
  public static final String DEACTIVATION_REASON = "deactivation_reason";
  public static final String DEACTIVATION_DATE = "deactivation_date";
  public static final String REACTIVATION_DATE = "reactivation_date";
  /** Epoch millis of the latest of last_updated, deactivation and reactivation date: orders an NPI's records. */
  public static final String UPDATE_SEQUENCE = "update_sequence";

  /** {@code bulk} (an npidata_pfile) or {@code api} (an NPI Registry response). */
  public static final String SOURCE = "source";
  public static final String SOURCE_FILE = "source_file";
  /** The record's line in a bulk file; in an API landing, the response's line times 1,000 plus the result's index. */
  public static final String LINE_NUMBER = "line_number";
  public static final String RUN_ID = "run_id";
  public static final String INGESTED_AT = "ingested_at";

  public static final String SOURCE_BULK = "bulk";
  public static final String SOURCE_API = "api";
  public static final String NPI_INDIVIDUAL = "NPI-1";
  public static final String NPI_ORGANIZATION = "NPI-2";

  public static final List<String> PROVIDER_KEY = List.of(NPI);
  public static final List<String> LINEAGE_COLUMNS = List.of(SOURCE, SOURCE_FILE, LINE_NUMBER, RUN_ID, INGESTED_AT);

  /** Silver input: one NPPES record of a provider as of its last update. */
  public static final Schema PROVIDER = Schema.builder()
      .addStringField(NPI)
      .addNullableField(ENUMERATION_TYPE, FieldType.STRING)
      .addNullableField(ORGANIZATION_NAME, FieldType.STRING)
      .addNullableField(LAST_NAME, FieldType.STRING)
      .addNullableField(FIRST_NAME, FieldType.STRING)
      .addNullableField(MIDDLE_NAME, FieldType.STRING)
      .addNullableField(NAME_PREFIX, FieldType.STRING)
      .addNullableField(NAME_SUFFIX, FieldType.STRING)
      .addNullableField(CREDENTIAL, FieldType.STRING)
      .addNullableField(SEX, FieldType.STRING)
      .addNullableField(SOLE_PROPRIETOR, FieldType.BOOLEAN)
      .addNullableField(ORGANIZATIONAL_SUBPART, FieldType.BOOLEAN)
      .addNullableField(PRACTICE_ADDRESS_1, FieldType.STRING)
      .addNullableField(PRACTICE_ADDRESS_2, FieldType.STRING)
      .addNullableField(PRACTICE_CITY, FieldType.STRING)
      .addNullableField(PRACTICE_STATE, FieldType.STRING)
      .addNullableField(PRACTICE_POSTAL_CODE, FieldType.STRING)
      .addNullableField(PRACTICE_COUNTRY, FieldType.STRING)
      .addNullableField(PRACTICE_PHONE, FieldType.STRING)
      .addNullableField(MAILING_ADDRESS_1, FieldType.STRING)
      .addNullableField(MAILING_ADDRESS_2, FieldType.STRING)
      .addNullableField(MAILING_CITY, FieldType.STRING)
      .addNullableField(MAILING_STATE, FieldType.STRING)
      .addNullableField(MAILING_POSTAL_CODE, FieldType.STRING)
      .addNullableField(MAILING_COUNTRY, FieldType.STRING)
      .addNullableField(PRIMARY_TAXONOMY_CODE, FieldType.STRING)
      .addNullableField(PRIMARY_LICENSE_NUMBER, FieldType.STRING)
      .addNullableField(PRIMARY_LICENSE_STATE, FieldType.STRING)
      .addField(TAXONOMY_CODES, FieldType.array(FieldType.STRING))
      .addNullableField(AUTHORIZED_OFFICIAL_LAST_NAME, FieldType.STRING)
      .addNullableField(AUTHORIZED_OFFICIAL_FIRST_NAME, FieldType.STRING)
      .addNullableField(AUTHORIZED_OFFICIAL_TITLE, FieldType.STRING)
      .addNullableField(ENUMERATION_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addNullableField(LAST_UPDATED, FieldType.logicalType(SqlTypes.DATE))
      .addNullableField(DEACTIVATION_REASON, FieldType.STRING)
      .addNullableField(DEACTIVATION_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addNullableField(REACTIVATION_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addInt64Field(UPDATE_SEQUENCE)
      .addStringField(SOURCE)
      .addStringField(SOURCE_FILE)
      .addInt64Field(LINE_NUMBER)
      .addStringField(RUN_ID)
      .addDateTimeField(INGESTED_AT)
      .build();

  public static final String CODE = "code";
  public static final String DESCRIPTION = "description";
  public static final String SHORT_DESCRIPTION = "short_description";
  public static final String ADDED_DATE = "added_date";
  public static final String EFFECTIVE_DATE = "effective_date";
  public static final String TERMINATION_DATE = "termination_date";
  public static final String OBSOLETE = "obsolete";
  /**
   * Orders a code's records: the landing file's delivery date (epoch day) times 10^12, plus its part times
   * 10^9, plus its line number.
   */
  public static final String RECORD_SEQUENCE = "record_sequence";

  public static final List<String> CODE_KEY = List.of(CODE);
  public static final List<String> CODE_LINEAGE_COLUMNS = List.of(SOURCE_FILE, LINE_NUMBER, RECORD_SEQUENCE, RUN_ID,
      INGESTED_AT);

  /** Silver: one row per ICD-10-CM code, dotted as published ({@code E11.9}); the latest delivery wins. */
  public static final Schema DIAGNOSIS = Schema.builder()
      .addStringField(CODE)
      .addStringField(DESCRIPTION)
      .addStringField(SOURCE_FILE)
      .addInt64Field(LINE_NUMBER)
      .addInt64Field(RECORD_SEQUENCE)
      .addStringField(RUN_ID)
      .addDateTimeField(INGESTED_AT)
      .build();

  /** Silver: one row per HCPCS Level II code; the latest delivery wins. */
  public static final Schema PROCEDURE = Schema.builder()
      .addStringField(CODE)
      .addStringField(DESCRIPTION)
      .addNullableField(SHORT_DESCRIPTION, FieldType.STRING)
      .addNullableField(ADDED_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addNullableField(EFFECTIVE_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addNullableField(TERMINATION_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addNullableField(OBSOLETE, FieldType.BOOLEAN)
      .addStringField(SOURCE_FILE)
      .addInt64Field(LINE_NUMBER)
      .addInt64Field(RECORD_SEQUENCE)
      .addStringField(RUN_ID)
      .addDateTimeField(INGESTED_AT)
      .build();

  public static final String LOAD_RUN_ID = "load_run_id";
  public static final String LOADED_AT = "loaded_at";

  /**
   * Gold: one row per version of a provider (seed 003's {@code dim_provider}), current and historical, with
   * business names: a surrogate key stable across runs, the version's effective dates, whether it is the
   * current one, its status ({@code current}, {@code superseded} by a later version, or {@code deactivated},
   * with the deactivation date), and audit columns naming the source file and the run that loaded it.
   */
  public static final Schema DIM_PROVIDER = Schema.builder()
      .addInt64Field("provider_key")
      .addStringField(NPI)
      .addNullableField("provider_type", FieldType.STRING)
      .addNullableField("provider_name", FieldType.STRING)
      .addNullableField("first_name", FieldType.STRING)
      .addNullableField("middle_name", FieldType.STRING)
      .addNullableField("last_name", FieldType.STRING)
      .addNullableField("credential", FieldType.STRING)
      .addNullableField("gender", FieldType.STRING)
      .addNullableField("organization_name", FieldType.STRING)
      .addNullableField("primary_taxonomy_code", FieldType.STRING)
      .addNullableField("primary_license_number", FieldType.STRING)
      .addNullableField("primary_license_state", FieldType.STRING)
      .addField("taxonomy_codes", FieldType.array(FieldType.STRING))
      .addNullableField("practice_address_line_1", FieldType.STRING)
      .addNullableField("practice_address_line_2", FieldType.STRING)
      .addNullableField("practice_city", FieldType.STRING)
      .addNullableField("practice_state", FieldType.STRING)
      .addNullableField("practice_zip", FieldType.STRING)
      .addNullableField("practice_phone", FieldType.STRING)
      .addNullableField("enumeration_date", FieldType.logicalType(SqlTypes.DATE))
      .addNullableField("last_updated_date", FieldType.logicalType(SqlTypes.DATE))
      .addField("effective_from", FieldType.logicalType(SqlTypes.DATE))
      .addNullableField("effective_to", FieldType.logicalType(SqlTypes.DATE))
      .addBooleanField("is_current")
      .addStringField("record_status")
      .addNullableField(DEACTIVATION_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addInt32Field("version_number")
      .addStringField("version_id")
      .addStringField("source_system")
      .addStringField(SOURCE_FILE)
      .addStringField(LOAD_RUN_ID)
      .addDateTimeField(LOADED_AT)
      .build();

  /** Gold: one row per ICD-10-CM code, with its category (the three characters before the dot). */
  public static final Schema DIM_DIAGNOSIS = Schema.builder()
      .addInt64Field("diagnosis_key")
      .addStringField("icd10cm_code")
      .addStringField("icd10cm_code_undotted")
      .addStringField("category_code")
      .addStringField(DESCRIPTION)
      .addStringField(SOURCE_FILE)
      .addStringField(LOAD_RUN_ID)
      .addDateTimeField(LOADED_AT)
      .build();

  /** Gold: one row per HCPCS Level II code, with its effective and termination dates and whether it is obsolete. */
  public static final Schema DIM_PROCEDURE = Schema.builder()
      .addInt64Field("procedure_key")
      .addStringField("hcpcs_code")
      .addStringField("code_level")
      .addStringField(DESCRIPTION)
      .addNullableField(SHORT_DESCRIPTION, FieldType.STRING)
      .addNullableField(EFFECTIVE_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addNullableField(TERMINATION_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addNullableField("is_obsolete", FieldType.BOOLEAN)
      .addStringField(SOURCE_FILE)
      .addStringField(LOAD_RUN_ID)
      .addDateTimeField(LOADED_AT)
      .build();

  private Reference() {}
}
