package dev.prunus.report.html;

import dev.prunus.report.RunRow;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Test accuracy against one number a method records about its plan (a key of metrics.json under
 * {@code pruning.details}, e.g. RGP's {@code aspl}), one point per run, one series per method. Shown
 * only when some run carries the key.
 */
final class DetailScatterSection implements ReportSection {
  private final String title;
  private final String key;
  private final String axis;
  private final String caption;

  /**
   * @param key the dotted key, e.g. {@code pruning.details.aspl}
   * @param axis the x axis title
   * @param caption one sentence on what the chart shows and what to look for
   */
  DetailScatterSection(String title, String key, String axis, String caption) {
    this.title = title;
    this.key = key;
    this.axis = axis;
    this.caption = caption;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public Optional<SectionBody> render(ReportData data) {
    SectionBody body = new SectionBody();
    data.groups().forEach((setting, points) -> {
      List<RunRow> runs = points.stream().flatMap(p -> p.runs().stream()).filter(r -> r.has(key)).toList();
      if (runs.isEmpty()) {
        return;
      }
      XYChart c = Charts.xy(title + ", " + setting, axis, "test accuracy");
      for (String label : runs.stream().map(RunRow::label).distinct().toList()) {
        List<RunRow> of = runs.stream().filter(r -> r.label().equals(label)).toList();
        c.addSeries(label, of.stream().mapToDouble(r -> r.number(key)).toArray(),
            of.stream().mapToDouble(RunRow::testAccuracy).toArray())
            .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      }
      body.figure(c, caption + " (" + setting + "; key " + key + ")");
    });
    return ReportData.nonEmpty(body);
  }
}
