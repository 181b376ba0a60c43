package dev.prunus.report.html;

import dev.prunus.report.RunRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.XYChart;

/**
 * A curve a method records about its plan: a list under {@code pruning.details} (flattened to
 * {@code PREFIX.0}, {@code PREFIX.1}, ...), or one list per layer ({@code PREFIX.LAYER.SUFFIX.0}, ...),
 * e.g. the data-free method's saliency of each greedy merge ({@code pruning.details.layers.fc1.saliency.0}).
 * One line per method and layer, from the first run of each method that records it; shown only when
 * some run does.
 */
final class DetailCurveSection implements ReportSection {
  private final String title;
  private final String prefix;
  private final String xAxis;
  private final String yAxis;
  private final String caption;
  private final Pattern key;

  /**
   * @param prefix the dotted key the lists are under, e.g. {@code pruning.details.layers}
   * @param suffix the key of the list within each layer's entry ({@code saliency}), or "" for lists
   *     directly under the prefix
   */
  DetailCurveSection(String title, String prefix, String suffix, String xAxis, String yAxis, String caption) {
    this.title = title;
    this.prefix = suffix.isEmpty() ? prefix : prefix + ".*." + suffix;
    this.xAxis = xAxis;
    this.yAxis = yAxis;
    this.caption = caption;
    this.key = Pattern.compile(Pattern.quote(prefix) + "\\.(?:(.+)\\.)?"
        + (suffix.isEmpty() ? "" : Pattern.quote(suffix) + "\\.") + "(\\d+)");
  }

  @Override
  public String title() {
    return title;
  }

  /** The curves of one run by layer ("" when the list is not per layer), values by index. */
  Map<String, TreeMap<Integer, Double>> curves(RunRow r) {
    Map<String, TreeMap<Integer, Double>> out = new LinkedHashMap<>();
    r.values().fieldNames().forEachRemaining(k -> {
      Matcher m = key.matcher(k);
      if (m.matches()) {
        out.computeIfAbsent(m.group(1) == null ? "" : m.group(1), l -> new TreeMap<>())
            .put(Integer.parseInt(m.group(2)), r.number(k));
      }
    });
    return out;
  }

  @Override
  public Optional<SectionBody> render(ReportData data) {
    SectionBody body = new SectionBody();
    data.groups().forEach((setting, points) -> {
      Map<String, RunRow> firstByLabel = new LinkedHashMap<>();
      points.stream().flatMap(p -> p.runs().stream()).filter(r -> !curves(r).isEmpty())
          .forEach(r -> firstByLabel.putIfAbsent(r.label(), r));
      if (firstByLabel.isEmpty()) {
        return;
      }
      XYChart c = Charts.xy(title + ", " + setting, xAxis, yAxis);
      firstByLabel.forEach((label, run) -> curves(run).forEach((layer, values) -> {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        values.forEach((i, v) -> {
          x.add((double) i + 1);
          y.add(v);
        });
        c.addSeries(layer.isEmpty() ? label : label + " " + layer, x, y).setMarker(
            org.knowm.xchart.style.markers.SeriesMarkers.NONE);
      }));
      body.figure(c, caption + " (" + setting + "; keys " + prefix + ".*)");
    });
    return ReportData.nonEmpty(body);
  }
}
