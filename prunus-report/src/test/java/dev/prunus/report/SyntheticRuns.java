package dev.prunus.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.run.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Result rows as an experiment writes them, without training anything: LeNet-5 on Fashion-MNIST, three
 * seeds, a dense baseline and methods at three densities, with RGP's ASPL and a data-free saliency curve
 * under pruning.details. Accuracy is 0.90 + 0.01 * seed for dense and falls with density.
 */
public final class SyntheticRuns {
  static final String[] LAYERS = {"conv1", "conv2", "fc1", "fc2", "fc3"};
  static final long[] PARAMS = {150, 2400, 48000, 10080, 840};

  private SyntheticRuns() {}

  public static List<RunRow> rows(boolean withMethodDetails) {
    List<RunRow> rows = new ArrayList<>();
    for (int seed = 1; seed <= 3; seed++) {
      rows.add(row("dense", 1.0, seed, 0.90 + 0.01 * seed, false));
    }
    for (String label : withMethodDetails ? List.of("magnitude", "random", "rgp", "data-free")
        : List.of("magnitude", "random")) {
      for (double d : new double[] {0.5, 0.1, 0.02}) {
        for (int seed = 1; seed <= 3; seed++) {
          double drop = (label.equals("random") ? 0.3 : 0.05) * (1 - d);
          rows.add(row(label, d, seed, 0.90 + 0.01 * seed - drop, withMethodDetails));
        }
      }
    }
    return rows;
  }

  static RunRow row(String label, double density, int seed, double accuracy, boolean details) {
    ObjectNode r = Json.MAPPER.createObjectNode();
    boolean dense = label.equals("dense");
    r.put("run.id", label + "/lenet5_fashion-mnist_d" + density + "_s" + seed);
    r.put("run.label", label);
    r.put("run.schedule", dense ? "dense" : "one-shot");
    if (dense) {
      r.putNull("run.target_density");
    } else {
      r.put("run.target_density", density);
    }
    r.put("model", "lenet5");
    r.put("dataset", "fashion-mnist");
    r.put("method", dense ? "dense" : label);
    r.put("seed", seed);
    r.put("accuracy.test", accuracy);
    long total = 0;
    long nonzero = 0;
    for (int i = 0; i < LAYERS.length; i++) {
      // the first layer keeps more, the big fc1 less: a non-uniform allocation
      double layerDensity = dense ? 1 : Math.min(1, density * (i == 0 ? 3 : i == 2 ? 0.8 : 1.2));
      long nz = Math.round(PARAMS[i] * layerDensity);
      r.put("layers." + i + ".name", LAYERS[i]);
      r.put("layers." + i + ".params", PARAMS[i]);
      r.put("layers." + i + ".nonzero", nz);
      r.put("layers." + i + ".density", (double) nz / PARAMS[i]);
      total += PARAMS[i];
      nonzero += nz;
    }
    r.put("params.total", total);
    r.put("params.nonzero", nonzero);
    r.put("params.density", (double) nonzero / total);
    r.put("flops.dense", 416_520);
    r.put("flops.masked", Math.round(416_520 * (dense ? 1 : Math.min(1, density * 1.5))));
    r.put("flops.structured", Math.round(416_520 * (dense ? 1 : Math.min(1, density * 3))));
    if (details && label.equals("rgp")) {
      r.put("pruning.details.aspl", 2.0 + density + 0.01 * seed);
    }
    if (details && label.equals("data-free")) {
      r.put("pruning.details.layers.fc1.removed", 12); // as data-free writes it: no curve
      for (int i = 0; i < 20; i++) {
        r.put("pruning.details.layers.fc1.saliency." + i, 0.01 * i * i);
      }
    }
    r.put("provenance.dataset.id", "fashion-mnist");
    r.put("provenance.dataset.sha256", "a".repeat(64));
    r.put("provenance.dataset.source", "cache");
    r.put("provenance.versions.prunus", "0.1.0-SNAPSHOT");
    r.put("provenance.created", "2025-01-01T00:00:00Z");
    r.put("provenance.command", "prunus experiment <script>alert(1)</script>.yaml");
    return new RunRow(r);
  }
}
