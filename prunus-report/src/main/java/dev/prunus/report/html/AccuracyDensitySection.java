package dev.prunus.report.html;

import dev.prunus.report.ResultGroups;
import dev.prunus.report.Stat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.DoubleStream;
import org.knowm.xchart.XYChart;

/**
 * Test accuracy against density (log scale where the densities span a decade), one line per method with
 * mean ± std over seeds, and the dense baseline's mean accuracy as a dashed line: ShrinkBench's main
 * plot (Blalock et al. 2020).
 */
final class AccuracyDensitySection implements ReportSection {
  @Override
  public String title() {
    return "Accuracy against density";
  }

  @Override
  public Optional<String> render(ReportData data) {
    List<String> parts = new ArrayList<>();
    data.pruned().forEach((setting, pruned) -> parts.add(Html.figure(Charts.png(chart(setting, pruned,
        data.dense(setting))), "Test accuracy against density, " + setting
        + ": mean ± std over seeds; the dashed line is the dense baseline.")));
    return ReportData.join(parts);
  }

  /** The chart of one setting: {@code pruned}'s points by label, and the dense baseline if there is one. */
  static XYChart chart(ResultGroups.Setting setting, List<ResultGroups.Point> pruned,
      Optional<ResultGroups.Point> dense) {
    DoubleStream.Builder xs = DoubleStream.builder();
    DoubleStream.Builder ys = DoubleStream.builder();
    xs.add(1);
    dense.ifPresent(d -> ys.add(d.accuracy().mean()));
    for (ResultGroups.Point p : pruned) {
      Stat acc = p.accuracy();
      xs.add(p.density().mean());
      ys.add(acc.mean() - acc.std()).add(acc.mean() + acc.std());
    }
    double[] x = xs.build().toArray();
    ChartAxis xAxis = ChartAxis.logWhereWide(x);
    XYChart c = Charts.xy("Test accuracy, " + setting,
        "density (kept fraction of weights" + (xAxis.log() ? ", log scale)" : ")"), "test accuracy");
    xAxis.applyX(c);
    ChartAxis.linear(ys.build().toArray()).applyY(c);
    for (String label : ResultGroups.labels(pruned)) {
      List<ResultGroups.Point> line = pruned.stream().filter(p -> p.label().equals(label)).toList();
      c.addSeries(label, line.stream().mapToDouble(p -> p.density().mean()).toArray(),
          line.stream().mapToDouble(p -> p.accuracy().mean()).toArray(),
          line.stream().mapToDouble(p -> p.accuracy().std()).toArray());
    }
    double from = DoubleStream.of(x).min().orElse(1);
    dense.ifPresent(d -> Charts.reference(c, "dense (" + d.accuracy().format(4) + ")", new double[] {from, 1},
        new double[] {d.accuracy().mean(), d.accuracy().mean()}));
    return c;
  }
}
