package dev.prunus.onnx;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Model;
import dev.prunus.train.NoGradient;
import dev.prunus.train.TrainableNetwork;
import java.util.SplittableRandom;

/** Prunus's side of each comparison: a model's logits (eval mode), a seeded input, and their distance. */
final class Forward {
  private Forward() {}

  /** The logits of {@code model} for {@code x} ({@code batch} examples), flattened. */
  static float[] logits(Model model, float[] x, int batch) {
    FeatureShape in = model.architecture().input();
    try (NDManager m = NDManager.newBaseManager(); TrainableNetwork net = TrainableNetwork.of(model, m)) {
      return NoGradient.compute(() -> net.forward(
          m.create(x, new Shape(batch, in.channels(), in.height(), in.width())), false).toFloatArray());
    }
  }

  /** {@code batch} examples of {@code shape}, standard normal values drawn from {@code seed}. */
  static float[] input(FeatureShape shape, int batch, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[(int) (batch * shape.size())];
    for (int i = 0; i < x.length; i++) {
      double u1 = 1.0 - r.nextDouble();
      x[i] = (float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * r.nextDouble()));
    }
    return x;
  }

  /** The largest difference between {@code got} and {@code want}, over the largest magnitude in {@code want}. */
  static double relativeDifference(float[] got, float[] want) {
    if (got.length != want.length) {
      throw new AssertionError("lengths differ: " + got.length + " and " + want.length);
    }
    double scale = 0;
    double diff = 0;
    for (int i = 0; i < got.length; i++) {
      scale = Math.max(scale, Math.abs(want[i]));
      diff = Math.max(diff, Math.abs((double) got[i] - want[i]));
    }
    return diff / scale;
  }
}
