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
    for (String title : List.of("RGP: ASPL against accuracy", "Data-free: saliency curve")) {
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
}
