package dev.prunus.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The optimisers against an independent scalar re-implementation of PyTorch's update rules, on the loss
 * {@code sum(c * w)} whose gradient is {@code c}. Three steps, the learning rate changing before the
 * third (which exercises the fused SGD path's buffer rescaling).
 */
class OptimizerTest {
  private static final float[] W0 = {0.5f, 1.0f, -1.5f, 2.0f};
  private static final float[] C = {1f, -2f, 0.5f, 0f};
  private static final double[] LR = {0.1, 0.1, 0.05};

  @Test
  void sgdWithMomentumAndWeightDecayMatchesPyTorchsRule() {
    checkSgd(false);
  }

  @Test
  void nesterovSgdMatchesPyTorchsRule() {
    checkSgd(true);
  }

  @Test
  void plainSgdWithoutMomentum() {
    float[] got = run(new OptimizerConfig.Sgd(0.1, 0, false, 0.01));
    double[] w = toDouble(W0);
    for (double lr : LR) {
      for (int i = 0; i < w.length; i++) {
        w[i] -= lr * (C[i] + 0.01 * w[i]);
      }
    }
    assertClose(got, w);
  }

  @Test
  void adamMatchesPyTorchsRuleWithBiasCorrection() {
    double b1 = 0.9, b2 = 0.999, eps = 1e-8, wd = 0.01;
    float[] got = run(new OptimizerConfig.Adam(0.1, b1, b2, eps, wd));
    double[] w = toDouble(W0);
    double[] m = new double[w.length];
    double[] v = new double[w.length];
    for (int t = 1; t <= LR.length; t++) {
      for (int i = 0; i < w.length; i++) {
        double g = C[i] + wd * w[i];
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        double mHat = m[i] / (1 - Math.pow(b1, t));
        double vHat = v[i] / (1 - Math.pow(b2, t));
        w[i] -= LR[t - 1] * mHat / (Math.sqrt(vHat) + eps);
      }
    }
    assertClose(got, w);
  }

  private static void checkSgd(boolean nesterov) {
    double mom = 0.9, wd = 0.1;
    float[] got = run(new OptimizerConfig.Sgd(0.1, mom, nesterov, wd));
    double[] w = toDouble(W0);
    double[] b = new double[w.length];
    for (int t = 0; t < LR.length; t++) {
      for (int i = 0; i < w.length; i++) {
        double g = C[i] + wd * w[i];
        b[i] = t == 0 ? g : mom * b[i] + g;
        double d = nesterov ? g + mom * b[i] : b[i];
        w[i] -= LR[t] * d;
      }
    }
    assertClose(got, w);
  }

  private static float[] run(OptimizerConfig config) {
    Engine engine = Engine.getEngine("PyTorch");
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(W0.clone());
      w.setRequiresGradient(true);
      NDArray c = m.create(C);
      try (Optimizer opt = config.create(List.of(new TrainableNetwork.Parameter("w", w, null)))) {
        for (double lr : LR) {
          try (GradientCollector gc = engine.newGradientCollector()) {
            gc.backward(c.mul(w).sum());
          }
          opt.step(lr);
        }
      }
      return w.toFloatArray();
    }
  }

  private static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  private static void assertClose(float[] got, double[] expected) {
    for (int i = 0; i < got.length; i++) {
      assertThat((double) got[i]).as("w[%d]", i).isCloseTo(expected[i], within(1e-5));
    }
  }
}
