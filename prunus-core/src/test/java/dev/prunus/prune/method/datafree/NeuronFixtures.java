package dev.prunus.prune.method.datafree;

import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Model;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningTarget;
import java.util.List;
import java.util.Map;

/** Small hand-made networks for the neuron-level methods, with their values worked out by hand. */
final class NeuronFixtures {
  private NeuronFixtures() {}

  /**
   * 2 inputs, fc1 of 4 neurons, ReLU, fc2 of 2 outputs. Incoming rows {@code [W_k, b_k]}:
   * {@code w0 = (1, 0 | 0)}, {@code w1 = (0, 2 | 0)}, {@code w2 = (1, 1 | 0)}, {@code w3 = (0, 2 | 1)}, so the
   * squared distances are d01 = 5, d02 = 1, d03 = 6, d12 = 2, d13 = 1, d23 = 3. Outgoing weights (columns
   * of fc2): {@code a0 = (2, 0)}, {@code a1 = (1, 1)}, {@code a2 = (0, 3)}, {@code a3 = (3, 1)}, so
   * mean(a^2) = 2, 1, 4.5, 5.
   */
  static Model fourNeurons() {
    Architecture arch = Architecture.sequential("four", new FeatureShape(1, 1, 2), 2, 1, List.of(
        new FlattenLayer(), new LinearLayer("fc1", 2, 4, true), new ReluLayer(), new LinearLayer("fc2", 4, 2, true)));
    Weights w = new Weights(Map.of(
        "fc1.weight", new Tensor(new long[] {4, 2}, new float[] {1, 0, 0, 2, 1, 1, 0, 2}),
        "fc1.bias", new Tensor(new long[] {4}, new float[] {0, 0, 0, 1}),
        "fc2.weight", new Tensor(new long[] {2, 4}, new float[] {2, 1, 0, 3, 0, 1, 3, 1}),
        "fc2.bias", new Tensor(new long[] {2}, new float[] {0.5f, -0.5f})));
    return new Model(arch, w);
  }

  static PruningMethod method(String id, Map<String, String> options) {
    return MethodRegistry.standard().create(id, options);
  }

  /** A context with no training data at all (the methods here must not need any). */
  static PruningContext noData(double density, long seed) {
    return PruningContext.withoutData(PruningTarget.ofDensity(density), seed);
  }

  /** A copy of {@code model} whose fc1 neuron {@code copy} has the incoming row and bias of neuron {@code of}. */
  static Model withTwin(Model model, String layer, int of, int copy) {
    float[] w = model.weights().get(layer + ".weight").data().clone();
    float[] b = model.weights().get(layer + ".bias").data().clone();
    long[] shape = model.weights().get(layer + ".weight").shape();
    int in = (int) shape[1];
    System.arraycopy(w, of * in, w, copy * in, in);
    b[copy] = b[of];
    Weights out = model.weights().with(layer + ".weight", new Tensor(shape, w))
        .with(layer + ".bias", new Tensor(new long[] {b.length}, b));
    return new Model(model.architecture(), out, model.masks());
  }
}
