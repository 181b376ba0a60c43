package dev.prunus.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Kaiming-normal initialisation (He et al. 2015, fan-in mode, ReLU gain): every conv and linear weight
 * drawn from N(0, 2 / fan_in), biases zero, batch-norm scale 1 and shift 0, running mean 0 and
 * variance 1. Deterministic: the draws come from a {@link SplittableRandom} seeded with {@code seed}, one
 * stream per parameter in architecture order, so the same seed gives the same weights bit for bit on any
 * machine and engine.
 */
public final class KaimingInitializer {
  private KaimingInitializer() {}

  public static Weights initialize(Architecture arch, long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    Map<String, Tensor> t = new LinkedHashMap<>();
    Architecture.visit(arch.layers(), l -> {
      if (l instanceof PrunableLayer p) {
        SplittableRandom r = root.split();
        long[] shape = p.weightShape();
        float[] w = new float[(int) Tensor.numel(shape)];
        double std = Math.sqrt(2.0 / ((double) p.inputUnits() * p.weightsPerConnection()));
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) (gaussian(r) * std);
        }
        t.put(p.weightName(), new Tensor(shape, w));
        if (p.hasBias()) {
          t.put(p.biasName(), Tensor.zeros(p.outputUnits()));
        }
      } else if (l instanceof BatchNormLayer b) {
        t.put(b.gammaName(), Tensor.filled(1f, b.channels()));
        t.put(b.betaName(), Tensor.zeros(b.channels()));
        t.put(b.runningMeanName(), Tensor.zeros(b.channels()));
        t.put(b.runningVarName(), Tensor.filled(1f, b.channels()));
      }
    });
    return new Weights(t);
  }

  /** Standard normal by the Box-Muller transform (specified here, unlike Random.nextGaussian's caching). */
  private static double gaussian(SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble(); // (0, 1]
    double u2 = r.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
