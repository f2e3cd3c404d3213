package io.carelake.pipelines.staffing;

import static io.carelake.pipelines.staffing.StaffingValues.required;

import io.carelake.schemas.LandingFile;
import io.carelake.schemas.Staffing;
import io.carelake.schemas.Violation;
import io.carelake.transforms.extract.LandingContract;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;

/**
 * A CSV record of a staffing file as its silver row, typed with {@link StaffingValues}: plain Java, so that
 * the pipeline's read step and the tests do the same work. A record with any violation has no row.
 */
final class SilverStaffingRows {
  private static final List<String> PBJ_TEXT = List.of(Staffing.PROVIDER_NAME, "city", Staffing.STATE, "county_name",
      "county_fips");
  private static final int[] HOURS_INDEX =
      Staffing.HOURS_COLUMNS.stream().mapToInt(Staffing.DAILY::indexOf).toArray();

  private final Schema schema;
  private final String runId;
  private final Instant ingestedAt;
  /** Where the hours columns are in the values of the file whose positions these are: found once per header. */
  private StaffingColumns.Positions hoursFoundFor;
  private int[] hoursAt;
  private LandingFile deliveredFile;
  private LocalDate delivered;

  SilverStaffingRows(String dataset, String runId, Instant ingestedAt) {
    this.schema = StaffingDatasets.schemaOf(dataset);
    this.runId = runId;
    this.ingestedAt = ingestedAt;
  }

  /**
   * A PBJ day. Its sequence is the file's delivery date, part and line: of two copies of a facility's day,
   * the later delivery wins, and within a delivery the later line.
   */
  Row pbj(LandingFile file, long line, StaffingColumns.Positions columns, List<String> values,
      List<Violation> violations) {
    Object[] row = new Object[schema.getFieldCount()];
    String rawCcn = columns.valueOf(Staffing.CCN, values);
    set(row, Staffing.CCN, required(StaffingValues.ccn(rawCcn, Staffing.CCN, violations), rawCcn, Staffing.CCN, violations));
    String rawDate = columns.valueOf(Staffing.WORK_DATE, values);
    LocalDate workDate = required(StaffingValues.date(rawDate, Staffing.WORK_DATE, violations), rawDate,
        Staffing.WORK_DATE, violations);
    set(row, Staffing.WORK_DATE, workDate);
    set(row, Staffing.CY_QTR, workDate == null ? null : StaffingValues.quarterOf(workDate));
    for (String column : PBJ_TEXT) {
      set(row, column, StaffingValues.text(columns.valueOf(column, values)));
    }
    // A day without a census stays (gold flags it); a census that does not parse is quarantined.
    set(row, Staffing.CENSUS, StaffingValues.amount(columns.valueOf(Staffing.CENSUS, values), Staffing.CENSUS, violations));
    if (columns != hoursFoundFor) {
      hoursAt = Staffing.HOURS_COLUMNS.stream()
          .mapToInt(column -> columns.positions().getOrDefault(column, -1)).toArray();
      hoursFoundFor = columns;
    }
    for (int i = 0; i < HOURS_INDEX.length; i++) {
      String raw = hoursAt[i] < 0 ? null : values.get(hoursAt[i]);
      row[HOURS_INDEX[i]] = StaffingValues.amount(raw, Staffing.HOURS_COLUMNS.get(i), violations);
    }
    return violations.isEmpty() ? lineage(row, file, line, deliveryDateOf(file)) : null;
  }

  /** The file's delivery date, parsed once per file rather than once per day. */
  private LocalDate deliveryDateOf(LandingFile file) {
    if (deliveredFile != file) {
      delivered = LocalDate.parse(file.getDeliveryDate());
      deliveredFile = file;
    }
    return delivered;
  }

  /**
   * A Provider Info facility. Its sequence is the record's processing date, then the file's part and line:
   * the latest processing date wins, whichever file brought it.
   */
  Row providerInfo(LandingFile file, long line, StaffingColumns.Positions columns, List<String> values,
      List<Violation> violations) {
    Object[] row = new Object[schema.getFieldCount()];
    String rawCcn = columns.valueOf(Staffing.CCN, values);
    set(row, Staffing.CCN, required(StaffingValues.ccn(rawCcn, Staffing.CCN, violations), rawCcn, Staffing.CCN, violations));
    for (String column : List.of(Staffing.PROVIDER_NAME, "address", "city", "zip", "county", "ownership_type",
        "provider_type")) {
      set(row, column, StaffingValues.text(columns.valueOf(column, values)));
    }
    String state = StaffingValues.text(columns.valueOf(Staffing.STATE, values));
    set(row, Staffing.STATE, state == null ? null : state.toUpperCase());
    for (String column : List.of(Staffing.CERTIFIED_BEDS, "overall_rating", "staffing_rating")) {
      set(row, column, StaffingValues.integer(columns.valueOf(column, values), column, violations));
    }
    for (String column : List.of("avg_residents_per_day", "reported_total_nurse_hprd")) {
      set(row, column, StaffingValues.amount(columns.valueOf(column, values), column, violations));
    }
    for (String column : List.of("latitude", "longitude")) {
      set(row, column, StaffingValues.number(columns.valueOf(column, values), column, violations));
    }
    String rawDate = columns.valueOf(Staffing.PROCESSING_DATE, values);
    LocalDate processed = required(StaffingValues.date(rawDate, Staffing.PROCESSING_DATE, violations), rawDate,
        Staffing.PROCESSING_DATE, violations);
    set(row, Staffing.PROCESSING_DATE, processed);
    return violations.isEmpty() ? lineage(row, file, line, processed) : null;
  }

  private Row lineage(Object[] row, LandingFile file, long line, LocalDate sequenceDate) {
    set(row, Staffing.SOURCE_FILE, file.getName());
    set(row, Staffing.LINE_NUMBER, line);
    set(row, Staffing.RECORD_SEQUENCE, LandingContract.recordSequence(sequenceDate, file.getPart(), line));
    set(row, Staffing.RUN_ID, runId);
    set(row, Staffing.INGESTED_AT, ingestedAt);
    // Values are of the schema's types already: attached, not checked field by field again.
    return Row.withSchema(schema).attachValues(Arrays.asList(row));
  }

  private void set(Object[] row, String column, Object value) {
    row[schema.indexOf(column)] = value;
  }
}
