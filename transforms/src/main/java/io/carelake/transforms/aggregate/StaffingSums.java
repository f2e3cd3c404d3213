package io.carelake.transforms.aggregate;

import io.carelake.schemas.Staffing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.Row;

/**
 * Staffing of a facility-quarter or a state-quarter: days, resident days and hours per role over the days
 * included in averages. Sums are exact integers of thousandths (PBJ hours have two decimals), so that any
 * runner, adding days in any order, gets the same HPRD to the last bit.
 */
final class StaffingSums {
  private static final int FIELDS = 13;
  private static final int FACILITIES = 0;
  private static final int DAYS_REPORTED = 1;
  private static final int DAYS_INCLUDED = 2;
  private static final int RESIDENT_DAYS = 3;
  private static final int RN = 4;
  private static final int LPN = 5;
  private static final int AIDE = 6;
  private static final int RN_EMP = 7;
  private static final int RN_CTR = 8;
  private static final int LPN_EMP = 9;
  private static final int LPN_CTR = 10;
  private static final int AIDE_EMP = 11;
  private static final int AIDE_CTR = 12;

  private final long[] sums;

  private StaffingSums(long[] sums) {
    this.sums = sums;
  }

  static StaffingSums empty() {
    return new StaffingSums(new long[FIELDS]);
  }

  /** One day of a daily fact row (of {@link Staffing#DAILY_FACT}). */
  static StaffingSums ofDay(Row fact) {
    long[] sums = new long[FIELDS];
    sums[DAYS_REPORTED] = 1;
    if (fact.getBoolean(FactColumns.INCLUDED)) {
      sums[DAYS_INCLUDED] = 1;
      sums[RESIDENT_DAYS] = thousandths(fact.getDouble(FactColumns.CENSUS));
      for (int i = 0; i < FactColumns.HOURS.length; i++) {
        sums[FactColumns.HOURS_SUMS[i]] = thousandths(fact.getDouble(FactColumns.HOURS[i]));
      }
    }
    return new StaffingSums(sums);
  }

  /** Where a daily fact's columns are: summed for every day, read by position. */
  private static final class FactColumns {
    static final int INCLUDED = Staffing.DAILY_FACT.indexOf("included_in_averages");
    static final int CENSUS = Staffing.DAILY_FACT.indexOf("census");
    static final int[] HOURS = Stream.of("rn_hours", "lpn_hours", "aide_hours", "rn_hours_emp", "rn_hours_ctr",
        "lpn_hours_emp", "lpn_hours_ctr", "aide_hours_emp", "aide_hours_ctr")
        .mapToInt(Staffing.DAILY_FACT::indexOf).toArray();
    /** The sum each of {@link #HOURS} adds to. */
    static final int[] HOURS_SUMS = {RN, LPN, AIDE, RN_EMP, RN_CTR, LPN_EMP, LPN_CTR, AIDE_EMP, AIDE_CTR};
  }

  /** These sums as one facility's share of a state's. */
  StaffingSums asFacility() {
    long[] copy = sums.clone();
    copy[FACILITIES] = 1;
    return new StaffingSums(copy);
  }

  StaffingSums plus(StaffingSums other) {
    long[] total = sums.clone();
    for (int i = 0; i < FIELDS; i++) {
      total[i] += other.sums[i];
    }
    return new StaffingSums(total);
  }

  long facilities() {
    return sums[FACILITIES];
  }

  long daysReported() {
    return sums[DAYS_REPORTED];
  }

  long daysIncluded() {
    return sums[DAYS_INCLUDED];
  }

  double residentDays() {
    return sums[RESIDENT_DAYS] / 1000.0;
  }

  Double avgCensus() {
    return sums[DAYS_INCLUDED] == 0 ? null : sums[RESIDENT_DAYS] / 1000.0 / sums[DAYS_INCLUDED];
  }

  Double hprdTotal() {
    return perResidentDay(sums[RN] + sums[LPN] + sums[AIDE]);
  }

  Double hprdRn() {
    return perResidentDay(sums[RN]);
  }

  Double hprdLpn() {
    return perResidentDay(sums[LPN]);
  }

  Double hprdAide() {
    return perResidentDay(sums[AIDE]);
  }

  double employeeHours() {
    return (sums[RN_EMP] + sums[LPN_EMP] + sums[AIDE_EMP]) / 1000.0;
  }

  double contractHours() {
    return (sums[RN_CTR] + sums[LPN_CTR] + sums[AIDE_CTR]) / 1000.0;
  }

  Double contractShare() {
    return share(sums[RN_CTR] + sums[LPN_CTR] + sums[AIDE_CTR],
        sums[RN_EMP] + sums[LPN_EMP] + sums[AIDE_EMP] + sums[RN_CTR] + sums[LPN_CTR] + sums[AIDE_CTR]);
  }

  Double rnContractShare() {
    return share(sums[RN_CTR], sums[RN_EMP] + sums[RN_CTR]);
  }

  Double lpnContractShare() {
    return share(sums[LPN_CTR], sums[LPN_EMP] + sums[LPN_CTR]);
  }

  Double aideContractShare() {
    return share(sums[AIDE_CTR], sums[AIDE_EMP] + sums[AIDE_CTR]);
  }

  private Double perResidentDay(long hoursThousandths) {
    return sums[RESIDENT_DAYS] == 0 ? null : (double) hoursThousandths / sums[RESIDENT_DAYS];
  }

  private static Double share(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static long thousandths(double value) {
    return Math.round(value * 1000);
  }

  static Coder<StaffingSums> coder() {
    return new SumsCoder();
  }

  /** Adds sums up per key. */
  static final class Add extends Combine.CombineFn<StaffingSums, StaffingSums, StaffingSums> {
    @Override
    public StaffingSums createAccumulator() {
      return empty();
    }

    @Override
    public StaffingSums addInput(StaffingSums accumulator, StaffingSums input) {
      return accumulator.plus(input);
    }

    @Override
    public StaffingSums mergeAccumulators(Iterable<StaffingSums> accumulators) {
      StaffingSums total = empty();
      for (StaffingSums sums : accumulators) {
        total = total.plus(sums);
      }
      return total;
    }

    @Override
    public StaffingSums extractOutput(StaffingSums accumulator) {
      return accumulator;
    }

    @Override
    public Coder<StaffingSums> getAccumulatorCoder(org.apache.beam.sdk.coders.CoderRegistry registry,
        Coder<StaffingSums> inputCoder) {
      return coder();
    }

    @Override
    public Coder<StaffingSums> getDefaultOutputCoder(org.apache.beam.sdk.coders.CoderRegistry registry,
        Coder<StaffingSums> inputCoder) {
      return coder();
    }
  }

  private static final class SumsCoder extends CustomCoder<StaffingSums> {
    private static final VarLongCoder LONG = VarLongCoder.of();

    @Override
    public void encode(StaffingSums value, OutputStream out) throws IOException {
      for (long sum : value.sums) {
        LONG.encode(sum, out);
      }
    }

    @Override
    public StaffingSums decode(InputStream in) throws IOException {
      long[] sums = new long[FIELDS];
      for (int i = 0; i < FIELDS; i++) {
        sums[i] = LONG.decode(in);
      }
      return new StaffingSums(sums);
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof SumsCoder;
    }

    @Override
    public int hashCode() {
      return SumsCoder.class.hashCode();
    }
  }
}
