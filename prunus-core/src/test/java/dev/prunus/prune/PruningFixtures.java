package dev.prunus.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.Initialization;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import dev.prunus.train.TrainableNetwork;
import java.util.List;
import java.util.SplittableRandom;

/** Small zoo models with non-trivial parameters, and a way to run them, for the pruning tests. */
public final class PruningFixtures {
  private PruningFixtures() {}

  /** {@code id} at width 0.25 for a small input: 1x28x28 (LeNets, and VGG through its zero padding), else 3x32x32. */
  public static Architecture small(ModelId id) {
    FeatureShape in = switch (id) {
      case LENET_300_100, LENET5, LENET5_CAFFE, VGG16 -> new FeatureShape(1, 28, 28);
      default -> new FeatureShape(3, 32, 32);
    };
    return id.build(new ModelOptions(in, 10, 0.25, List.of()));
  }

  /** A 3-layer perceptron on 1x2x2 inputs: flatten, fc1 4->6, ReLU, fc2 6->5, ReLU, fc3 5->3. */
  public static Architecture mlp() {
    return Architecture.sequential("mlp", new FeatureShape(1, 2, 2), 3, 1, List.of(
        new FlattenLayer(),
        new LinearLayer("fc1", 4, 6, true), new ReluLayer(),
        new LinearLayer("fc2", 6, 5, true), new ReluLayer(),
        new LinearLayer("fc3", 5, 3, true)));
  }

  /**
   * Kaiming weights plus random biases, batch-norm scales and shifts, and running statistics far from
   * (0, 1), so that a unit's batch norm really moves its output and equality checks are not vacuous.
   */
  public static Model randomized(Architecture arch, long seed) {
    Weights w = Initialization.KAIMING_NORMAL.initialize(arch, seed);
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (PrunableLayer p : arch.prunableLayers()) {
      if (p.hasBias()) {
        w = w.with(p.biasName(), fill(r, p.outputUnits(), -0.1, 0.1));
      }
    }
    for (BatchNormLayer b : arch.batchNormLayers()) {
      w = w.with(b.gammaName(), fill(r, b.channels(), 0.5, 1.5))
          .with(b.betaName(), fill(r, b.channels(), -0.2, 0.2))
          .with(b.runningMeanName(), fill(r, b.channels(), -0.3, 0.3))
          .with(b.runningVarName(), fill(r, b.channels(), 0.5, 2.0));
    }
    return new Model(arch, w);
  }

  private static Tensor fill(SplittableRandom r, int n, double lo, double hi) {
    float[] d = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = (float) (lo + (hi - lo) * r.nextDouble());
    }
    return new Tensor(new long[] {n}, d);
  }

  /** Logits of {@code model} (eval mode: batch norm uses running statistics) for a seeded batch of 4. */
  public static float[] logits(Model model, long seed) {
    FeatureShape in = model.architecture().input();
    int n = 4;
    float[] x = new float[(int) (n * in.size())];
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (2 * r.nextDouble() - 1);
    }
    try (NDManager m = NDManager.newBaseManager();
        TrainableNetwork net = TrainableNetwork.of(model, m)) {
      NDArray input = m.create(x, new Shape(n, in.channels(), in.height(), in.width()));
      return net.forward(input, false).toFloatArray();
    }
  }

  /** Largest absolute difference between the logits of two models on the same batch. */
  public static double maxAbsDifference(Model a, Model b, long seed) {
    return maxAbsDifference(logits(a, seed), logits(b, seed));
  }

  /** Largest absolute difference between two logit arrays of the same length. */
  public static double maxAbsDifference(float[] x, float[] y) {
    if (x.length != y.length) {
      throw new AssertionError("models give " + x.length + " and " + y.length + " logits");
    }
    double d = 0;
    for (int i = 0; i < x.length; i++) {
      d = Math.max(d, Math.abs(x[i] - y[i]));
    }
    return d;
  }

  /** Largest absolute logit: shows that an equality check compares something. */
  public static double maxAbs(float[] v) {
    double d = 0;
    for (float f : v) {
      d = Math.max(d, Math.abs(f));
    }
    return d;
  }
}
