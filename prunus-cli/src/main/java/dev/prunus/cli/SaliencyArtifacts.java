package dev.prunus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.report.Charts;
import dev.prunus.run.SaliencyCurve;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * After a pruning run whose plan recorded saliency curves ({@code data-free}): writes them to the run
 * directory as {@code saliency.csv} and {@code saliency.png}, and says where each layer stopped.
 */
final class SaliencyArtifacts {
  static final String PNG = "saliency.png";

  private SaliencyArtifacts() {}

  static void write(Path run, JsonNode metrics, PrintWriter out) {
    List<SaliencyCurve> curves = SaliencyCurve.fromDetails(metrics.at("/pruning/details"));
    if (curves.isEmpty()) {
      return;
    }
    SaliencyCurve.writeCsv(run.resolve(SaliencyCurve.CSV), curves);
    Charts.saliency(run.resolve(PNG), curves);
    String rule = metrics.at("/pruning/details/rule").asText();
    for (SaliencyCurve c : curves) {
      out.printf(Locale.ROOT, "%s: %d of %d alive neurons merged away (%s); the knee of its saliency curve is at %d%n",
          c.layer(), c.removed(), c.saliency().size() + 1, rule.equals("knee") ? "stopped at the knee" : "by " + rule,
          c.knee());
    }
    out.printf("saliency curves: %s, %s%n", run.resolve(SaliencyCurve.CSV), run.resolve(PNG));
  }
}
