package dev.prunus.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with aligned columns: text left-aligned, numbers right-aligned. Built row by row;
 * {@link #toString()} renders it with a header rule and, if given, a footer row below a second rule.
 */
public final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private List<String> footer;

  public TextTable(String... header) {
    this.header = List.of(header);
  }

  public TextTable row(Object... cells) {
    rows.add(format(cells));
    return this;
  }

  public TextTable footer(Object... cells) {
    footer = format(cells);
    return this;
  }

  private List<String> format(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
    }
    return Arrays.stream(cells).map(TextTable::cell).toList();
  }

  private static String cell(Object o) {
    if (o == null) {
      return "";
    }
    if (o instanceof Double || o instanceof Float) {
      return String.format(java.util.Locale.ROOT, "%.4f", ((Number) o).doubleValue());
    }
    if (o instanceof Long || o instanceof Integer) {
      return String.format(java.util.Locale.ROOT, "%,d", ((Number) o).longValue());
    }
    return o.toString();
  }

  @Override
  public String toString() {
    int n = header.size();
    int[] width = new int[n];
    boolean[] numeric = new boolean[n];
    Arrays.fill(numeric, true);
    List<List<String>> all = new ArrayList<>(rows);
    if (footer != null) {
      all.add(footer);
    }
    for (int i = 0; i < n; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : all) {
        width[i] = Math.max(width[i], r.get(i).length());
        if (!r.get(i).isEmpty() && !r.get(i).matches("[-+0-9.,eE%x]+")) {
          numeric[i] = false;
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width, numeric);
    rule(sb, width);
    for (List<String> r : rows) {
      line(sb, r, width, numeric);
    }
    if (footer != null) {
      rule(sb, width);
      line(sb, footer, width, numeric);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] numeric) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append("  ");
      }
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      sb.append(numeric[i] ? pad + c : c + pad);
    }
    sb.append(System.lineSeparator());
  }

  private static void rule(StringBuilder sb, int[] width) {
    int total = Arrays.stream(width).sum() + 2 * (width.length - 1);
    sb.append("-".repeat(total)).append(System.lineSeparator());
  }
}
