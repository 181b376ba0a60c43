package dev.prunus.report.html;

import dev.prunus.report.ResultGroups;
import dev.prunus.report.RunRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Compression ratio (total over non-zero weights) against theoretical speed-up (dense FLOPs over
 * masked FLOPs), both log scale, one series per method with each target density's mean over seeds.
 * The dashed diagonal is speed-up equal to compression: methods below it prune the cheap layers.
 */
final class CompressionSpeedupSection implements ReportSection {
  @Override
  public String title() {
    return "Compression against theoretical speed-up";
  }

  @Override
  public Optional<String> render(ReportData data) {
    List<String> parts = new ArrayList<>();
    data.pruned().forEach((setting, pruned) -> {
      XYChart c = Charts.xy("Compression and speed-up, " + setting, "compression ratio (log scale)",
          "theoretical speed-up (log scale)");
      c.getStyler().setXAxisLogarithmic(true);
      c.getStyler().setYAxisLogarithmic(true);
      double max = 1;
      for (String label : ResultGroups.labels(pruned)) {
        List<ResultGroups.Point> line = pruned.stream().filter(p -> p.label().equals(label)).toList();
        double[] x = line.stream().mapToDouble(p -> p.stat(RunRow::compressionRatio).mean()).toArray();
        double[] y = line.stream().mapToDouble(p -> p.stat(RunRow::theoreticalSpeedup).mean()).toArray();
        for (int i = 0; i < x.length; i++) {
          max = Math.max(max, Math.max(x[i], y[i]));
        }
        c.addSeries(label, x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      }
      Charts.reference(c, "speed-up = compression", new double[] {1, max}, new double[] {1, max});
      parts.add(Html.figure(Charts.png(c), "Compression ratio against theoretical speed-up (dense FLOPs / masked "
          + "FLOPs), " + setting + ": means over seeds."));
    });
    return ReportData.join(parts);
  }
}
