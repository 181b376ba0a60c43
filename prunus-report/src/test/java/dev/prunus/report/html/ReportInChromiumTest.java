package dev.prunus.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.report.SyntheticRuns;
import dev.prunus.run.Json;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium (Debian's {@code chromium}, which .ci/run installs) the way a
 * reader would: every chart image loads and is drawn on the page (its region of a full-page screenshot
 * has ink), and the page logs nothing to the console and raises no error. Skipped, saying why, only
 * where no Chromium is installed.
 *
 * <p>Two loads: a copy of the report with a probe script in its head, dumped with {@code --dump-dom},
 * gives each image's position, natural size and any error event; the report itself, unchanged, is
 * screenshot at the page's full height with console logging on.
 */
class ReportInChromiumTest {
  private static final String PROBE = """
      <script>
      window.__errors = [];
      addEventListener('error', function (e) {
        var t = e.target;
        __errors.push(e.message || ('could not load ' + (t && t.tagName) + ' ' + (t && (t.src || '')).slice(0, 40)));
      }, true);
      addEventListener('load', function () {
        var r = [];
        for (var i = 0; i < document.images.length; i++) {
          var im = document.images[i], b = im.getBoundingClientRect();
          r.push({x: b.left + scrollX, y: b.top + scrollY, w: b.width, h: b.height, natural: im.naturalWidth,
              complete: im.complete});
        }
        var p = document.createElement('pre');
        p.id = 'prunus-probe';
        p.textContent = JSON.stringify({images: r, errors: __errors, height: document.documentElement.scrollHeight});
        document.body.appendChild(p);
      });
      </script>
      """;
  private static final int WIDTH = 1280;

  @TempDir Path tmp;

  static Optional<String> chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(p)) {
          return Optional.of(p.toString());
        }
      }
    }
    return Optional.empty();
  }

  private record Output(String out, String err) {}

  private Output run(String chromium, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--force-device-scale-factor=1", "--user-data-dir=" + tmp.resolve("profile")));
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("stdout.txt");
    Path err = tmp.resolve("stderr.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + cmd);
    }
    return new Output(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void chartsAreDrawnAndTheConsoleStaysQuiet() throws Exception {
    Optional<String> chromium = chromium();
    Assumptions.assumeTrue(chromium.isPresent(),
        "no chromium on PATH: install Debian's chromium (apt-get install chromium; .ci/run does) to run this test");
    String html = HtmlReport.standard().render(SyntheticRuns.rows(true), List.of("synthetic"));
    int charts = HtmlReportTest.charts(html).size();
    assertThat(charts).isEqualTo(7);
    Path report = tmp.resolve("report.html");
    Files.writeString(report, html);
    Path probed = tmp.resolve("probed.html");
    Files.writeString(probed, html.replace("<head>\n", "<head>\n" + PROBE));

    Output dom = run(chromium.get(), "--window-size=" + WIDTH + ",1000", "--virtual-time-budget=10000", "--dump-dom",
        probed.toUri().toString());
    Matcher m = Pattern.compile("<pre id=\"prunus-probe\">(.*?)</pre>", Pattern.DOTALL).matcher(dom.out());
    assertThat(m.find()).as("the probe ran; chromium said:\n" + dom.err()).isTrue();
    JsonNode probe = Json.MAPPER.readTree(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
    assertThat(probe.get("errors")).as("error events").isEmpty();
    assertThat(probe.get("images")).hasSize(charts);
    for (JsonNode img : probe.get("images")) {
      assertThat(img.get("complete").asBoolean()).isTrue();
      assertThat(img.get("natural").asInt()).as("decoded width").isEqualTo(Charts.WIDTH);
    }

    int height = probe.get("height").asInt();
    Path shot = tmp.resolve("report.png");
    Output screenshot = run(chromium.get(), "--enable-logging=stderr", "--v=0", "--window-size=" + WIDTH + "," + height,
        "--screenshot=" + shot, report.toUri().toString());
    List<String> console = Stream.of(screenshot.err().split("\n")).filter(l -> l.contains(":CONSOLE")).toList();
    assertThat(console).as("console messages of a page without scripts").isEmpty();
    BufferedImage page = ImageIO.read(shot.toFile());
    assertThat(page.getHeight()).as("the screenshot covers the whole page").isGreaterThanOrEqualTo(height);
    for (JsonNode img : probe.get("images")) {
      BufferedImage region = page.getSubimage(img.get("x").asInt(), img.get("y").asInt(), img.get("w").asInt(),
          img.get("h").asInt());
      assertThat(HtmlReportTest.inked(region)).as("ink in the chart at y=" + img.get("y").asInt()).isGreaterThan(0.02);
    }
    // the same regions of a page whose images are gone are blank: the ink above is the charts'
    Path blank = tmp.resolve("blank.html");
    Files.writeString(blank, html.replaceAll("src=\"data:image/png;base64,[^\"]*\"", "src=\"\""));
    Path blankShot = tmp.resolve("blank.png");
    run(chromium.get(), "--window-size=" + WIDTH + "," + height, "--screenshot=" + blankShot, blank.toUri().toString());
    BufferedImage empty = ImageIO.read(blankShot.toFile());
    JsonNode first = probe.get("images").get(0);
    BufferedImage emptyRegion = empty.getSubimage(first.get("x").asInt() + 20, first.get("y").asInt() + 20,
        first.get("w").asInt() - 40, first.get("h").asInt() - 40);
    assertThat(HtmlReportTest.inked(emptyRegion)).isLessThan(0.01);
  }
}
