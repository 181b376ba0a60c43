package dev.prunus.prune.method.datafree;

import dev.prunus.InvalidInputException;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.prune.ChannelDependencies;
import dev.prunus.prune.DeadUnits;
import dev.prunus.prune.UnitGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * A hidden fully connected layer whose neurons the neuron-level methods ({@code data-free},
 * {@code random-neuron}, {@code naive-neuron}) may remove: a linear layer whose every output is read
 * directly (through ReLU at most) by one column of exactly one next linear layer, the {@code consumer}.
 * So the classifier (its outputs are the network's), convolutions, and linear layers followed by batch
 * norm or read by more than one layer are never touched. {@code alive[k]} says whether neuron k still
 * computes something that is read (not removed by an earlier pruning). Public for the benchmarks that time
 * the merge phase by phase ({@code prunus bench data-free}).
 *
 * @param layer the hidden layer, weight {@code [n, in]}
 * @param consumer the next linear layer, weight {@code [out, n]}
 * @param alive per neuron, false when it is already dead ({@link DeadUnits})
 */
public record HiddenFcLayer(LinearLayer layer, LinearLayer consumer, boolean[] alive) {
  public HiddenFcLayer {
    alive = alive.clone();
  }

  /** Per neuron, whether it is alive (a copy). */
  @Override
  public boolean[] alive() {
    return alive.clone();
  }

  /** Whether neuron {@code k} is alive. */
  public boolean isAlive(int k) {
    return alive[k];
  }

  /** The number of alive neurons. */
  public int aliveCount() {
    int c = 0;
    for (boolean b : alive) {
      if (b) {
        c++;
      }
    }
    return c;
  }

  /**
   * The hidden fully connected layers of {@code model}, in forward order.
   *
   * @throws InvalidInputException if there are none, naming the method and the model
   */
  public static List<HiddenFcLayer> of(Model model, String method) {
    ChannelDependencies coupling = ChannelDependencies.of(model.architecture());
    boolean[] dead = DeadUnits.of(model, coupling);
    List<HiddenFcLayer> out = new ArrayList<>();
    for (PrunableLayer p : model.architecture().prunableLayers()) {
      if (!(p instanceof LinearLayer l)) {
        continue;
      }
      int[] groups = coupling.groupIndices(l.name());
      LinearLayer consumer = consumer(model, coupling, groups);
      if (consumer == null) {
        continue;
      }
      boolean[] alive = new boolean[groups.length];
      for (int k = 0; k < groups.length; k++) {
        alive[k] = !dead[groups[k]];
      }
      out.add(new HiddenFcLayer(l, consumer, alive));
    }
    if (out.isEmpty()) {
      throw new InvalidInputException("method " + method + " removes neurons of hidden fully connected layers "
          + "(read directly by the next linear layer), and " + model.architecture().name() + " has none: "
          + "use a model with a hidden FC layer (lenet-300-100, lenet5, lenet5-caffe, vgg16 with {{vggHidden|vgg-head=512}}), "
          + "or a filter method such as l1-structured");
    }
    return out;
  }

  /** The one linear layer reading every unit of the layer by a single column each, or null. */
  private static LinearLayer consumer(Model model, ChannelDependencies coupling, int[] groups) {
    String name = null;
    for (int g : groups) {
      UnitGroup group = coupling.groups().get(g);
      if (!group.removable() || group.coupled() || group.members().get(0).batchNorm().isPresent()
          || group.consumers().size() != 1 || group.consumers().get(0).count() != 1) {
        return null;
      }
      String c = group.consumers().get(0).layer();
      if (name != null && !name.equals(c)) {
        return null;
      }
      name = c;
    }
    for (PrunableLayer p : model.architecture().prunableLayers()) {
      if (p.name().equals(name) && p instanceof LinearLayer l) {
        return l;
      }
    }
    return null;
  }

  /**
   * Neuron k's incoming weights with its bias appended ({@code [W_k, b_k]}), row k of an
   * {@code n x (in + 1)} row-major matrix. Masked entries are zero in a model, so they count as zero.
   */
  public float[] incomingRows(Model model) {
    int n = layer.outFeatures();
    int in = layer.inFeatures();
    float[] w = model.weights().get(layer.weightName()).data();
    float[] b = layer.hasBias() ? model.weights().get(layer.biasName()).data() : null;
    float[] rows = new float[n * (in + 1)];
    for (int k = 0; k < n; k++) {
      System.arraycopy(w, k * in, rows, k * (in + 1), in);
      rows[k * (in + 1) + in] = b == null ? 0f : b[k];
    }
    return rows;
  }

  /**
   * Neuron k's outgoing weights (column k of the consumer's weight), row k of an {@code n x out}
   * row-major matrix.
   */
  public float[] outgoing(Model model) {
    int n = layer.outFeatures();
    int out = consumer.outFeatures();
    float[] w = model.weights().get(consumer.weightName()).data();
    float[] a = new float[n * out];
    for (int o = 0; o < out; o++) {
      for (int k = 0; k < n; k++) {
        a[k * out + o] = w[o * n + k];
      }
    }
    return a;
  }
}
