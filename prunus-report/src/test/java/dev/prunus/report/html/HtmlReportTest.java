package dev.prunus.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.report.SyntheticRuns;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final Pattern IMG = Pattern.compile("<img class=\"chart\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

  public static List<BufferedImage> charts(String html) throws Exception {
    List<BufferedImage> out = new ArrayList<>();
    Matcher m = IMG.matcher(html);
    while (m.find()) {
      out.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
    }
    return out;
  }

  /** Share of pixels that are not (near) white. */
  static double inked(BufferedImage img) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        if (((rgb >> 16) & 0xff) < 235 || ((rgb >> 8) & 0xff) < 235 || (rgb & 0xff) < 235) {
          n++;
        }
      }
    }
    return (double) n / (img.getWidth() * img.getHeight());
  }

  /** Every chart is a decodable PNG of the declared size with something drawn on it. */
  @Test
  void everyChartIsAnEmbeddedPngWithInk() throws Exception {
    String html = HtmlReport.standard().render(SyntheticRuns.rows(true), List.of("experiments/x"));
    List<BufferedImage> charts = charts(html);
    // accuracy, compression, 3 layer-density charts, RGP, data-free
    assertThat(charts).hasSize(7);
    assertThat(html.split("<img ", -1)).hasSize(8);
    for (BufferedImage c : charts) {
      assertThat(c.getWidth()).isEqualTo(Charts.WIDTH);
      assertThat(c.getHeight()).isEqualTo(Charts.HEIGHT);
      assertThat(inked(c)).isGreaterThan(0.02);
    }
  }

  /** Method sections appear exactly when some run carries their keys. */
  @Test
  void methodSectionsFollowTheData() {
    String with = HtmlReport.standard().render(SyntheticRuns.rows(true), List.of("x"));
    String without = HtmlReport.standard().render(SyntheticRuns.rows(false), List.of("x"));
    for (String title : List.of("Relational graphs: ASPL against accuracy", "Data-free: saliency curve")) {
      assertThat(with).contains("<h2>" + title + "</h2>");
      assertThat(without).doesNotContain("<h2>" + title + "</h2>");
    }
    assertThat(with).doesNotContain("Small-World: sigma");
    for (String title : List.of("Summary", "Accuracy against density", "Compression against theoretical speed-up",
        "Density per layer", "Provenance")) {
      assertThat(without).contains("<h2>" + title + "</h2>");
    }
  }

  /** Self-contained: no scripts, no reference outside the file; run text is escaped. */
  @Test
  void selfContainedAndEscaped() {
    String html = HtmlReport.standard().render(SyntheticRuns.rows(true), List.of("x"));
    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("url(")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
    while (refs.find()) {
      assertThat(refs.group(1)).startsWith("data:");
    }
    assertThat(html).contains("<td>0.9200 ± 0.0100</td>");
  }

  /** Runs without a target density (relief: an outcome) get their own per-layer chart, titled so. */
  @Test
  void runsWithoutATargetDensityAreCharted() throws Exception {
    List<dev.prunus.report.RunRow> rows = new ArrayList<>(SyntheticRuns.rows(false));
    for (int seed = 0; seed < 2; seed++) {
      com.fasterxml.jackson.databind.node.ObjectNode relief = rows.get(3 + seed).values().deepCopy();
      relief.put("run.label", "relief");
      relief.putNull("run.target_density");
      rows.add(new dev.prunus.report.RunRow(relief));
    }
    String html = HtmlReport.standard().render(rows, List.of("x"));
    assertThat(html).contains("Weight density of each prunable layer at target density outcome");
    assertThat(charts(html)).hasSize(2 + 4);
  }

  /** The data-free curve is read from the keys the method writes: pruning.details.layers.LAYER.saliency.I. */
  @Test
  void theSaliencyCurveIsReadPerLayer() {
    dev.prunus.report.RunRow dataFree = SyntheticRuns.rows(true).stream().filter(r -> r.label().equals("data-free"))
        .findFirst().orElseThrow();
    DetailCurveSection section = HtmlReport.STANDARD_SECTIONS.stream().filter(DetailCurveSection.class::isInstance)
        .map(DetailCurveSection.class::cast).findFirst().orElseThrow();
    var curves = section.curves(dataFree);
    assertThat(curves).containsOnlyKeys("fc1");
    assertThat(curves.get("fc1")).hasSize(20).containsEntry(3, 0.09);
  }

  /** Two iterative runs of one method: each round's point is the mean density and mean ± std accuracy. */
  @Test
  void roundTrajectoriesAverageEachRoundOverSeeds() throws Exception {
    List<dev.prunus.report.RunRow> rows = new ArrayList<>(SyntheticRuns.rows(false));
    double[][] density = {{0.5, 0.25, 0.125}, {0.7, 0.35, 0.175}};
    double[][] accuracy = {{0.90, 0.88, 0.80}, {0.92, 0.86, 0.70}};
    for (int seed = 0; seed < 2; seed++) {
      com.fasterxml.jackson.databind.node.ObjectNode relief = rows.get(3 + seed).values().deepCopy();
      relief.put("run.label", "relief");
      relief.putNull("run.target_density");
      for (int i = 0; i < 3; i++) {
        relief.put("pruning.rounds." + i + ".density", density[seed][i]);
        relief.put("pruning.rounds." + i + ".test_accuracy", accuracy[seed][i]);
      }
      rows.add(new dev.prunus.report.RunRow(relief));
    }
    String html = HtmlReport.standard().render(rows, List.of("x"));
    assertThat(html).contains("<h2>Iterative pruning: accuracy after each round</h2>");
    assertThat(HtmlReport.standard().render(SyntheticRuns.rows(false), List.of("x")))
        .doesNotContain("Iterative pruning");

    var setting = new dev.prunus.report.ResultGroups.Setting("lenet5", "fashion-mnist");
    var chart = RoundTrajectorySection.chart(setting, java.util.Map.of("relief", rows.subList(rows.size() - 2,
        rows.size())), java.util.Optional.empty());
    var series = chart.getSeriesMap().get("relief");
    assertThat(series.getXData()).containsExactly(0.6, 0.3, 0.15);
    assertThat(series.getYData()).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : 1)
        .containsExactly(0.91, 0.87, 0.75);
    // sample standard deviation of {0.80, 0.70}
    assertThat(series.getExtraValues()[2]).isCloseTo(Math.sqrt(0.005), org.assertj.core.data.Offset.offset(1e-12));
  }

  /** --charts: one PNG per chart, in report order, byte for byte the embedded images. */
  @Test
  void chartsAreWrittenAsFilesInReportOrder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    HtmlReport.Rendered r = HtmlReport.standard().build(SyntheticRuns.rows(true), List.of("x"));
    List<java.nio.file.Path> files = HtmlReport.writeCharts(dir.resolve("charts"), r.figures());
    assertThat(files).hasSize(7);
    assertThat(files.get(0).getFileName().toString()).isEqualTo("01-test-accuracy-lenet5-on-fashion-mnist.png");
    Matcher m = IMG.matcher(r.html());
    for (java.nio.file.Path f : files) {
      assertThat(m.find()).isTrue();
      assertThat(java.nio.file.Files.readAllBytes(f)).isEqualTo(Base64.getDecoder().decode(m.group(1)));
    }
    assertThat(m.find()).isFalse();
    assertThat(HtmlReport.slug("Density per layer at target 0.1, lenet5 / fashion-mnist"))
        .isEqualTo("density-per-layer-at-target-0-1-lenet5-fashion-mnist");
    assertThat(HtmlReport.slug("±")).isEqualTo("chart");
  }

  /** A legend too wide for one line moves to the right of the plot, one entry per line; a short one stays below. */
  @Test
  void aLegendWiderThanTheChartIsStacked() {
    org.knowm.xchart.XYChart narrow = Charts.xy("t", "x", "y");
    narrow.addSeries("magnitude", new double[] {1}, new double[] {1});
    Charts.fitLegend(narrow);
    assertThat(narrow.getStyler().getLegendLayout()).isEqualTo(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    org.knowm.xchart.XYChart wide = Charts.xy("t", "x", "y");
    for (String name : List.of("small-world", "random-same-layers", "snip", "small-world-p0.1", "small-world-p1",
        "dense (0.8996 ± 0.0069)")) {
      wide.addSeries(name, new double[] {1}, new double[] {1});
    }
    Charts.fitLegend(wide);
    assertThat(wide.getStyler().getLegendLayout()).isEqualTo(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
    assertThat(wide.getStyler().getLegendPosition()).isEqualTo(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
  }
}
