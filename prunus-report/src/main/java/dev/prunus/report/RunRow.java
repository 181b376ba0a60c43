package dev.prunus.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  /** The density reached: non-zero over total weights of the prunable layers. */
  public double density() {
    return number("params.density");
  }

  public double testAccuracy() {
    return number("accuracy.test");
  }

  /** Total over non-zero parameters of the prunable layers (1 for a dense model). */
  public double compressionRatio() {
    return number("params.total") / number("params.nonzero");
  }

  /** Theoretical speed-up: dense FLOPs over masked FLOPs (multiply-accumulates of the kept weights). */
  public double theoreticalSpeedup() {
    return number("flops.dense") / number("flops.masked");
  }

  /** The prunable layers in order ({@code layers.I.name}, {@code layers.I.density}). */
  public List<Layer> layers() {
    List<Layer> out = new ArrayList<>();
    for (int i = 0; has("layers." + i + ".name"); i++) {
      out.add(new Layer(text("layers." + i + ".name"), number("layers." + i + ".density")));
    }
    return out;
  }
}
