package dev.prunus.prune.method.relief;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prunus.data.ImageSet;
import dev.prunus.model.AddLayer;
import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ChannelGateLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Layer;
import dev.prunus.model.MaxPoolLayer;
import dev.prunus.model.Model;
import dev.prunus.model.Node;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.ReluLayer;
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
 *   <li>for every residual block (an add whose second operand comes through a {@link ChannelGateLayer}),
 *       keyed by the add's name, the batch means of {@code |branch output|} (after its last batch norm) and
 *       of {@code |shortcut output|} (times the block's shortcut mask), per channel and position.
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
  private final Architecture architecture;
  private final Map<String, List<String>> activatedBy;

  private ActivationStatistics(int count, Architecture architecture) {
    this.count = count;
    this.architecture = architecture;
    this.activatedBy = activations(architecture);
  }

  /** Runs {@code model} on {@code images} and returns the means (sums for activations). */
  static ActivationStatistics of(Model model, ImageSet images) {
    ActivationStatistics stats = new ActivationStatistics(images.size(), model.architecture());
    try (NDManager root = NDManager.newBaseManager(); TrainableNetwork net = TrainableNetwork.of(model, root)) {
      NoGradient.compute(() -> {
        int per = images.imageSize();
        for (int from = 0; from < images.size(); from += BATCH) {
          int n = Math.min(BATCH, images.size() - from);
          try (NDManager m = net.manager().newSubManager()) {
            float[] pixels = Arrays.copyOfRange(images.pixels(), from * per, (from + n) * per);
            NDArray x = m.create(pixels, new Shape(n, images.channels(), images.height(), images.width()));
            net.forward(x, false, stats::observe);
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

  /** Records what one node of the forward pass shows: inputs of prunable layers, activations, residual sums. */
  private void observe(Node n, List<NDArray> inputs, NDArray output) {
    if (n.layer() instanceof PrunableLayer p) {
      absInput(p.name(), inputs.get(0));
    }
    List<String> activated = activatedBy.get(n.name());
    if (activated != null) {
      activate(output, activated);
    }
    if (n.layer() instanceof AddLayer && architecture.node(n.inputs().get(1)).layer() instanceof ChannelGateLayer) {
      BlockStats b = blocks.computeIfAbsent(n.name(), k -> new BlockStats());
      b.shape = shape(inputs.get(0));
      b.absBranch = accumulate(b.absBranch, inputs.get(0).abs().sum(new int[] {0}));
      b.absShortcut = accumulate(b.absShortcut, inputs.get(1).abs().sum(new int[] {0}));
    }
  }

  /**
   * For each ReLU (and the output), the prunable layers whose activated output it is: those that reach it
   * through batch norm, pooling, a gate or a residual addition, each step the only reader of its tensor.
   */
  private static Map<String, List<String>> activations(Architecture arch) {
    Map<String, List<String>> readers = new LinkedHashMap<>();
    for (Node n : arch.nodes()) {
      for (String t : n.inputs()) {
        readers.computeIfAbsent(t, k -> new ArrayList<>()).add(n.name());
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (PrunableLayer p : arch.prunableLayers()) {
      String t = p.name();
      while (true) {
        if (t.equals(arch.output())) {
          out.computeIfAbsent(t, k -> new ArrayList<>()).add(p.name());
          break;
        }
        List<String> next = readers.getOrDefault(t, List.of());
        if (next.size() != 1) {
          break;
        }
        Layer l = arch.node(next.get(0)).layer();
        t = next.get(0);
        if (l instanceof ReluLayer) {
          out.computeIfAbsent(t, k -> new ArrayList<>()).add(p.name());
          break;
        }
        if (!(l instanceof BatchNormLayer || l instanceof MaxPoolLayer || l instanceof ChannelGateLayer
            || l instanceof AddLayer)) {
          break;
        }
      }
    }
    return out;
  }

  private void absInput(String layer, NDArray x) {
    LayerStats s = layers.computeIfAbsent(layer, k -> new LayerStats());
    s.input = shape(x);
    s.absInput = accumulate(s.absInput, x.abs().sum(new int[] {0}));
  }

  /** Records {@code a} (shape [N, C] or [N, C, H, W]) as the activated output of {@code layers}. */
  private void activate(NDArray a, List<String> activated) {
    for (String name : activated) {
      LayerStats s = layers.get(name);
      NDArray perUnit = a.getShape().dimension() == 4 ? a.sum(new int[] {0, 2, 3}) : a.sum(new int[] {0});
      s.activation = accumulate(s.activation, perUnit);
    }
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
