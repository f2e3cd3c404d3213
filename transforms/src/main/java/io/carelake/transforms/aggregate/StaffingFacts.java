package io.carelake.transforms.aggregate;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkState;

import io.carelake.schemas.Staffing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A silver PBJ day as its gold daily fact: hours per nurse role (employee and contract), total nurse hours,
 * hours per resident day (HPRD) and contract share, and the data-quality flags that leave a day out of
 * averages without dropping it. Missing hours columns count as no hours. Plain Java.
 */
final class StaffingFacts {
  /** Above this total nurse HPRD a day is implausible (seed 004's rule) and left out of averages. */
  static final double MAX_TOTAL_HPRD = 12.0;
  /** Above this aide HPRD a day is implausible and left out of averages. */
  static final double MAX_AIDE_HPRD = 5.25;
  static final String NO_CENSUS = "no_census";
  static final String ZERO_CENSUS = "zero_census";
  static final String TOTAL_HPRD_ABOVE_MAX = "hprd_total_above_12";
  static final String AIDE_HPRD_ABOVE_MAX = "hprd_aide_above_5.25";

  private static final List<String> RN = List.of("rndon", "rnadmin", "rn");
  private static final List<String> LPN = List.of("lpnadmin", "lpn");
  private static final List<String> AIDE = List.of("cna", "natrn", "medaide");
  private static final Schema SCHEMA = Staffing.DAILY_FACT;
  /** The daily fact's columns, in the order {@link #dailyFact} gives their values. */
  private static final List<String> FACT_COLUMNS = List.of(Staffing.CCN, Staffing.WORK_DATE, Staffing.CY_QTR,
      Staffing.STATE, "census", "rn_hours_emp", "rn_hours_ctr", "lpn_hours_emp", "lpn_hours_ctr", "aide_hours_emp",
      "aide_hours_ctr", "rn_hours", "lpn_hours", "aide_hours", "total_nurse_hours", "hprd_total", "hprd_rn", "hprd_lpn",
      "hprd_aide", "contract_share", "included_in_averages", "exclusion_flags");

  static {
    checkState(SCHEMA.getFieldNames().equals(FACT_COLUMNS), "the daily fact's columns are %s, not %s",
        SCHEMA.getFieldNames(), FACT_COLUMNS);
  }

  private StaffingFacts() {}

  static Row dailyFact(Row day) {
    DayColumns columns = DayColumns.of(day.getSchema());
    Double reported = day.getDouble(columns.census);
    double census = reported == null ? 0 : reported;
    double rnEmployee = sum(day, columns.rnEmployee);
    double rnContract = sum(day, columns.rnContract);
    double lpnEmployee = sum(day, columns.lpnEmployee);
    double lpnContract = sum(day, columns.lpnContract);
    double aideEmployee = sum(day, columns.aideEmployee);
    double aideContract = sum(day, columns.aideContract);
    double rn = sum(day, columns.rn);
    double lpn = sum(day, columns.lpn);
    double aide = sum(day, columns.aide);
    double total = rn + lpn + aide;
    double employee = rnEmployee + lpnEmployee + aideEmployee;
    double contract = rnContract + lpnContract + aideContract;
    Double hprdTotal = perResident(total, census);
    Double hprdAide = perResident(aide, census);
    List<String> flags = new ArrayList<>(0);
    if (reported == null) {
      flags.add(NO_CENSUS);
    } else if (census == 0) {
      flags.add(ZERO_CENSUS);
    }
    if (hprdTotal != null && hprdTotal > MAX_TOTAL_HPRD) {
      flags.add(TOTAL_HPRD_ABOVE_MAX);
    }
    if (hprdAide != null && hprdAide > MAX_AIDE_HPRD) {
      flags.add(AIDE_HPRD_ABOVE_MAX);
    }
    // In the daily fact's column order.
    return Row.withSchema(SCHEMA).attachValues(Arrays.asList(
        day.getString(columns.ccn), day.getValue(columns.workDate), day.getString(columns.quarter),
        day.getString(columns.state), reported,
        rnEmployee, rnContract, lpnEmployee, lpnContract, aideEmployee, aideContract,
        rn, lpn, aide, total,
        hprdTotal, perResident(rn, census), perResident(lpn, census), hprdAide, share(contract, employee + contract),
        flags.isEmpty(), flags.isEmpty() ? null : String.join(",", flags)));
  }

  private static double sum(Row day, int[] columns) {
    double sum = 0;
    for (int column : columns) {
      Double hours = day.getDouble(column);
      sum += hours == null ? 0 : hours;
    }
    return sum;
  }

  /**
   * Where a silver day's columns are, found once per schema: a day's fact reads 30 of them, and by name
   * each read is a map lookup (and the hours' names would be built for every day).
   */
  private static final class DayColumns {
    private static volatile DayColumns last;

    private final Schema schema;
    final int ccn;
    final int workDate;
    final int quarter;
    final int state;
    final int census;
    final int[] rn;
    final int[] lpn;
    final int[] aide;
    final int[] rnEmployee;
    final int[] rnContract;
    final int[] lpnEmployee;
    final int[] lpnContract;
    final int[] aideEmployee;
    final int[] aideContract;

    private DayColumns(Schema schema) {
      this.schema = schema;
      ccn = schema.indexOf(Staffing.CCN);
      workDate = schema.indexOf(Staffing.WORK_DATE);
      quarter = schema.indexOf(Staffing.CY_QTR);
      state = schema.indexOf(Staffing.STATE);
      census = schema.indexOf(Staffing.CENSUS);
      rn = hours(schema, RN, "");
      lpn = hours(schema, LPN, "");
      aide = hours(schema, AIDE, "");
      rnEmployee = hours(schema, RN, "_emp");
      rnContract = hours(schema, RN, "_ctr");
      lpnEmployee = hours(schema, LPN, "_emp");
      lpnContract = hours(schema, LPN, "_ctr");
      aideEmployee = hours(schema, AIDE, "_emp");
      aideContract = hours(schema, AIDE, "_ctr");
    }

    static DayColumns of(Schema schema) {
      DayColumns columns = last;
      // Rows decoded by one coder share its schema: one comparison of references per day.
      if (columns == null || columns.schema != schema) {
        columns = new DayColumns(schema);
        last = columns;
      }
      return columns;
    }

    /** The roles' hours columns with {@code suffix} ("" for totals, "_emp", "_ctr"). */
    private static int[] hours(Schema schema, List<String> jobCodes, String suffix) {
      return jobCodes.stream().mapToInt(code -> schema.indexOf("hrs_" + code + suffix)).toArray();
    }
  }

  static @Nullable Double perResident(double hours, double residents) {
    return residents > 0 ? hours / residents : null;
  }

  static @Nullable Double share(double part, double whole) {
    return whole > 0 ? part / whole : null;
  }
}
