package dev.prunus.golden;

import dev.prunus.model.Architecture;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed "random" numbers of {@code bench/golden_zoo.py}: element i of the tensor named {@code name} is
 * {@code float(offset + scale * u)}, with {@code u} the top 24 bits of SplitMix64(FNV-1a-64(name) + i *
 * 0x9E3779B97F4A7C15) mapped to [-1, 1). Both sides round the same double to float, so weights agree bit
 * for bit without any file of weights.
 */
public final class GoldenValues {
  private static final long GAMMA = 0x9E3779B97F4A7C15L;

  private GoldenValues() {}

  public static float[] of(String name, int n, double offset, double scale) {
    long base = fnv1a64(name);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      long z = base + i * GAMMA + GAMMA;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z = z ^ (z >>> 31);
      double u = (double) (z >>> 40) / (1 << 24) * 2.0 - 1.0;
      v[i] = (float) (offset + scale * u);
    }
    return v;
  }

  /** The weights golden_zoo.py gives the tensor of each name (batch norm: gamma, beta, running statistics). */
  public static Weights weights(Architecture arch) {
    Map<String, Tensor> t = new LinkedHashMap<>();
    arch.parameterShapes().forEach((name, shape) -> {
      int n = (int) Tensor.numel(shape);
      String leaf = name.substring(name.lastIndexOf('.') + 1);
      float[] v = switch (leaf) {
        case "weight" -> of(name, n, 0, Math.sqrt(6.0 / (n / shape[0])));
        case "bias", "beta", "running_mean" -> of(name, n, 0, 0.1);
        case "gamma" -> of(name, n, 0.5, 0.25);
        case "running_var" -> of(name, n, 1, 0.5);
        default -> throw new IllegalArgumentException("no golden rule for " + name);
      };
      t.put(name, new Tensor(shape, v));
    });
    return new Weights(t);
  }

  /** The golden input of {@code batch} examples of {@code arch}'s input shape. */
  public static float[] input(Architecture arch, int batch) {
    return of("input", (int) (batch * arch.input().size()), 0, 1);
  }

  static long fnv1a64(String name) {
    long h = 0xCBF29CE484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001B3L;
    }
    return h;
  }
}
