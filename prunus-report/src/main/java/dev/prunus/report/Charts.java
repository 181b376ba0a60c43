package dev.prunus.report;

import dev.prunus.run.NeuronSweep;
import dev.prunus.run.SaliencyCurve;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG charts (XChart) of the neuron methods: the saliency curve of data-free's greedy merges, and a
 * sweep's accuracy against parameters removed. Drawn headless, so they work on servers.
 */
public final class Charts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 560;

  private Charts() {}

  /**
   * The saliency of each greedy step against the step (log scale), one series per layer, with a marker
   * where the plan stopped and one at the knee.
   */
  public static void saliency(Path png, List<SaliencyCurve> curves) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("data-free: saliency of each greedy merge").xAxisTitle("neurons removed")
        .yAxisTitle("saliency of the pair merged (log)").build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    for (SaliencyCurve c : curves) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int t = 0; t < c.saliency().size(); t++) {
        if (c.saliency().get(t) > 0) {
          x.add(t + 1.0);
          y.add(c.saliency().get(t));
        }
      }
      if (x.isEmpty()) {
        continue;
      }
      chart.addSeries(c.layer(), x, y).setMarker(SeriesMarkers.NONE);
      mark(chart, c, c.knee(), c.layer() + " knee (" + c.knee() + ")", SeriesMarkers.DIAMOND);
      if (c.removed() != c.knee()) {
        mark(chart, c, c.removed(), c.layer() + " stopped (" + c.removed() + ")", SeriesMarkers.CIRCLE);
      }
    }
    save(chart, png);
  }

  private static void mark(XYChart chart, SaliencyCurve c, int removed, String name,
      org.knowm.xchart.style.markers.Marker marker) {
    if (removed >= 1 && removed <= c.saliency().size() && c.saliency().get(removed - 1) > 0) {
      XYSeries s = chart.addSeries(name, new double[] {removed}, new double[] {c.saliency().get(removed - 1)});
      s.setMarker(marker);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }
  }

  /** Test accuracy against the share of parameters removed, one line per method (seeded methods averaged). */
  public static void sweep(Path png, NeuronSweep.Result r) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(r.layer() + " neurons removed without retraining").xAxisTitle("parameters removed (% of the network)")
        .yAxisTitle("test accuracy").build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
    Map<String, TreeMap<Double, List<Double>>> series = new LinkedHashMap<>();
    for (NeuronSweep.Point p : r.points()) {
      series.computeIfAbsent(p.method(), k -> new TreeMap<>())
          .computeIfAbsent(100 * p.paramsRemoved(), k -> new ArrayList<>()).add(p.testAccuracy());
    }
    series.forEach((method, points) -> {
      List<Double> x = new ArrayList<>(points.keySet());
      List<Double> y = points.values().stream()
          .map(v -> v.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toList();
      chart.addSeries(method, x, y);
    });
    if (r.auto() != null) {
      XYSeries s = chart.addSeries("data-free --auto", new double[] {100 * r.auto().paramsRemoved()},
          new double[] {r.auto().testAccuracy()});
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.DIAMOND);
    }
    save(chart, png);
  }

  private static void save(XYChart chart, Path png) {
    System.setProperty("java.awt.headless", "true");
    try {
      BitmapEncoder.saveBitmap(chart, png.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
    }
  }
}
