package dev.prunus.report.html;

import dev.prunus.report.ResultGroups;
import dev.prunus.report.Stat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;

/**
 * Test accuracy against density (log scale), one line per method with mean ± std over seeds, and the
 * dense baseline's mean accuracy as a dashed line: ShrinkBench's main plot (Blalock et al. 2020).
 */
final class AccuracyDensitySection implements ReportSection {
  @Override
  public String title() {
    return "Accuracy against density";
  }

  @Override
  public Optional<String> render(ReportData data) {
    List<String> parts = new ArrayList<>();
    data.pruned().forEach((setting, pruned) -> {
      XYChart c = Charts.xy("Test accuracy, " + setting, "density (kept fraction of weights, log scale)",
          "test accuracy");
      c.getStyler().setXAxisLogarithmic(true);
      double minDensity = 1;
      for (String label : ResultGroups.labels(pruned)) {
        List<ResultGroups.Point> line = pruned.stream().filter(p -> p.label().equals(label)).toList();
        double[] x = new double[line.size()];
        double[] y = new double[line.size()];
        double[] err = new double[line.size()];
        for (int i = 0; i < line.size(); i++) {
          Stat acc = line.get(i).accuracy();
          x[i] = line.get(i).density().mean();
          y[i] = acc.mean();
          err[i] = acc.std();
          minDensity = Math.min(minDensity, x[i]);
        }
        c.addSeries(label, x, y, err);
      }
      double from = minDensity;
      data.dense(setting).ifPresent(dense ->
          Charts.reference(c, "dense (" + dense.accuracy().format(4) + ")", new double[] {from, 1},
              new double[] {dense.accuracy().mean(), dense.accuracy().mean()}));
      parts.add(Html.figure(Charts.png(c), "Test accuracy against density, " + setting
          + ": mean ± std over seeds; the dashed line is the dense baseline."));
    });
    return ReportData.join(parts);
  }
}
