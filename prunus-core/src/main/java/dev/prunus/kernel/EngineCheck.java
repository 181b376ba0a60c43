package dev.prunus.kernel;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A quick check that libtorch's convolutions, as Prunus calls them, compute what they should on this
 * machine: a few convolutions with awkward channel counts (above 16 and not a multiple of 16, where
 * oneDNN's channel blocks have a remainder), each run forward in inference mode and forward and backward
 * in training mode, three times, against {@link DirectConvolution}. A case fails on a relative error
 * above {@link #TOLERANCE} (largest absolute difference over the largest absolute reference value), on a
 * NaN, or when two runs of the same case differ in any bit. Takes well under two seconds.
 */
public final class EngineCheck {
  /** Largest accepted error, relative to the largest value of the reference output. */
  public static final double TOLERANCE = 1e-4;

  private static final int RUNS = 3;

  /** The cases every check runs: LeNet-5-Caffe's conv2 first, then remainders of 1, 4, 8 and 2 channels. */
  public static final List<ConvGeometry> CASES = List.of(
      ConvGeometry.square(8, 20, 12, 50, 5, 1, 0),
      ConvGeometry.square(4, 17, 9, 24, 3, 1, 1),
      ConvGeometry.square(4, 24, 8, 40, 3, 2, 1),
      ConvGeometry.square(2, 40, 8, 17, 5, 1, 1),
      ConvGeometry.square(32, 20, 6, 20, 3, 1, 1));

  private EngineCheck() {}

  /** One output of one case: how far it was from the reference. */
  public record Finding(ConvGeometry geometry, String output, double relativeError, boolean nan, boolean unstable) {
    public boolean passed() {
      return !nan && !unstable && relativeError <= TOLERANCE;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s, %s: relative error %.3g%s%s", geometry, output, relativeError,
          nan ? ", NaN" : "", unstable ? ", differs between runs" : "");
    }
  }

  /** What a check found for one algorithm. */
  public record Report(ConvolutionAlgorithm algorithm, List<Finding> findings, double seconds) {
    public boolean passed() {
      return findings.stream().allMatch(Finding::passed);
    }

    public List<Finding> failures() {
      return findings.stream().filter(f -> !f.passed()).toList();
    }

    /** The worst relative error over every case and output. */
    public double worstError() {
      return findings.stream().mapToDouble(Finding::relativeError).max().orElse(0);
    }
  }

  /** Runs every case with {@code algorithm}, which stays in use afterwards. */
  public static Report run(ConvolutionAlgorithm algorithm) {
    long start = System.nanoTime();
    Convolution.use(algorithm);
    List<Finding> findings = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(20261204L);
    for (ConvGeometry g : CASES) {
      findings.addAll(check(g, random));
    }
    return new Report(algorithm, List.copyOf(findings), (System.nanoTime() - start) / 1e9);
  }

  /** The forward (inference and training), input-gradient and weight-gradient findings of one case. */
  public static List<Finding> check(ConvGeometry g, SplittableRandom random) {
    float[] x = uniform(random, g.inputSize());
    float[] w = uniform(random, g.weightSize());
    float[] b = uniform(random, g.outChannels());
    float[] dy = uniform(random, g.outputSize());
    float[][][] runs = new float[RUNS][][];
    for (int r = 0; r < RUNS; r++) {
      runs[r] = libtorch(g, x, w, b, dy);
    }
    double[][] reference = {
      DirectConvolution.forward(g, x, w, b),
      DirectConvolution.forward(g, x, w, b),
      DirectConvolution.inputGradient(g, dy, w),
      DirectConvolution.weightGradient(g, dy, x)
    };
    String[] names = {"forward (inference)", "forward (training)", "input gradient", "weight gradient"};
    List<Finding> findings = new ArrayList<>();
    for (int k = 0; k < names.length; k++) {
      boolean unstable = false;
      for (int r = 1; r < RUNS; r++) {
        unstable |= !Arrays.equals(runs[0][k], runs[r][k]);
      }
      boolean nan = false;
      double worst = 0;
      for (int r = 0; r < RUNS; r++) {
        nan |= hasNaN(runs[r][k]);
        worst = Math.max(worst, relativeError(runs[r][k], reference[k]));
      }
      findings.add(new Finding(g, names[k], worst, nan, unstable));
    }
    return findings;
  }

  /** Largest absolute difference over the largest absolute reference value (NaN counts as infinitely far). */
  public static double relativeError(float[] actual, double[] reference) {
    if (actual.length != reference.length) {
      return Double.POSITIVE_INFINITY;
    }
    double diff = 0;
    double scale = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = Math.abs(actual[i] - reference[i]);
      diff = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(diff, d);
      scale = Math.max(scale, Math.abs(reference[i]));
    }
    return diff / Math.max(scale, Double.MIN_NORMAL);
  }

  /**
   * {inference output, training output, input gradient, weight gradient} of one convolution run by libtorch
   * through {@link Convolution} with the algorithm in use; the gradients are those of {@code sum(y * dy)}.
   */
  public static float[][] libtorch(ConvGeometry g, float[] xs, float[] ws, float[] bs, float[] dys) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(xs, new Shape(g.inputShape()));
      NDArray w = m.create(ws, new Shape(g.weightShape()));
      NDArray b = m.create(bs, new Shape(g.outChannels()));
      float[] inference;
      boolean gradMode = JniUtils.isGradMode();
      JniUtils.setGradMode(false);
      try {
        inference = conv(g, x, w, b).toFloatArray();
      } finally {
        JniUtils.setGradMode(gradMode);
      }
      x.setRequiresGradient(true);
      w.setRequiresGradient(true);
      float[] training;
      try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
        NDArray y = conv(g, x, w, b);
        training = y.toFloatArray();
        collector.backward(y.mul(m.create(dys, new Shape(g.outputShape()))).sum());
      }
      return new float[][] {inference, training, x.getGradient().toFloatArray(), w.getGradient().toFloatArray()};
    }
  }

  private static NDArray conv(ConvGeometry g, NDArray x, NDArray w, NDArray b) {
    return Convolution.conv2d(x, w, b, g.strideH(), g.strideW(), g.padH(), g.padW(), g.dilationH(), g.dilationW(),
        g.groups());
  }

  private static float[] uniform(SplittableRandom random, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (2 * random.nextDouble() - 1);
    }
    return a;
  }

  private static boolean hasNaN(float[] a) {
    for (float v : a) {
      if (Float.isNaN(v)) {
        return true;
      }
    }
    return false;
  }
}
