package dev.prunus.kernel;

import dev.prunus.InvalidInputException;
import dev.prunus.model.Architecture;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Model;
import dev.prunus.model.Node;
import dev.prunus.model.ReluLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Inference of a pruned fully connected network in plain Java, each linear layer as a {@link CsrMatrix}:
 * the unstructured sparse path. A network of many small products (LeNet-300-100 at batch 1) spends most
 * of its time in per-operation overhead and in multiplying zeros when run by libtorch; here a layer costs
 * its kept weights and nothing else. Takes the networks whose nodes are a chain of flatten, linear and
 * ReLU ({@link #supports}); masks are honoured, so the outputs are the masked model's.
 */
public final class SparseNetwork {
  private final List<Object> steps;
  private final int inputSize;

  private SparseNetwork(List<Object> steps, int inputSize) {
    this.steps = steps;
    this.inputSize = inputSize;
  }

  /** True when {@code arch} is a chain of flatten, linear and ReLU nodes. */
  public static boolean supports(Architecture arch) {
    String previous = Architecture.INPUT;
    for (Node n : arch.nodes()) {
      if (!n.inputs().equals(List.of(previous))
          || !(n.layer() instanceof LinearLayer || n.layer() instanceof ReluLayer || n.layer() instanceof FlattenLayer)) {
        return false;
      }
      previous = n.name();
    }
    return true;
  }

  /**
   * The sparse form of {@code model}.
   *
   * @throws InvalidInputException if its architecture is not a chain of flatten, linear and ReLU
   */
  public static SparseNetwork of(Model model) {
    Architecture arch = model.architecture();
    if (!supports(arch)) {
      throw new InvalidInputException(arch.name() + " is not a chain of flatten, linear and ReLU layers: the sparse "
          + "path runs fully connected networks only");
    }
    List<Object> steps = new ArrayList<>();
    for (Node n : arch.nodes()) {
      if (n.layer() instanceof LinearLayer l) {
        CsrMatrix w = CsrMatrix.of(model.weights().get(l.weightName()).data(), l.outFeatures(), l.inFeatures(),
            model.masks().get(l.weightName()));
        float[] bias = l.bias() ? model.weights().get(l.biasName()).data().clone() : null;
        if (bias != null && model.masks().get(l.biasName()) != null) {
          boolean[] keep = model.masks().get(l.biasName()).keep();
          for (int i = 0; i < bias.length; i++) {
            bias[i] = keep[i] ? bias[i] : 0f;
          }
        }
        steps.add(new Layer(w, bias));
      } else if (n.layer() instanceof ReluLayer) {
        steps.add(RELU);
      }
    }
    return new SparseNetwork(steps, (int) arch.input().size());
  }

  private record Layer(CsrMatrix weights, float[] bias) {}

  private static final Object RELU = new Object();

  /** The logits of {@code batch} examples, {@code x} their pixels row-major; {@code [batch, classes]}. */
  public float[] forward(float[] x, int batch) {
    if (x.length != batch * inputSize) {
      throw new IllegalArgumentException("input of " + x.length + " values is not " + batch + " x " + inputSize);
    }
    float[] h = x;
    for (Object s : steps) {
      if (s == RELU) {
        h = h == x ? h.clone() : h; // never change the caller's input
        for (int i = 0; i < h.length; i++) {
          h[i] = Math.max(h[i], 0f);
        }
      } else {
        Layer l = (Layer) s;
        h = l.weights().multiply(h, batch, l.bias());
      }
    }
    return h;
  }
}
