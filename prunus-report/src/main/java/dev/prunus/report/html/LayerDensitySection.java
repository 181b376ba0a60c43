package dev.prunus.report.html;

import dev.prunus.report.ResultGroups;
import dev.prunus.report.RunRow;
import dev.prunus.report.SummaryTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.knowm.xchart.CategoryChart;

/**
 * Where each method put its budget: the weight density of every prunable layer, one bar per method,
 * averaged over seeds, one chart per target density.
 */
final class LayerDensitySection implements ReportSection {
  @Override
  public String title() {
    return "Density per layer";
  }

  @Override
  public Optional<SectionBody> render(ReportData data) {
    SectionBody body = new SectionBody();
    data.pruned().forEach((setting, all) -> {
      List<ResultGroups.Point> pruned = all.stream().filter(p -> !p.runs().get(0).layers().isEmpty()).toList();
      TreeSet<Double> targets = new TreeSet<>(pruned.stream().map(ResultGroups.Point::targetDensity).toList());
      for (double target : targets.descendingSet()) {
        // Double.equals, so the runs without a target (NaN: relief's density is an outcome) group together
        List<ResultGroups.Point> atTarget = pruned.stream()
            .filter(p -> Double.valueOf(p.targetDensity()).equals(target)).toList();
        List<String> layers = atTarget.get(0).runs().get(0).layers().stream().map(RunRow.Layer::name).toList();
        CategoryChart c = Charts.bars("Density per layer at target " + SummaryTable.target(target) + ", " + setting, "layer", "weight density");
        for (ResultGroups.Point p : atTarget) {
          List<Double> density = new ArrayList<>();
          for (int i = 0; i < layers.size(); i++) {
            int layer = i;
            density.add(p.stat(r -> r.layers().size() > layer ? r.layers().get(layer).density() : Double.NaN).mean());
          }
          c.addSeries(p.label(), layers, density);
        }
        body.figure(c, "Weight density of each prunable layer at target density "
            + SummaryTable.target(target) + ", " + setting + ": means over seeds.");
      }
    });
    return ReportData.nonEmpty(body);
  }
}
