package io.carelake.schemas;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;

/**
 * Tables of the staffing pipeline: CMS Payroll-Based-Journal (PBJ) daily nurse staffing and Nursing Home
 * Provider Info in silver, and the gold star schema derived from them. Nurse roles follow CMS's staffing
 * measures: RN = director of nursing + RN with administrative duties + RN; LPN = LPN with administrative
 * duties + LPN; aide = certified nurse aide + aide in training + medication aide.
 */
public final class Staffing {
  public static final String CCN = "ccn";
  public static final String WORK_DATE = "work_date";
  public static final String CY_QTR = "cy_qtr";
  public static final String PROVIDER_NAME = "provider_name";
  public static final String STATE = "state";
  public static final String CENSUS = "mds_census";
  public static final String PROCESSING_DATE = "processing_date";
  public static final String CERTIFIED_BEDS = "certified_beds";
  public static final String SOURCE_FILE = "source_file";
  public static final String LINE_NUMBER = "line_number";
  public static final String RECORD_SEQUENCE = "record_sequence";
  public static final String RUN_ID = "run_id";
  public static final String INGESTED_AT = "ingested_at";

  public static final List<String> DAILY_KEY = List.of(CCN, WORK_DATE);
  public static final List<String> PROVIDER_KEY = List.of(CCN);
  public static final List<String> LINEAGE_COLUMNS =
      List.of(SOURCE_FILE, LINE_NUMBER, RECORD_SEQUENCE, RUN_ID, INGESTED_AT);

  /** PBJ's hours columns, in file order: each job code's total, then employee and contract hours. */
  public static final List<String> JOB_CODES =
      List.of("rndon", "rnadmin", "rn", "lpnadmin", "lpn", "cna", "natrn", "medaide");
  public static final List<String> HOURS_COLUMNS = hoursColumns();

  /** Silver: one row per facility and work date, typed; the latest delivery of a day wins. */
  public static final Schema DAILY = daily();

