package dev.prunus.report.html;

import dev.prunus.report.ResultGroups;
import dev.prunus.report.RunRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** What every report section reads: the runs, and the same runs grouped by setting, label and density. */
public record ReportData(List<RunRow> rows, Map<ResultGroups.Setting, List<ResultGroups.Point>> groups) {
  public ReportData {
    rows = List.copyOf(rows);
  }

  public static ReportData of(List<RunRow> rows) {
    return new ReportData(rows, ResultGroups.of(rows));
  }

  /** The points of pruned (not dense) runs by setting; settings with none are left out. */
  public Map<ResultGroups.Setting, List<ResultGroups.Point>> pruned() {
    Map<ResultGroups.Setting, List<ResultGroups.Point>> out = new LinkedHashMap<>();
    groups.forEach((setting, points) -> {
      List<ResultGroups.Point> p = points.stream().filter(x -> !x.runs().get(0).isDense()).toList();
      if (!p.isEmpty()) {
        out.put(setting, p);
      }
    });
    return out;
  }

  /** The dense baseline of a setting, if the runs hold one. */
  public Optional<ResultGroups.Point> dense(ResultGroups.Setting setting) {
    return groups.getOrDefault(setting, List.of()).stream().filter(p -> p.runs().get(0).isDense()).findFirst();
  }

  /** The body, or empty when nothing was added to it. */
  static Optional<SectionBody> nonEmpty(SectionBody body) {
    return body.isEmpty() ? Optional.empty() : Optional.of(body);
  }
}
