package dev.prunus.report.html;

import java.util.Arrays;
import org.knowm.xchart.XYChart;

/**
 * The range of a chart axis, padded so that no point sits on the plot's frame, and whether it is
 * logarithmic. Left to itself XChart spans exactly the data, so runs that share one density draw as a
 * single point in a corner (or one that lies on a reference line's end), with a tick label at each end
 * only. A single value gets a range around it; a log axis is used only when the values span a factor of
 * {@value #LOG_SPAN} or more, since XChart labels a log axis at powers of ten only.
 *
 * @param min the lower end of the axis
 * @param max the upper end
 * @param log whether the axis is logarithmic
 */
record ChartAxis(double min, double max, boolean log) {
  /** Padding on each side, as a share of the values' span (of their logarithms on a log axis). */
  static final double PAD = 0.08;
  /** The span of values (max over min) from which a log axis is used where one is asked for. */
  static final double LOG_SPAN = 10;

  /** A linear axis over the finite {@code values}; a single value v gets v ± 5% (± 0.01 around 0). */
  static ChartAxis linear(double... values) {
    double[] v = finite(values, false);
    double lo = v[0];
    double hi = v[v.length - 1];
    double pad = hi > lo ? PAD * (hi - lo) : Math.max(0.05 * Math.abs(lo), 0.01);
    return new ChartAxis(lo - pad, hi + pad, false);
  }

  /**
   * An axis over the positive finite {@code values}: logarithmic when they span a factor of
   * {@value #LOG_SPAN} or more, padded in log space; else linear, padded (and kept above 0).
   */
  static ChartAxis logWhereWide(double... values) {
    double[] v = finite(values, true);
    double lo = v[0];
    double hi = v[v.length - 1];
    if (hi / lo < LOG_SPAN) {
      ChartAxis a = linear(v);
      return new ChartAxis(Math.max(a.min, lo / 2), a.max, false);
    }
    double pad = PAD * Math.log10(hi / lo);
    return new ChartAxis(lo / Math.pow(10, pad), hi * Math.pow(10, pad), true);
  }

  void applyX(XYChart c) {
    c.getStyler().setXAxisLogarithmic(log);
    c.getStyler().setXAxisMin(min);
    c.getStyler().setXAxisMax(max);
  }

  void applyY(XYChart c) {
    c.getStyler().setYAxisLogarithmic(log);
    c.getStyler().setYAxisMin(min);
    c.getStyler().setYAxisMax(max);
  }

  /** Where {@code value} falls on the axis, from 0 (its lower end) to 1 (its upper end). */
  double position(double value) {
    return log ? Math.log(value / min) / Math.log(max / min) : (value - min) / (max - min);
  }

  private static double[] finite(double[] values, boolean positive) {
    double[] v = Arrays.stream(values).filter(x -> Double.isFinite(x) && (!positive || x > 0)).sorted().toArray();
    return v.length == 0 ? new double[] {positive ? 1 : 0} : v;
  }
}
