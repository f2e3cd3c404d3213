package io.carelake.pipelines.staffing.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;

/**
 * Rows shaped like the staffing pipeline's gold tables, hand-made or generated: a realistic spread of
 * facilities over states and quarters for the report to draw. Names, numbers and CCNs are invented.
 */
final class ReportRowsFixture {
  static final Schema HPRD_BY_STATE = Schema.builder()
      .addStringField("state").addStringField("cy_qtr").addInt64Field("facilities")
      .addNullableField("resident_days", FieldType.DOUBLE).addNullableField("hprd_total", FieldType.DOUBLE)
      .addNullableField("hprd_rn", FieldType.DOUBLE).addNullableField("hprd_lpn", FieldType.DOUBLE)
      .addNullableField("hprd_aide", FieldType.DOUBLE).addNullableField("contract_share", FieldType.DOUBLE)
      .build();
  static final Schema HPRD_BY_FACILITY = Schema.builder()
      .addStringField("ccn").addStringField("provider_name").addStringField("state").addStringField("cy_qtr")
      .addInt64Field("days_reported").addNullableField("avg_census", FieldType.DOUBLE)
      .addNullableField("hprd_total", FieldType.DOUBLE).addNullableField("hprd_rn", FieldType.DOUBLE)
      .addNullableField("hprd_lpn", FieldType.DOUBLE).addNullableField("hprd_aide", FieldType.DOUBLE)
      .addNullableField("contract_share", FieldType.DOUBLE)
      .build();
  static final Schema STAFFING_MIX = Schema.builder()
      .addStringField("state").addStringField("cy_qtr")
      .addNullableField("employee_hours", FieldType.DOUBLE).addNullableField("contract_hours", FieldType.DOUBLE)
      .addNullableField("contract_share", FieldType.DOUBLE).addNullableField("rn_contract_share", FieldType.DOUBLE)
      .addNullableField("lpn_contract_share", FieldType.DOUBLE)
      .addNullableField("aide_contract_share", FieldType.DOUBLE)
      .build();
  static final Schema STAFFING_VS_OCCUPANCY = Schema.builder()
      .addStringField("ccn").addStringField("provider_name").addStringField("state").addStringField("cy_qtr")
      .addNullableField("certified_beds", FieldType.INT32).addNullableField("avg_census", FieldType.DOUBLE)
      .addNullableField("utilization", FieldType.DOUBLE).addNullableField("hprd_total", FieldType.DOUBLE)
      .addNullableField("contract_share", FieldType.DOUBLE)
      .build();

  private static final String[] STATES = {"AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU",
      "HI", "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND",
      "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA",
      "VT", "WA", "WI", "WV", "WY"};
  private static final String[] PLACES = {"St. Mary's", "O'Connor", "Riverside", "Oak Hill", "Maple Grove",
      "Cedar Ridge", "Lakeview", "Sunrise", "Pine Valley", "Heritage", "Willow Creek", "Good Samaritan",
      "Brookdale", "Fairview", "Golden Living", "Mountain View", "Crestwood", "Evergreen", "Bay Shore", "Highland"};
  private static final String[] KINDS = {"Nursing & Rehabilitation Center", "Care Center", "Health Care Center",
      "Manor", "Healthcare & Rehab", "Gardens Skilled Nursing", "Post-Acute Care", "Senior Living & Care"};

  private ReportRowsFixture() {}

  /** The four tables, in the order StaffingReport takes them. */
  record Tables(List<Row> hprdByState, List<Row> hprdByFacility, List<Row> staffingMix,
      List<Row> staffingVsOccupancy) {}

  static Row state(String state, String quarter, long facilities, Double residentDays, Double hprdTotal,
      Double hprdRn, Double hprdLpn, Double hprdAide, Double contractShare) {
    return Row.withSchema(HPRD_BY_STATE).addValues(state, quarter, facilities, residentDays, hprdTotal, hprdRn,
        hprdLpn, hprdAide, contractShare).build();
  }

  static Row facility(String ccn, String name, String state, String quarter, long daysReported, Double avgCensus,
      Double hprdTotal, Double hprdRn, Double hprdLpn, Double hprdAide, Double contractShare) {
    return Row.withSchema(HPRD_BY_FACILITY).addValues(ccn, name, state, quarter, daysReported, avgCensus, hprdTotal,
        hprdRn, hprdLpn, hprdAide, contractShare).build();
  }

  /** A facility with only its total HPRD of interest. */
  static Row facility(String ccn, String name, String state, String quarter, Double hprdTotal) {
    return facility(ccn, name, state, quarter, 90, 80.0, hprdTotal, hprdTotal == null ? null : hprdTotal * 0.2,
        hprdTotal == null ? null : hprdTotal * 0.25, hprdTotal == null ? null : hprdTotal * 0.55, 0.1);
  }

