package dev.prunus.report;

import dev.prunus.run.NeuronSweep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The table of a neuron sweep ({@code prunus sweep}): one row per count of removed neurons, with the
 * share of the whole network's parameters removed and each method's test accuracy (the mean over seeds,
 * with the range, for seeded methods), the dense network first and {@code data-free --auto} below.
 */
public final class NeuronSweepTable {
  private NeuronSweepTable() {}

  public static String render(NeuronSweep.Result r) {
    Set<String> methods = new LinkedHashSet<>();
    Map<Integer, Map<String, List<Double>>> byCount = new TreeMap<>();
    Map<Integer, Double> removedShare = new TreeMap<>();
    for (NeuronSweep.Point p : r.points()) {
      methods.add(p.method());
      byCount.computeIfAbsent(p.removed(), k -> new LinkedHashMap<>())
          .computeIfAbsent(p.method(), k -> new ArrayList<>()).add(p.testAccuracy());
      removedShare.put(p.removed(), p.paramsRemoved());
    }
    List<String> header = new ArrayList<>(List.of(r.layer() + " removed", "kept", "params removed"));
    header.addAll(methods);
    TextTable t = new TextTable(header.toArray(String[]::new));
    for (Map.Entry<Integer, Map<String, List<Double>>> e : byCount.entrySet()) {
      List<Object> row = new ArrayList<>(List.of(e.getKey(), r.neurons() - e.getKey(), percent(removedShare.get(e.getKey()))));
      for (String m : methods) {
        row.add(accuracy(e.getValue().get(m)));
      }
      t.row(row.toArray());
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "dense: %,d parameters, test accuracy %.4f; no retraining after pruning%n",
        r.denseParams(), r.denseTest()));
    sb.append(t);
    if (r.auto() != null) {
      sb.append(String.format(Locale.ROOT,
          "data-free --auto: knee of the saliency curve at %d of %d neurons removed (%s of the parameters), "
              + "test accuracy %.4f, a drop of %.4f%n",
          r.auto().removed(), r.neurons(), percent(r.auto().paramsRemoved()), r.auto().testAccuracy(),
          r.denseTest() - r.auto().testAccuracy()));
    }
    return sb.toString();
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  /** One accuracy, or the mean of several with their range. */
  private static String accuracy(List<Double> values) {
    if (values == null || values.isEmpty()) {
      return "";
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    if (values.size() == 1) {
      return String.format(Locale.ROOT, "%.4f", mean);
    }
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return String.format(Locale.ROOT, "%.4f (%.4f-%.4f)", mean, min, max);
  }
}
