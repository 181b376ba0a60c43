package dev.prunus.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.prunus.run.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One row per run for results.csv, results.json and the report: every field of the run's metrics.json
 * and provenance.json flattened to dotted keys ({@code accuracy.test}, {@code layers.0.density},
 * {@code provenance.dataset.sha256}; array elements by index), after the {@code run.*} columns that
 * place the run in its experiment:
 *
 * <ul>
 *   <li>{@code run.id}: its directory below {@code runs/}, or the directory's name for a lone run;
 *   <li>{@code run.label}: the method entry's label ({@code dense} for the baselines);
 *   <li>{@code run.schedule}: at-init, one-shot, iterative, or {@code dense};
 *   <li>{@code run.target_density}: the density asked for (empty for dense runs);
 *   <li>{@code run.parent}: the id of the dense run it pruned (empty when none);
 *   <li>{@code run.dir}: where the run's files are.
 * </ul>
 * The provenance's command line is one space-separated string.
 */
public final class ResultRows {
  private ResultRows() {}

  public static ObjectNode row(
      String id, String label, String parent, String dir, JsonNode metrics, JsonNode provenance) {
    ObjectNode row = Json.MAPPER.createObjectNode();
    row.put("run.id", id);
    row.put("run.label", label);
    row.put("run.schedule", metrics.at("/pruning/schedule").asText(PlannedRun.DENSE));
    JsonNode target = metrics.at("/pruning/target_density");
    row.set("run.target_density", target.isMissingNode() ? NullNode.getInstance() : target);
    row.put("run.parent", parent);
    row.put("run.dir", dir);
    flatten("", metrics, row);
    ObjectNode p = provenance.deepCopy();
    if (p.get("command") != null && p.get("command").isArray()) {
      StringBuilder sb = new StringBuilder();
      p.get("command").forEach(a -> sb.append(sb.length() == 0 ? "" : " ").append(a.asText()));
      p.set("command", new TextNode(sb.toString()));
    }
    flatten("provenance", p, row);
    return row;
  }

  /** The file {@code prunus bench infer} writes into a run: its measured inference speed-ups. */
  public static final String INFER = "infer.json";

  /**
   * Adds what {@code prunus bench infer} measured in the run at {@code runDir}, if anything: the measured
   * speed-ups per engine and batch size ({@code infer.measured_speedup.ENGINE.BATCH}), the structured
   * FLOPs speed-up, and the CPU and threads they were measured with.
   */
  public static ObjectNode withInference(ObjectNode row, Path runDir) {
    Path file = runDir.resolve(INFER);
    if (!Files.isRegularFile(file)) {
      return row;
    }
    JsonNode infer;
    try {
      infer = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    for (String key : List.of("measured_speedup", "structured_speedup", "cpu", "threads")) {
      if (infer.has(key)) {
        flatten("infer." + key, infer.get(key), row);
      }
    }
    return row;
  }

  /** Adds every leaf of {@code node} to {@code out} under {@code prefix}-dotted keys. */
  static void flatten(String prefix, JsonNode node, ObjectNode out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "." + i, node.get(i), out);
      }
    } else {
      out.set(prefix, node);
    }
  }
}