  /** Silver: one row per facility, from Provider Info; the latest processing date wins. */
  public static final Schema PROVIDER_INFO = Schema.builder()
      .addStringField(CCN)
      .addNullableField(PROVIDER_NAME, FieldType.STRING)
      .addNullableField("address", FieldType.STRING)
      .addNullableField("city", FieldType.STRING)
      .addNullableField(STATE, FieldType.STRING)
      .addNullableField("zip", FieldType.STRING)
      .addNullableField("county", FieldType.STRING)
      .addNullableField("ownership_type", FieldType.STRING)
      .addNullableField("provider_type", FieldType.STRING)
      .addNullableField(CERTIFIED_BEDS, FieldType.INT32)
      .addNullableField("avg_residents_per_day", FieldType.DOUBLE)
      .addNullableField("overall_rating", FieldType.INT32)
      .addNullableField("staffing_rating", FieldType.INT32)
      .addNullableField("reported_total_nurse_hprd", FieldType.DOUBLE)
      .addNullableField("latitude", FieldType.DOUBLE)
      .addNullableField("longitude", FieldType.DOUBLE)
      .addField(PROCESSING_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addStringField(SOURCE_FILE)
      .addInt64Field(LINE_NUMBER)
      .addInt64Field(RECORD_SEQUENCE)
      .addStringField(RUN_ID)
      .addDateTimeField(INGESTED_AT)
      .build();

  /** Gold: one row per facility seen in Provider Info or PBJ; Provider Info's values where it has them. */
  public static final Schema FACILITY_DIM = Schema.builder()
      .addStringField(CCN)
      .addNullableField(PROVIDER_NAME, FieldType.STRING)
      .addNullableField("address", FieldType.STRING)
      .addNullableField("city", FieldType.STRING)
      .addNullableField(STATE, FieldType.STRING)
      .addNullableField("zip", FieldType.STRING)
      .addNullableField("county", FieldType.STRING)
      .addNullableField("ownership_type", FieldType.STRING)
      .addNullableField("provider_type", FieldType.STRING)
      .addNullableField(CERTIFIED_BEDS, FieldType.INT32)
      .addNullableField("overall_rating", FieldType.INT32)
      .addNullableField("staffing_rating", FieldType.INT32)
      .addNullableField("latitude", FieldType.DOUBLE)
      .addNullableField("longitude", FieldType.DOUBLE)
      .addNullableField(PROCESSING_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addBooleanField("in_provider_info")
      .addBooleanField("in_pbj")
      .addNullableField("first_work_date", FieldType.logicalType(SqlTypes.DATE))
      .addNullableField("last_work_date", FieldType.logicalType(SqlTypes.DATE))
      .build();

  /**
   * Gold: one row per facility and work date. A day without a census or with a zero census, total nurse
   * HPRD above 12 or aide HPRD above 5.25 stays, flagged in {@code exclusion_flags}, and is left out of
   * every average.
   */
  public static final Schema DAILY_FACT = Schema.builder()
      .addStringField(CCN)
      .addField(WORK_DATE, FieldType.logicalType(SqlTypes.DATE))
      .addStringField(CY_QTR)
      .addNullableField(STATE, FieldType.STRING)
      .addNullableField("census", FieldType.DOUBLE)
      .addDoubleField("rn_hours_emp")
      .addDoubleField("rn_hours_ctr")
      .addDoubleField("lpn_hours_emp")
      .addDoubleField("lpn_hours_ctr")
      .addDoubleField("aide_hours_emp")
      .addDoubleField("aide_hours_ctr")
      .addDoubleField("rn_hours")
      .addDoubleField("lpn_hours")
      .addDoubleField("aide_hours")
      .addDoubleField("total_nurse_hours")
      .addNullableField("hprd_total", FieldType.DOUBLE)
      .addNullableField("hprd_rn", FieldType.DOUBLE)
      .addNullableField("hprd_lpn", FieldType.DOUBLE)
      .addNullableField("hprd_aide", FieldType.DOUBLE)
      .addNullableField("contract_share", FieldType.DOUBLE)
      .addBooleanField("included_in_averages")
      .addNullableField("exclusion_flags", FieldType.STRING)
      .build();

  /** Gold: one row per facility and quarter, over its included days. */
  public static final Schema QUARTERLY_FACT = Schema.builder()
      .addStringField(CCN)
      .addStringField(CY_QTR)
      .addNullableField(PROVIDER_NAME, FieldType.STRING)
      .addNullableField(STATE, FieldType.STRING)
      .addInt64Field("days_reported")
      .addInt64Field("days_included")
      .addDoubleField("resident_days")
      .addNullableField("avg_census", FieldType.DOUBLE)
      .addNullableField("hprd_total", FieldType.DOUBLE)
      .addNullableField("hprd_rn", FieldType.DOUBLE)
      .addNullableField("hprd_lpn", FieldType.DOUBLE)
      .addNullableField("hprd_aide", FieldType.DOUBLE)
      .addNullableField("contract_share", FieldType.DOUBLE)
      .addNullableField(CERTIFIED_BEDS, FieldType.INT32)
      .addNullableField("utilization", FieldType.DOUBLE)
      .build();

  /** Gold view: facility HPRD per quarter, with the facility's name. */
  public static final Schema HPRD_BY_FACILITY = columnsOf(QUARTERLY_FACT, CCN, PROVIDER_NAME, STATE, CY_QTR,
      "days_reported", "avg_census", "hprd_total", "hprd_rn", "hprd_lpn", "hprd_aide", "contract_share");

  /** Gold view: per state and quarter, resident-day weighted HPRD over the included days of its facilities. */
  public static final Schema HPRD_BY_STATE = Schema.builder()
      .addStringField(STATE)
      .addStringField(CY_QTR)
      .addInt64Field("facilities")
      .addDoubleField("resident_days")
      .addNullableField("hprd_total", FieldType.DOUBLE)
      .addNullableField("hprd_rn", FieldType.DOUBLE)
      .addNullableField("hprd_lpn", FieldType.DOUBLE)
      .addNullableField("hprd_aide", FieldType.DOUBLE)
      .addNullableField("contract_share", FieldType.DOUBLE)
      .build();

  /** Gold view: employee and contract nurse hours per state and quarter. */
  public static final Schema STAFFING_MIX = Schema.builder()
      .addStringField(STATE)
      .addStringField(CY_QTR)
      .addDoubleField("employee_hours")
      .addDoubleField("contract_hours")
      .addNullableField("contract_share", FieldType.DOUBLE)
      .addNullableField("rn_contract_share", FieldType.DOUBLE)
      .addNullableField("lpn_contract_share", FieldType.DOUBLE)
      .addNullableField("aide_contract_share", FieldType.DOUBLE)
      .build();

  /** Gold view: average residents against certified beds, per facility and quarter. */
  public static final Schema UTILIZATION = columnsOf(QUARTERLY_FACT, CCN, PROVIDER_NAME, STATE, CY_QTR,
      CERTIFIED_BEDS, "avg_census", "utilization");

  /** Gold view: staffing against occupancy, per facility and quarter (the report's scatter). */
  public static final Schema STAFFING_VS_OCCUPANCY = columnsOf(QUARTERLY_FACT, CCN, PROVIDER_NAME, STATE, CY_QTR,
      CERTIFIED_BEDS, "avg_census", "utilization", "hprd_total", "contract_share");

  private Staffing() {}

  /** The views of the quarterly fact are some of its columns, in view order, with the fact's types. */
  private static Schema columnsOf(Schema fact, String... columns) {
    Schema.Builder view = Schema.builder();
    for (String column : columns) {
      view.addField(fact.getField(column));
    }
    return view.build();
  }

  private static List<String> hoursColumns() {
    List<String> columns = new java.util.ArrayList<>();
    for (String code : JOB_CODES) {
      columns.add("hrs_" + code);
      columns.add("hrs_" + code + "_emp");
      columns.add("hrs_" + code + "_ctr");
    }
    return List.copyOf(columns);
  }

  private static Schema daily() {
    Schema.Builder daily = Schema.builder()
        .addStringField(CCN)
        .addField(WORK_DATE, FieldType.logicalType(SqlTypes.DATE))
        .addStringField(CY_QTR)
        .addNullableField(PROVIDER_NAME, FieldType.STRING)
        .addNullableField("city", FieldType.STRING)
        .addNullableField(STATE, FieldType.STRING)
        .addNullableField("county_name", FieldType.STRING)
        .addNullableField("county_fips", FieldType.STRING)
        .addNullableField(CENSUS, FieldType.DOUBLE);
    HOURS_COLUMNS.forEach(column -> daily.addNullableField(column, FieldType.DOUBLE));
    return daily
        .addStringField(SOURCE_FILE)
        .addInt64Field(LINE_NUMBER)
        .addInt64Field(RECORD_SEQUENCE)
        .addStringField(RUN_ID)
        .addDateTimeField(INGESTED_AT)
        .build();
  }
}
