package dev.prunus.report.html;

import dev.prunus.report.ResultGroups;
import dev.prunus.report.RunRow;
import java.util.List;
import java.util.Map;

/** What every report section reads: the runs, and the same runs grouped by setting, label and density. */
public record ReportData(List<RunRow> rows, Map<ResultGroups.Setting, List<ResultGroups.Point>> groups) {
  public ReportData {
    rows = List.copyOf(rows);
  }

  public static ReportData of(List<RunRow> rows) {
    return new ReportData(rows, ResultGroups.of(rows));
  }
}
