package dev.prunus.report;

import java.util.List;
import java.util.Locale;

/**
 * One line per run, in the order given: the method (label), the density reached against the dense
 * architecture, test accuracy, kept parameters, FLOPs of the kept weights (multiply-accumulates per
 * example), and the seconds it spent training and pruning. What {@code prunus demo} prints; for several
 * seeds per point, {@link SummaryTable} gives means and spreads instead.
 */
public final class RunTable {
  public static final List<String> HEADER = List.of("method", "density", "test accuracy", "params", "FLOPs", "time s");

  private RunTable() {}

  public static String text(List<RunRow> rows) {
    TextTable t = new TextTable(HEADER.toArray(String[]::new));
    for (RunRow r : rows) {
      t.row(r.label(), r.density(), r.testAccuracy(), r.nonzeroParams(), r.maskedFlops(),
          String.format(Locale.ROOT, "%.1f", r.seconds()));
    }
    return t.toString();
  }
}
