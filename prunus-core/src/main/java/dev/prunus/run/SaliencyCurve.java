package dev.prunus.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prunus.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One layer's saliency curve from a greedy neuron-merging plan ({@code data-free}): the saliency of every
 * greedy step in order, how many of the steps were taken, and the knee. Read from a plan's details as
 * they appear in metrics.json ({@code pruning.details.layers.<layer>}), and written as CSV (one row per
 * step: {@code layer,step,saliency,removed}, with {@code step} 1-based and {@code removed} 1 for the
 * steps the plan made; in a sweep, which plans every count, 1 for the steps up to the knee, those
 * {@code data-free --auto} takes).
 */
public record SaliencyCurve(String layer, List<Double> saliency, int removed, int knee) {
  public static final String CSV = "saliency.csv";

  public SaliencyCurve {
    saliency = List.copyOf(saliency);
  }

  /** The curves in a plan's details (as JSON), in layer order; empty when the plan has none. */
  public static List<SaliencyCurve> fromDetails(JsonNode details) {
    List<SaliencyCurve> out = new ArrayList<>();
    JsonNode layers = details == null ? null : details.get("layers");
    if (layers == null || !layers.isObject()) {
      return out;
    }
    layers.fields().forEachRemaining(e -> {
      JsonNode l = e.getValue();
      if (l.has("saliency")) {
        List<Double> s = new ArrayList<>();
        l.get("saliency").forEach(v -> s.add(v.asDouble()));
        out.add(new SaliencyCurve(e.getKey(), s, l.path("removed").asInt(), l.path("knee").asInt()));
      }
    });
    return out;
  }

  /** The curves of a plan's details given as a map (what {@code PruningPlan.details()} holds). */
  public static List<SaliencyCurve> fromDetails(Map<String, Object> details) {
    return fromDetails((JsonNode) Json.MAPPER.valueToTree(new LinkedHashMap<>(details)));
  }

  /** Writes {@code curves} to {@code file} as CSV. */
  public static void writeCsv(Path file, List<SaliencyCurve> curves) {
    StringBuilder sb = new StringBuilder("layer,step,saliency,removed\n");
    for (SaliencyCurve c : curves) {
      for (int t = 0; t < c.saliency.size(); t++) {
        sb.append(String.format(Locale.ROOT, "%s,%d,%.9g,%d%n", c.layer, t + 1, c.saliency.get(t), t < c.removed ? 1 : 0));
      }
    }
    AtomicFiles.writeString(file, sb.toString());
  }
}
