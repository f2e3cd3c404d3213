package io.carelake.pipelines.staffing.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps values of [min, max] onto SVG coordinates [from, to], both ends moved out to round ticks so the
 * axis starts and ends on a labelled value.
 */
record LinearScale(double min, double max, double step, double from, double to) {
  private static final int TICKS = 5;

  /** For bars, whose length must be read from zero. */
  static LinearScale zeroTo(double dataMax, double from, double to) {
    return spanning(0, dataMax, from, to);
  }

  /** For positions (boxes, points): the data's own range, so it fills the chart. */
  static LinearScale spanning(double dataMin, double dataMax, double from, double to) {
    double top = dataMax > dataMin ? dataMax : dataMin + 1;
    double step = roundStep((top - dataMin) / TICKS);
    return new LinearScale(Math.floor(dataMin / step + 1e-9) * step, Math.ceil(top / step - 1e-9) * step, step,
        from, to);
  }

  double at(double value) {
    return from + (value - min) / (max - min) * (to - from);
  }

  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    long count = Math.round((max - min) / step);
    for (long i = 0; i <= count; i++) {
      ticks.add(min + i * step);
    }
    return ticks;
  }

  /** 1, 2 or 5 times a power of ten, the nearest to {@code raw}: steps people read at a glance. */
  private static double roundStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / power;
    double nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
    return nice * power;
  }
}
