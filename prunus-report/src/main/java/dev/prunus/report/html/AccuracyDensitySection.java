package dev.prunus.report.html;

import dev.prunus.report.ResultGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  public Optional<SectionBody> render(ReportData data) {
    SectionBody body = new SectionBody();
    data.pruned().forEach((setting, pruned) -> body.figure(chart(setting, pruned, data.dense(setting)),
        "Test accuracy against density, " + setting + ": mean ± std over seeds; the dashed line is the dense baseline."));
    return ReportData.nonEmpty(body);
  }

  /** The chart of one setting: {@code pruned}'s points by label, and the dense baseline if there is one. */
  static XYChart chart(ResultGroups.Setting setting, List<ResultGroups.Point> pruned,
      Optional<ResultGroups.Point> dense) {
    Map<String, double[][]> lines = new LinkedHashMap<>();
    for (String label : ResultGroups.labels(pruned)) {
      List<ResultGroups.Point> line = pruned.stream().filter(p -> p.label().equals(label)).toList();
      lines.put(label, new double[][] {line.stream().mapToDouble(p -> p.density().mean()).toArray(),
          line.stream().mapToDouble(p -> p.accuracy().mean()).toArray(),
          line.stream().mapToDouble(p -> p.accuracy().std()).toArray()});
    }
    return Charts.accuracyAgainstDensity("Test accuracy, " + setting, lines, dense.map(ResultGroups.Point::accuracy));
  }
}
