package dev.prunus.measure;

import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts parameters and FLOPs of a model from its architecture and masks, without running it; the model is
 * only read. "Non-zero" means kept by the mask (remaining parameters are the kept mask entries, as the papers
 * count them): an entry without a mask is kept, so a dense model counts every parameter, whatever the value
 * of its weights (Kaiming initialisation, for one, starts biases at exactly 0).
 */
public final class ModelCounter {
  private ModelCounter() {}

  public static ModelCount count(Model model) {
    return count(model.architecture(), model.masks());
  }

  /** Dense counts of an architecture: nothing masked, so no weights are needed. */
  public static ModelCount countDense(Architecture arch) {
    return count(arch, Masks.NONE);
  }

  /** Counts of {@code arch} under {@code masks} (a parameter without a mask is dense). */
  public static ModelCount count(Architecture arch, Masks masks) {
    Map<String, FeatureShape> outputs = arch.prunableOutputShapes();
    List<LayerCount> layers = new ArrayList<>();
    for (PrunableLayer p : arch.prunableLayers()) {
      layers.add(countLayer(p, masks, outputs.get(p.name())));
    }
    long bn = 0;
    for (BatchNormLayer b : arch.batchNormLayers()) {
      bn += 2L * b.channels();
    }
    return new ModelCount(layers, bn);
  }

  private static LayerCount countLayer(PrunableLayer p, Masks masks, FeatureShape out) {
    boolean[] keep = keep(masks, p.weightName());
    int rows = p.outputUnits();
    int cols = p.inputUnits();
    int k = p.weightsPerConnection();
    long positions = (long) out.height() * out.width();
    boolean[] liveRow = new boolean[rows];
    boolean[] liveCol = new boolean[cols];
    long nonzeroWeights = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int base = (r * cols + c) * k;
        for (int j = 0; j < k; j++) {
          if (keep == null || keep[base + j]) {
            nonzeroWeights++;
            liveRow[r] = true;
            liveCol[c] = true;
          }
        }
      }
    }
    long nonzeroBias = 0;
    if (p.hasBias()) {
      boolean[] keepBias = keep(masks, p.biasName());
      nonzeroBias = keepBias == null ? rows : count(keepBias);
    }
    int liveRows = count(liveRow);
    int liveCols = count(liveCol);
    long dense = (long) rows * cols * k * positions;
    return new LayerCount(
        p.name(),
        p.kind(),
        p.weightShape(),
        p.parameterCount(),
        nonzeroWeights + nonzeroBias,
        dense,
        nonzeroWeights * positions,
        (long) liveRows * liveCols * k * positions,
        liveRows,
        liveCols);
  }

  private static boolean[] keep(Masks masks, String parameter) {
    var m = masks.get(parameter);
    return m == null ? null : m.keep();
  }

  private static int count(boolean[] b) {
    int n = 0;
    for (boolean x : b) {
      if (x) {
        n++;
      }
    }
    return n;
  }

}
