package dev.prunus.report.html;

import dev.prunus.report.Stat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.DoubleStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart charts in the report's one style, and their encoding as embedded PNG. */
final class Charts {
  static final int WIDTH = 760;
  static final int HEIGHT = 440;

  private Charts() {}

  static XYChart xy(String title, String xAxis, String yAxis) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis).yAxisTitle(yAxis)
        .build();
    style(c.getStyler());
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    c.getStyler().setMarkerSize(8);
    c.getStyler().setErrorBarsColorSeriesColor(true);
    return c;
  }

  static CategoryChart bars(String title, String xAxis, String yAxis) {
    CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis)
        .yAxisTitle(yAxis).build();
    style(c.getStyler());
    c.getStyler().setOverlapped(false);
    return c;
  }

  private static void style(Styler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setAntiAlias(true);
  }

  /**
   * Test accuracy against density, one line per label with error bars, and the dense baseline as a dashed
   * line from the lowest density to 1. The density axis is logarithmic where the values span a decade;
   * both ranges cover every point, its error bar and the baseline.
   *
   * @param lines by label: {densities, mean accuracies, their standard deviations}
   */
  static XYChart accuracyAgainstDensity(String title, Map<String, double[][]> lines, Optional<Stat> dense) {
    DoubleStream.Builder xs = DoubleStream.builder().add(1);
    DoubleStream.Builder ys = DoubleStream.builder();
    dense.ifPresent(d -> ys.add(d.mean()));
    lines.values().forEach(l -> {
      for (int i = 0; i < l[0].length; i++) {
        xs.add(l[0][i]);
        ys.add(l[1][i] - l[2][i]).add(l[1][i] + l[2][i]);
      }
    });
    double[] x = xs.build().toArray();
    ChartAxis xAxis = ChartAxis.logWhereWide(x);
    XYChart c = xy(title, "density (kept fraction of weights" + (xAxis.log() ? ", log scale)" : ")"),
        "test accuracy");
    xAxis.applyX(c);
    ChartAxis.linear(ys.build().toArray()).applyY(c);
    lines.forEach((label, l) -> c.addSeries(label, l[0], l[1], l[2]));
    double from = DoubleStream.of(x).filter(v -> v > 0).min().orElse(1);
    dense.ifPresent(d -> reference(c, "dense (" + d.format(4) + ")", new double[] {from, 1},
        new double[] {d.mean(), d.mean()}));
    return c;
  }

  /** A reference line: thin, dashed, grey, without markers. */
  static void reference(XYChart c, String name, double[] x, double[] y) {
    XYSeries s = c.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(Color.GRAY);
    s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
  }

  /** The chart drawn as PNG. */
  static byte[] pngBytes(Chart<?, ?> chart) {
    fitLegend(chart);
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("could not draw the chart '" + chart.getTitle() + "'", e);
    }
  }

  /**
   * XChart does not wrap a horizontal legend: one wider than the chart is cut off at the right. Such a
   * legend goes to the right of the plot, one entry per line.
   */
  static void fitLegend(Chart<?, ?> chart) {
    Styler s = chart.getStyler();
    if (s.getLegendLayout() != Styler.LegendLayout.Horizontal) {
      return;
    }
    java.awt.image.BufferedImage scratch = new java.awt.image.BufferedImage(1, 1,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = scratch.createGraphics();
    try {
      java.awt.FontMetrics fm = g.getFontMetrics(s.getLegendFont());
      int width = 2 * s.getLegendPadding();
      for (String name : chart.getSeriesMap().keySet()) {
        width += fm.stringWidth(name) + LEGEND_ENTRY_EXTRA;
      }
      if (width > chart.getWidth() - 20) {
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendLayout(Styler.LegendLayout.Vertical);
      }
    } finally {
      g.dispose();
    }
  }

  /** Room a legend entry takes besides its text: the marker or box, and the gaps (XChart's layout). */
  private static final int LEGEND_ENTRY_EXTRA = 50;

  /** PNG bytes as a {@code data:image/png;base64,...} URI. */
  static String dataUri(byte[] png) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }
}
