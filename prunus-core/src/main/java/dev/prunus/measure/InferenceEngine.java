package dev.prunus.measure;

import dev.prunus.model.Model;
import java.util.Optional;

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

  /** One prepared forward pass: each {@link #run} computes the whole batch and waits for the result. */
  interface Forward extends AutoCloseable {
    void run();

    @Override
    void close();
  }
}
