package dev.prunus.report.html;

import dev.prunus.report.ResultGroups;
import dev.prunus.report.RunRow;
import java.util.List;
import java.util.Optional;
import java.util.stream.DoubleStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Compression ratio (dense over non-zero weights) against theoretical speed-up (dense FLOPs over
 * masked FLOPs), on one shared range (log scale where it spans a decade), one series per method with
 * each target density's mean over seeds. The dashed diagonal is speed-up equal to compression: methods
 * below it prune the cheap layers.
 */
final class CompressionSpeedupSection implements ReportSection {
  @Override
  public String title() {
    return "Compression against theoretical speed-up";
  }

  @Override
  public Optional<SectionBody> render(ReportData data) {
    SectionBody body = new SectionBody();
    data.pruned().forEach((setting, pruned) -> body.figure(chart(setting, pruned),
        "Compression ratio against theoretical speed-up (dense FLOPs / masked FLOPs), " + setting
            + ": means over seeds."));
    return ReportData.nonEmpty(body);
  }

  /** The chart of one setting's pruned points, both axes over the same range so the diagonal is at 45°. */
  static XYChart chart(ResultGroups.Setting setting, List<ResultGroups.Point> pruned) {
    double[] x = pruned.stream().mapToDouble(p -> p.stat(RunRow::compressionRatio).mean()).toArray();
    double[] y = pruned.stream().mapToDouble(p -> p.stat(RunRow::theoreticalSpeedup).mean()).toArray();
    double max = DoubleStream.concat(DoubleStream.of(1), DoubleStream.concat(DoubleStream.of(x), DoubleStream.of(y)))
        .filter(Double::isFinite).max().orElse(1);
    ChartAxis axis = ChartAxis.logWhereWide(DoubleStream.concat(DoubleStream.of(1, max),
        DoubleStream.concat(DoubleStream.of(x), DoubleStream.of(y))).toArray());
    String scale = axis.log() ? " (log scale)" : "";
    XYChart c = Charts.xy("Compression and speed-up, " + setting, "compression ratio" + scale,
        "theoretical speed-up" + scale);
    axis.applyX(c);
    axis.applyY(c);
    for (String label : ResultGroups.labels(pruned)) {
      List<ResultGroups.Point> line = pruned.stream().filter(p -> p.label().equals(label)).toList();
      c.addSeries(label, line.stream().mapToDouble(p -> p.stat(RunRow::compressionRatio).mean()).toArray(),
          line.stream().mapToDouble(p -> p.stat(RunRow::theoreticalSpeedup).mean()).toArray())
          .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }
    Charts.reference(c, "speed-up = compression", new double[] {1, max}, new double[] {1, max});
    return c;
  }
}
