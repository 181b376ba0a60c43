package dev.prunus.measure;

import dev.prunus.model.Model;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A way to run a model's forward pass for timing ({@link InferenceBenchmark}): libtorch through DJL, the
 * Java sparse path, or ONNX Runtime on an exported file (module prunus-onnx, found through
 * {@link java.util.ServiceLoader}).
 */
public interface InferenceEngine {
  /** The name in tables and infer.json, e.g. {@code libtorch}. */
  String id();

  /**
   * A forward pass of {@code model} on a fixed batch of {@code batch} inputs drawn from {@code seed}, ready to
   * be run again and again; empty when this engine cannot run the model.
   */
  Optional<Forward> prepare(Model model, int batch, long seed);

  /**
   * Engines of one group are timed in turn by {@link InferenceBenchmark}, the groups one after the other,
   * so that an engine's threads waiting between forwards never share the cores with another engine's work.
   * Its own {@link #id()} by default; an engine whose speed-up is counted against another's dense model
   * (the Java sparse path against libtorch's) joins that engine's group.
   */
  default String timingGroup() {
    return id();
  }

  /**
   * This engine running each forward on {@code threads} threads, where the engine takes its thread count per
   * model (ONNX Runtime's sessions); this engine itself where the count is set for the whole process
   * (libtorch's, which the caller sets) or fixed (the Java sparse path: one thread).
   */
  default InferenceEngine withThreads(int threads) {
    return this;
  }

  /** Pixels in [-1, 1) from {@code seed}: the same batch for every engine and form. */
  static float[] input(int size, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = (float) r.nextDouble(-1, 1);
    }
    return x;
  }

  /** One prepared forward pass: each {@link #run} computes the whole batch and waits for the result. */
  interface Forward extends AutoCloseable {
    void run();

    @Override
    void close();
  }
}
