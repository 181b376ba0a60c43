package dev.prunus.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Runs grouped the way the report compares them: by setting (model and dataset), then by method label
 * and target density, each group holding its seeds. Settings and labels keep the order in which they
 * first appear; within a label, densities run from dense to sparse.
 */
public final class ResultGroups {
  private ResultGroups() {}

  /** A model trained on a dataset: what a chart's runs share. */
  public record Setting(String model, String dataset) {
    @Override
    public String toString() {
      return model + " on " + dataset;
    }
  }

  /** The seeds of one label at one target density. */
  public record Point(String label, double targetDensity, List<RunRow> runs) {
    public Point {
      runs = List.copyOf(runs);
    }

    public Stat stat(ToDoubleFunction<RunRow> f) {
      return Stat.of(runs.stream().mapToDouble(f).toArray());
    }

    public Stat accuracy() {
      return stat(RunRow::testAccuracy);
    }

    public Stat density() {
      return stat(RunRow::density);
    }
  }

  public static Map<Setting, List<Point>> of(List<RunRow> rows) {
    Map<Setting, Map<String, Map<Double, List<RunRow>>>> nested = new LinkedHashMap<>();
    for (RunRow r : rows) {
      nested.computeIfAbsent(new Setting(r.model(), r.dataset()), s -> new LinkedHashMap<>())
          .computeIfAbsent(r.label(), l -> new LinkedHashMap<>())
          .computeIfAbsent(r.targetDensity(), d -> new ArrayList<>()).add(r);
    }
    Map<Setting, List<Point>> out = new LinkedHashMap<>();
    nested.forEach((setting, labels) -> {
      List<Point> points = new ArrayList<>();
      labels.forEach((label, densities) -> densities.entrySet().stream()
          .sorted(Map.Entry.<Double, List<RunRow>>comparingByKey(Comparator.reverseOrder()))
          .forEach(e -> points.add(new Point(label, e.getKey(), e.getValue()))));
      out.put(setting, points);
    });
    return out;
  }

  /** The labels of {@code points} in order, each once. */
  public static List<String> labels(List<Point> points) {
    return points.stream().map(Point::label).distinct().toList();
  }
}
