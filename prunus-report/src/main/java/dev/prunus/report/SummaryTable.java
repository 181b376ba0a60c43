package dev.prunus.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's main table, one line per (label, target density) of each setting: seeds, the density
 * reached (against the dense architecture; the target reads "outcome" for a method that decides it), test
 * accuracy (mean ± std over seeds), compression ratio, the theoretical speed-ups (dense over masked
 * FLOPs, and over structured FLOPs: what compaction can realise) and the speed-up measured by
 * {@code prunus bench infer} ("-" where it did not run). Printed by {@code prunus experiment} and shown in
 * the HTML report.
 */
public final class SummaryTable {
  public static final List<String> HEADER = List.of("model", "dataset", "method", "target density", "seeds",
      "density", "test accuracy", "compression", "speed-up", "structured speed-up", "measured speed-up");

  private SummaryTable() {}

  public static List<List<String>> rows(Map<ResultGroups.Setting, List<ResultGroups.Point>> groups) {
    List<List<String>> out = new ArrayList<>();
    groups.forEach((setting, points) -> {
      for (ResultGroups.Point p : points) {
        out.add(List.of(setting.model(), setting.dataset(), p.label(),
            p.runs().get(0).isDense() ? "" : target(p.targetDensity()),
            Integer.toString(p.runs().size()), String.format(Locale.ROOT, "%.4f", p.density().mean()),
            p.accuracy().format(4),
            String.format(Locale.ROOT, "%.1fx", p.stat(RunRow::compressionRatio).mean()),
            String.format(Locale.ROOT, "%.2fx", p.stat(RunRow::theoreticalSpeedup).mean()),
            times(p.runs().stream().mapToDouble(RunRow::structuredSpeedup).toArray()),
            times(p.runs().stream().mapToDouble(RunRow::measuredSpeedup).toArray())));
      }
    });
    return out;
  }

  /** The mean of the known (not NaN) values as a factor, or "-" when none is known. */
  private static String times(double[] values) {
    double[] known = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    return known.length == 0 ? "-"
        : String.format(Locale.ROOT, "%.2fx", java.util.Arrays.stream(known).average().orElseThrow());
  }

  /** A target density as {@link #shortest}, or "outcome" for a run without one (NaN: relief's density). */
  public static String target(double d) {
    return Double.isNaN(d) ? "outcome" : shortest(d);
  }

  /** A density in at most four significant digits, without trailing zeros: 0.1, 0.02, 0.3333. */
  public static String shortest(double d) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", d)).stripTrailingZeros().toPlainString();
  }

  /** The table as aligned text. */
  public static String text(List<RunRow> rows) {
    TextTable t = new TextTable(HEADER.toArray(String[]::new));
    for (List<String> r : rows(ResultGroups.of(rows))) {
      t.row(r.toArray());
    }
    return t.toString();
  }
}
