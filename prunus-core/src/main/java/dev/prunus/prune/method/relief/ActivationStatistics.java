package dev.prunus.prune.method.relief;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prunus.data.ImageSet;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Layer;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.ResidualBlock;
import dev.prunus.model.Shortcut;
import dev.prunus.train.NoGradient;
import dev.prunus.train.TrainableNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What NNrelief reads from one forward pass of the pruning set (inference mode: batch norm uses its
 * running statistics), accumulated over batches:
 *
 * <ul>
 *   <li>for every conv and linear layer, the batch mean of its absolute input, per input position;
 *   <li>for every unit, the batch sum of its <em>activated</em> output: after the ReLU that follows it
 *       (through batch norm and pooling; for the last conv of a residual branch, the ReLU after the
 *       addition), or, for the network's output layer, the logits themselves. A unit whose sum is exactly
 *       0 is dead. Units followed by no ReLU inside the network get no activation (no dead check);
 *   <li>for every residual block, the batch means of {@code |branch output|} (after its last batch norm)
 *       and of {@code |shortcut output|} (times the block's shortcut mask), per channel and position.
 * </ul>
 */
final class ActivationStatistics {
  private static final int BATCH = 250;

  /** The statistics of one prunable layer. */
  static final class LayerStats {
    FeatureShape input;
    double[] absInput;
    double[] activation;
  }

  /** The statistics of one residual block, each {@code [channels, h, w]}. */
  static final class BlockStats {
    FeatureShape shape;
    double[] absBranch;
    double[] absShortcut;
  }

  private final int count;
  private final Map<String, LayerStats> layers = new LinkedHashMap<>();
  private final Map<String, BlockStats> blocks = new LinkedHashMap<>();
  private List<String> pending = List.of();

  private ActivationStatistics(int count) {
    this.count = count;
  }

  /** Runs {@code model} on {@code images} and returns the means (sums for activations). */
  static ActivationStatistics of(Model model, ImageSet images) {
    ActivationStatistics stats = new ActivationStatistics(images.size());
    try (NDManager root = NDManager.newBaseManager(); TrainableNetwork net = TrainableNetwork.of(model, root)) {
      NoGradient.compute(() -> {
        int per = images.imageSize();
        for (int from = 0; from < images.size(); from += BATCH) {
          int n = Math.min(BATCH, images.size() - from);
          try (NDManager m = net.manager().newSubManager()) {
            float[] pixels = Arrays.copyOfRange(images.pixels(), from * per, (from + n) * per);
            NDArray x = m.create(pixels, new Shape(n, images.channels(), images.height(), images.width()));
            NDArray logits = stats.run(net, model.architecture().layers(), x);
            stats.activate(logits);
          }
        }
        return null;
      });
    }
    stats.scale();
    return stats;
  }

  /** The layer's statistics, or null when the pass never reached it. */
  LayerStats layer(String name) {
    return layers.get(name);
  }

  BlockStats block(String name) {
    return blocks.get(name);
  }

  /** True when unit {@code unit} of {@code layer} has an activation whose batch sum is exactly 0. */
  boolean dead(String layer, int unit) {
    LayerStats s = layers.get(layer);
    return s != null && s.activation != null && s.activation[unit] == 0.0;
  }

  private NDArray run(TrainableNetwork net, List<Layer> list, NDArray x) {
    NDArray h = x;
    for (Layer l : list) {
      if (l instanceof PrunableLayer p) {
        absInput(p.name(), h);
        h = net.layer(l, h, false);
        pending = List.of(p.name());
      } else if (l instanceof ReluLayer) {
        h = net.layer(l, h, false);
        activate(h);
      } else if (l instanceof ResidualBlock r) {
        NDArray branch = run(net, r.branch(), h);
        List<String> addends = new ArrayList<>(pending);
        if (r.shortcut() instanceof Shortcut.Projection p) {
          absInput(p.conv().name(), h);
          addends.add(p.conv().name());
        }
        NDArray shortcut = net.shortcut(r, h, false);
        BlockStats b = blocks.computeIfAbsent(r.name(), k -> new BlockStats());
        b.shape = shape(branch);
        b.absBranch = accumulate(b.absBranch, branch.abs().sum(new int[] {0}));
        b.absShortcut = accumulate(b.absShortcut, shortcut.abs().sum(new int[] {0}));
        h = branch.add(shortcut);
        pending = addends;
      } else {
        h = net.layer(l, h, false);
      }
    }
    return h;
  }

  private void absInput(String layer, NDArray x) {
    LayerStats s = layers.computeIfAbsent(layer, k -> new LayerStats());
    s.input = shape(x);
    s.absInput = accumulate(s.absInput, x.abs().sum(new int[] {0}));
  }

  /** Records {@code a} (shape [N, C] or [N, C, H, W]) as the activated output of the pending layers. */
  private void activate(NDArray a) {
    for (String name : pending) {
      LayerStats s = layers.get(name);
      NDArray perUnit = a.getShape().dimension() == 4 ? a.sum(new int[] {0, 2, 3}) : a.sum(new int[] {0});
      s.activation = accumulate(s.activation, perUnit);
    }
    pending = List.of();
  }

  private static double[] accumulate(double[] sum, NDArray batch) {
    float[] v = batch.toFloatArray();
    double[] out = sum == null ? new double[v.length] : sum;
    for (int i = 0; i < v.length; i++) {
      out[i] += v[i];
    }
    return out;
  }

  private static FeatureShape shape(NDArray x) {
    Shape s = x.getShape();
    return s.dimension() == 4 ? new FeatureShape((int) s.get(1), (int) s.get(2), (int) s.get(3))
        : new FeatureShape((int) s.get(1), 1, 1);
  }

  /** Turns the absolute sums into batch means (activations stay sums: only their zeros matter). */
  private void scale() {
    for (LayerStats s : layers.values()) {
      divide(s.absInput);
    }
    for (BlockStats b : blocks.values()) {
      divide(b.absBranch);
      divide(b.absShortcut);
    }
  }

  private void divide(double[] v) {
    for (int i = 0; i < v.length; i++) {
      v[i] /= count;
    }
  }
}
