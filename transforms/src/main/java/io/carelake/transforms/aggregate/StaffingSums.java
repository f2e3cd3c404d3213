package io.carelake.transforms.aggregate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

  /** One day of a daily fact row. */
  static StaffingSums ofDay(Row fact) {
    long[] sums = new long[FIELDS];
    sums[DAYS_REPORTED] = 1;
    if (fact.getBoolean("included_in_averages")) {
      sums[DAYS_INCLUDED] = 1;
      sums[RESIDENT_DAYS] = thousandths(fact.getDouble("census"));
      sums[RN] = thousandths(fact.getDouble("rn_hours"));
      sums[LPN] = thousandths(fact.getDouble("lpn_hours"));
      sums[AIDE] = thousandths(fact.getDouble("aide_hours"));
      sums[RN_EMP] = thousandths(fact.getDouble("rn_hours_emp"));
      sums[RN_CTR] = thousandths(fact.getDouble("rn_hours_ctr"));
      sums[LPN_EMP] = thousandths(fact.getDouble("lpn_hours_emp"));
      sums[LPN_CTR] = thousandths(fact.getDouble("lpn_hours_ctr"));
      sums[AIDE_EMP] = thousandths(fact.getDouble("aide_hours_emp"));
      sums[AIDE_CTR] = thousandths(fact.getDouble("aide_hours_ctr"));
    }
    return new StaffingSums(sums);
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
