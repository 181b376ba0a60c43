package dev.prunus.report.html;

import dev.prunus.report.ResultGroups;
import dev.prunus.report.RunRow;
import dev.prunus.report.Stat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;

/**
 * The path an iterative run takes: test accuracy against density after each round's retraining
 * ({@code pruning.rounds.N.density} and {@code pruning.rounds.N.test_accuracy}), one line per method,
 * each round's mean ± std over seeds. This is how to compare methods whose final density is an outcome
 * (NNrelief) with methods that follow a schedule: at the same accuracy, the line further left keeps
 * fewer weights. Shown for settings where some run has two rounds or more.
 */
final class RoundTrajectorySection implements ReportSection {
  static final String ROUNDS = "pruning.rounds.";

  @Override
  public String title() {
    return "Iterative pruning: accuracy after each round";
  }

  /** The number of recorded rounds of a run (0 when it has none). */
  static int rounds(RunRow r) {
    int n = 0;
    while (r.has(ROUNDS + n + ".density") && r.has(ROUNDS + n + ".test_accuracy")) {
      n++;
    }
    return n;
  }

  @Override
  public Optional<SectionBody> render(ReportData data) {
    SectionBody body = new SectionBody();
    data.pruned().forEach((setting, pruned) -> {
      Map<String, List<RunRow>> byLabel = new LinkedHashMap<>();
      pruned.stream().flatMap(p -> p.runs().stream()).filter(r -> rounds(r) >= 2)
          .forEach(r -> byLabel.computeIfAbsent(r.label(), l -> new ArrayList<>()).add(r));
      if (!byLabel.isEmpty()) {
        body.figure(chart(setting, byLabel, data.dense(setting)), "Test accuracy against density after each round "
            + "of pruning and retraining, " + setting + ": each round's mean ± std over seeds; the dashed line is "
            + "the dense baseline (keys " + ROUNDS + "N.density, " + ROUNDS + "N.test_accuracy).");
      }
    });
    return ReportData.nonEmpty(body);
  }

  /** One line per label: round i's mean density and mean ± std test accuracy over the label's runs. */
  static XYChart chart(ResultGroups.Setting setting, Map<String, List<RunRow>> byLabel,
      Optional<ResultGroups.Point> dense) {
    Map<String, double[][]> lines = new LinkedHashMap<>();
    byLabel.forEach((label, runs) -> {
      int n = runs.stream().mapToInt(RoundTrajectorySection::rounds).max().orElse(0);
      double[][] line = new double[3][n];
      for (int i = 0; i < n; i++) {
        int round = i;
        Stat density = Stat.of(runs.stream().mapToDouble(r -> value(r, round, "density")).toArray());
        Stat acc = Stat.of(runs.stream().mapToDouble(r -> value(r, round, "test_accuracy")).toArray());
        line[0][i] = density.mean();
        line[1][i] = acc.mean();
        line[2][i] = acc.std();
      }
      lines.put(label, line);
    });
    return Charts.accuracyAgainstDensity("Accuracy after each round, " + setting, lines,
        dense.map(ResultGroups.Point::accuracy));
  }

  private static double value(RunRow r, int round, String key) {
    String k = ROUNDS + round + "." + key;
    return r.has(k) ? r.number(k) : Double.NaN;
  }
}
