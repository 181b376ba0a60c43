package dev.prunus.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * One run as a flat row of dotted keys (the rows of results.json, see
 * {@link dev.prunus.experiment.ResultRows}), with typed access to the fields the report plots. A
 * missing number reads as NaN, a missing text as the empty string.
 */
public record RunRow(ObjectNode values) {
  /** One prunable layer's name and weight density. */
  public record Layer(String name, double density) {}

  /** Keys every row must hold as text: what names a run in every table. */
  private static final List<String> TEXTS = List.of("model", "dataset");

  /** Keys every row must hold as numbers: what every table and chart of the report reads. */
  private static final List<String> NUMBERS = List.of(
      "accuracy.test", "params.total", "params.nonzero", "params.density", "flops.dense", "flops.masked");

  /**
   * Checks that {@code values} hold what a report reads, each key with its type, so a damaged or foreign
   * file is refused instead of shown as a row of NaN.
   *
   * @param source the file the row comes from, for the message
   * @throws InvalidInputException naming the file and every missing or wrong-typed key
   */
  public static RunRow checked(ObjectNode values, String source) {
    List<String> wrong = new ArrayList<>();
    for (String k : TEXTS) {
      if (values.get(k) == null || !values.get(k).isTextual()) {
        wrong.add(k + (values.get(k) == null ? " is missing" : " is not text (" + values.get(k) + ")"));
      }
    }
    for (String k : NUMBERS) {
      if (values.get(k) == null || !values.get(k).isNumber()) {
        wrong.add(k + (values.get(k) == null ? " is missing" : " is not a number (" + values.get(k) + ")"));
      }
    }
    if (!wrong.isEmpty()) {
      throw new InvalidInputException(source + " is not a finished run's metrics as Prunus writes them: "
          + String.join(", ", wrong) + ". Re-run the command that wrote it, or leave it out of the report");
    }
    return new RunRow(values);
  }

  public boolean has(String key) {
    JsonNode v = values.get(key);
    return v != null && !v.isNull();
  }

  public String text(String key) {
    JsonNode v = values.get(key);
    return v == null || v.isNull() ? "" : v.asText();
  }

  public double number(String key) {
    JsonNode v = values.get(key);
    if (v == null || v.isNull()) {
      return Double.NaN;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    try {
      return Double.parseDouble(v.asText());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  public String id() {
    return text("run.id");
  }

  /** The method entry's label; {@code dense} for a baseline. */
  public String label() {
    return text("run.label");
  }

  public boolean isDense() {
    return label().equals("dense");
  }

  public String model() {
    return text("model");
  }

  public String dataset() {
    return text("dataset");
  }

  public long seed() {
    return (long) number("seed");
  }

  /** The density asked for; 1 for a dense run. */
  public double targetDensity() {
    return isDense() ? 1.0 : number("run.target_density");
  }

  /**
   * The density reached: non-zero parameters of the prunable layers over those of the dense architecture
   * the run started from ({@code params.density_vs_dense}, so a compacted model is not called dense);
   * {@code params.density} for runs written before that key existed.
   */
  public double density() {
    return has("params.density_vs_dense") ? number("params.density_vs_dense") : number("params.density");
  }

  /** Non-zero (kept) parameters of the prunable layers. */
  public long nonzeroParams() {
    return (long) number("params.nonzero");
  }

  /** Multiply-accumulates per example of the kept weights. */
  public long maskedFlops() {
    return (long) number("flops.masked");
  }

  /** Seconds of training and pruning the run spent ({@code timing.train_s + timing.prune_s}). */
  public double seconds() {
    return number("timing.train_s") + (has("timing.prune_s") ? number("timing.prune_s") : 0);
  }

  public double testAccuracy() {
    return number("accuracy.test");
  }

  /** Dense over non-zero parameters of the prunable layers (1 for a dense model), as {@link #density()}. */
  public double compressionRatio() {
    return number(has("params.dense_total") ? "params.dense_total" : "params.total") / number("params.nonzero");
  }

  /**
   * Theoretical speed-up: the dense architecture's FLOPs over masked FLOPs (multiply-accumulates of the
   * kept weights).
   */
  public double theoreticalSpeedup() {
    return number(has("flops.dense_total") ? "flops.dense_total" : "flops.dense") / number("flops.masked");
  }

  /**
   * Theoretical speed-up of the physically smaller model: the dense architecture's FLOPs over structured
   * FLOPs (what removing dead units saves; compaction realises it).
   */
  public double structuredSpeedup() {
    if (!has("flops.structured")) {
      return Double.NaN;
    }
    return number(has("flops.dense_total") ? "flops.dense_total" : "flops.dense") / number("flops.structured");
  }

  /**
   * Measured speed-up of the compacted model (or of the sparse path) over the dense one on libtorch, at the
   * largest batch size {@code prunus bench infer} timed; NaN when it was not measured.
   */
  public double measuredSpeedup() {
    String prefix = "infer.measured_speedup.libtorch.";
    int batch = -1;
    java.util.Iterator<String> keys = values().fieldNames();
    while (keys.hasNext()) {
      String k = keys.next();
      if (k.startsWith(prefix)) {
        batch = Math.max(batch, Integer.parseInt(k.substring(prefix.length())));
      }
    }
    return batch < 0 ? Double.NaN : number(prefix + batch);
  }

  /**
   * The prunable layers in order ({@code layers.I.name}, {@code layers.I.density}). A compacted run's
   * layers are smaller than the architecture it pruned, so their densities are taken from its last
   * round record, made before compaction ({@code pruning.rounds.R.layer_density.NAME}).
   */
  public List<Layer> layers() {
    int last = -1;
    while (has("pruning.compaction.params_before") && has("pruning.rounds." + (last + 1) + ".round")) {
      last++;
    }
    List<Layer> out = new ArrayList<>();
    for (int i = 0; has("layers." + i + ".name"); i++) {
      String name = text("layers." + i + ".name");
      String beforeCompaction = "pruning.rounds." + last + ".layer_density." + name;
      out.add(new Layer(name, number(last >= 0 && has(beforeCompaction) ? beforeCompaction : "layers." + i + ".density")));
    }
    return out;
  }
}
