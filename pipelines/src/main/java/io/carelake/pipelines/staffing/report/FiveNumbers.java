package io.carelake.pipelines.staffing.report;

import java.util.Collection;

/**
 * The five-number summary a box plot draws. Quartiles interpolate linearly between order statistics
 * (R's default type 7, numpy's default, Excel's QUARTILE.INC), so they match what an analyst gets from
 * the same values in their own tool.
 */
record FiveNumbers(double min, double q1, double median, double q3, double max, int count) {

  /** The summary of non-empty, non-null values. */
  static FiveNumbers of(Collection<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a five-number summary needs at least one value");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new FiveNumbers(sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75),
        sorted[sorted.length - 1], sorted.length);
  }

  private static double quantile(double[] sorted, double p) {
    double position = (sorted.length - 1) * p;
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
