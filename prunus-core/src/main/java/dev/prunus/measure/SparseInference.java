package dev.prunus.measure;

import dev.prunus.kernel.SparseNetwork;
import dev.prunus.model.Model;
import java.util.Optional;

/** Inference on the Java sparse path ({@link SparseNetwork}): fully connected networks only. */
public final class SparseInference implements InferenceEngine {
  @Override
  public String id() {
    return "java-csr";
  }

  /** Timed in turn with libtorch, against whose dense model its speed-up is counted. */
  @Override
  public String timingGroup() {
    return LibtorchInference.ID;
  }

  @Override
  public Optional<Forward> prepare(Model model, int batch, long seed) {
    if (!SparseNetwork.supports(model.architecture())) {
      return Optional.empty();
    }
    SparseNetwork net = SparseNetwork.of(model);
    float[] x = InferenceEngine.input(batch * (int) model.architecture().input().size(), seed);
    return Optional.of(new Forward() {
      @Override
      public void run() {
        net.forward(x, batch);
      }

      @Override
      public void close() {}
    });
  }
}
