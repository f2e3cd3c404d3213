package io.carelake.pipelines.staffing.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.beam.sdk.values.Row;

/**
 * The gold tables' rows as the report reads them: fields by name, so extra columns do not matter, and
 * any number possibly null. Numbers are read as {@link Number} so an INT32 where INT64 was expected (or
 * the reverse) reads the same.
 */
final class ReportRows {
  private ReportRows() {}

  /** A row of hprd_by_state. */
  record StateHprd(String state, String quarter, Long facilities, Double residentDays, Double hprdTotal,
      Double hprdRn, Double hprdLpn, Double hprdAide, Double contractShare) {
    static StateHprd of(Row row) {
      return new StateHprd(text(row, "state"), text(row, "cy_qtr"), whole(row, "facilities"),
          number(row, "resident_days"), number(row, "hprd_total"), number(row, "hprd_rn"), number(row, "hprd_lpn"),
          number(row, "hprd_aide"), number(row, "contract_share"));
    }
  }

  /** A row of hprd_by_facility. */
  record FacilityHprd(String ccn, String providerName, String state, String quarter, Long daysReported,
      Double avgCensus, Double hprdTotal, Double hprdRn, Double hprdLpn, Double hprdAide, Double contractShare) {
    static FacilityHprd of(Row row) {
      return new FacilityHprd(text(row, "ccn"), text(row, "provider_name"), text(row, "state"), text(row, "cy_qtr"),
          whole(row, "days_reported"), number(row, "avg_census"), number(row, "hprd_total"), number(row, "hprd_rn"),
          number(row, "hprd_lpn"), number(row, "hprd_aide"), number(row, "contract_share"));
    }
  }

  /** A row of staffing_mix. */
  record StateMix(String state, String quarter, Double employeeHours, Double contractHours, Double contractShare,
      Double rnContractShare, Double lpnContractShare, Double aideContractShare) {
    static StateMix of(Row row) {
      return new StateMix(text(row, "state"), text(row, "cy_qtr"), number(row, "employee_hours"),
          number(row, "contract_hours"), number(row, "contract_share"), number(row, "rn_contract_share"),
          number(row, "lpn_contract_share"), number(row, "aide_contract_share"));
    }
  }

  /** A row of staffing_vs_occupancy. */
  record FacilityOccupancy(String ccn, String providerName, String state, String quarter, Long certifiedBeds,
      Double avgCensus, Double utilization, Double hprdTotal, Double contractShare) {
    static FacilityOccupancy of(Row row) {
      return new FacilityOccupancy(text(row, "ccn"), text(row, "provider_name"), text(row, "state"),
          text(row, "cy_qtr"), whole(row, "certified_beds"), number(row, "avg_census"), number(row, "utilization"),
          number(row, "hprd_total"), number(row, "contract_share"));
    }
  }

  static <T> List<T> read(Collection<Row> rows, Function<Row, T> reader) {
    return rows.stream().map(reader).toList();
  }

  /** The latest quarter among rows: quarters are written "2025Q1", so they sort as text. */
  static <T> Optional<String> latestQuarter(Collection<T> rows, Function<T, String> quarter) {
    return rows.stream().map(quarter).filter(q -> !q.isEmpty()).max(Comparator.naturalOrder());
  }

  static <T> List<T> inQuarter(Collection<T> rows, Function<T, String> quarter, String wanted) {
    return rows.stream().filter(row -> quarter.apply(row).equals(wanted)).toList();
  }

  private static String text(Row row, String field) {
    Object value = row.getValue(field);
    return value == null ? "" : value.toString();
  }

  private static Double number(Row row, String field) {
    Number value = row.getValue(field);
    return value == null || Double.isNaN(value.doubleValue()) ? null : value.doubleValue();
  }

  private static Long whole(Row row, String field) {
    Number value = row.getValue(field);
    return value == null ? null : value.longValue();
  }
}