  static Row mix(String state, String quarter, Double employeeHours, Double contractHours, Double contractShare,
      Double rnContractShare, Double lpnContractShare, Double aideContractShare) {
    return Row.withSchema(STAFFING_MIX).addValues(state, quarter, employeeHours, contractHours, contractShare,
        rnContractShare, lpnContractShare, aideContractShare).build();
  }

  static Row occupancy(String ccn, String name, String state, String quarter, Integer certifiedBeds,
      Double avgCensus, Double utilization, Double hprdTotal, Double contractShare) {
    return Row.withSchema(STAFFING_VS_OCCUPANCY).addValues(ccn, name, state, quarter, certifiedBeds, avgCensus,
        utilization, hprdTotal, contractShare).build();
  }

  /**
   * Facilities spread unevenly over states, each state with its own staffing level and reliance on
   * agency staff, fuller homes staffing a little thinner; a few facilities without certified beds. The
   * state and mix rows are the facilities' resident-day weighted aggregates, as the gold tables are.
   */
  static Tables generated(int stateCount, int facilityCount, List<String> quarters, long seed) {
    Random random = new Random(seed);
    String[] states = Arrays.copyOf(STATES, Math.min(stateCount, STATES.length));
    double[] stateLevel = new double[states.length];
    double[] stateContract = new double[states.length];
    for (int s = 0; s < states.length; s++) {
      stateLevel[s] = 3.75 + random.nextGaussian() * 0.35;
      stateContract[s] = Math.max(0, 0.08 + random.nextGaussian() * 0.05);
    }
    List<Row> facilities = new ArrayList<>();
    List<Row> occupancy = new ArrayList<>();
    Map<String, StateTotals> totals = new LinkedHashMap<>();
    for (int f = 0; f < facilityCount; f++) {
      // Squaring the draw crowds facilities into the first states, as in the real data.
      int s = (int) (states.length * Math.pow(random.nextDouble(), 1.6));
      String ccn = String.format("%02d%04d", s + 1, f % 10_000);
      String name = PLACES[random.nextInt(PLACES.length)] + " " + KINDS[random.nextInt(KINDS.length)];
      Integer beds = random.nextDouble() < 0.04 ? null : 40 + random.nextInt(200);
      double baseUtilization = clamp(0.8 + random.nextGaussian() * 0.1, 0.3, 1.02);
      // Log-normal: staffing is skewed, a long tail of well staffed homes and few below two hours.
      double baseHprd = stateLevel[s] * Math.exp(random.nextGaussian() * 0.15);
      double contract = clamp(stateContract[s] + Math.abs(random.nextGaussian()) * 0.08 - 0.04, 0, 0.7);
      for (String quarter : quarters) {
        double utilization = clamp(baseUtilization + random.nextGaussian() * 0.02, 0.3, 1.05);
        double census = beds == null ? 30 + random.nextInt(120) : beds * utilization;
        double hprd = baseHprd * Math.exp(random.nextGaussian() * 0.03) - 0.8 * (utilization - 0.8);
        double rn = hprd * (0.12 + random.nextDouble() * 0.12);
        double lpn = hprd * (0.2 + random.nextDouble() * 0.1);
        long days = 88 + random.nextInt(3);
        facilities.add(facility(ccn, name, states[s], quarter, days, census, hprd, rn, lpn, hprd - rn - lpn, contract));
        occupancy.add(occupancy(ccn, name, states[s], quarter, beds, census, beds == null ? null : census / beds, hprd,
            contract));
        totals.computeIfAbsent(states[s] + "|" + quarter, key -> new StateTotals()).add(census * days, hprd, rn, lpn,
            contract);
      }
    }
    List<Row> stateRows = new ArrayList<>();
    List<Row> mixRows = new ArrayList<>();
    totals.forEach((key, t) -> {
      String state = key.substring(0, key.indexOf('|'));
      String quarter = key.substring(key.indexOf('|') + 1);
      double hours = t.hours;
      stateRows.add(state(state, quarter, t.facilities, t.residentDays, hours / t.residentDays,
          t.rnHours / t.residentDays, t.lpnHours / t.residentDays, (hours - t.rnHours - t.lpnHours) / t.residentDays,
          t.contractHours / hours));
      double share = t.contractHours / hours;
      mixRows.add(mix(state, quarter, hours - t.contractHours, t.contractHours, share, clamp(share * 1.3, 0, 1),
          clamp(share * 1.1, 0, 1), clamp(share * 0.85, 0, 1)));
    });
    return new Tables(stateRows, facilities, mixRows, occupancy);
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  /** One state's sums over a quarter. */
  private static final class StateTotals {
    long facilities;
    double residentDays;
    double hours;
    double rnHours;
    double lpnHours;
    double contractHours;

    void add(double residentDays, double hprd, double rn, double lpn, double contract) {
      facilities++;
      this.residentDays += residentDays;
      hours += hprd * residentDays;
      rnHours += rn * residentDays;
      lpnHours += lpn * residentDays;
      contractHours += hprd * residentDays * contract;
    }
  }
}
