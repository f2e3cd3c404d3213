package io.carelake.transforms.aggregate;

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

  private StaffingFacts() {}

  static Row dailyFact(Row day) {
    Double reported = day.getDouble(Staffing.CENSUS);
    double census = reported == null ? 0 : reported;
    double rn = hours(day, RN, "");
    double lpn = hours(day, LPN, "");
    double aide = hours(day, AIDE, "");
    double total = rn + lpn + aide;
    double employee = hours(day, RN, "_emp") + hours(day, LPN, "_emp") + hours(day, AIDE, "_emp");
    double contract = hours(day, RN, "_ctr") + hours(day, LPN, "_ctr") + hours(day, AIDE, "_ctr");
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
    Object[] values = new Object[SCHEMA.getFieldCount()];
    set(values, Staffing.CCN, day.getString(Staffing.CCN));
    set(values, Staffing.WORK_DATE, day.getValue(Staffing.WORK_DATE));
    set(values, Staffing.CY_QTR, day.getString(Staffing.CY_QTR));
    set(values, Staffing.STATE, day.getString(Staffing.STATE));
    set(values, "census", reported);
    set(values, "rn_hours_emp", hours(day, RN, "_emp"));
    set(values, "rn_hours_ctr", hours(day, RN, "_ctr"));
    set(values, "lpn_hours_emp", hours(day, LPN, "_emp"));
    set(values, "lpn_hours_ctr", hours(day, LPN, "_ctr"));
    set(values, "aide_hours_emp", hours(day, AIDE, "_emp"));
    set(values, "aide_hours_ctr", hours(day, AIDE, "_ctr"));
    set(values, "rn_hours", rn);
    set(values, "lpn_hours", lpn);
    set(values, "aide_hours", aide);
    set(values, "total_nurse_hours", total);
    set(values, "hprd_total", hprdTotal);
    set(values, "hprd_rn", perResident(rn, census));
    set(values, "hprd_lpn", perResident(lpn, census));
    set(values, "hprd_aide", hprdAide);
    set(values, "contract_share", share(contract, employee + contract));
    set(values, "included_in_averages", flags.isEmpty());
    set(values, "exclusion_flags", flags.isEmpty() ? null : String.join(",", flags));
    return Row.withSchema(SCHEMA).attachValues(Arrays.asList(values));
  }

  /** The sum of the roles' hours columns with {@code suffix} ("" for totals, "_emp", "_ctr"). */
  private static double hours(Row day, List<String> jobCodes, String suffix) {
    double sum = 0;
    for (String code : jobCodes) {
      Double hours = day.getDouble("hrs_" + code + suffix);
      sum += hours == null ? 0 : hours;
    }
    return sum;
  }

  static @Nullable Double perResident(double hours, double residents) {
    return residents > 0 ? hours / residents : null;
  }

  static @Nullable Double share(double part, double whole) {
    return whole > 0 ? part / whole : null;
  }

  private static void set(Object[] values, String column, Object value) {
    values[SCHEMA.indexOf(column)] = value;
  }
}
