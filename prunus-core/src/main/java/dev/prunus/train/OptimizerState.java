package dev.prunus.train;

import ai.djl.ndarray.NDArray;
import dev.prunus.model.Tensor;
import java.util.Map;

/** Copies optimiser buffers between native memory and checkpoint tensors. */
final class OptimizerState {
  private OptimizerState() {}

  static Tensor toTensor(NDArray a) {
    return new Tensor(a.getShape().getShape(), a.toFloatArray());
  }

  static void restore(NDArray target, Map<String, Tensor> state, String key) {
    Tensor t = state.get(key);
    if (t == null || t.size() != target.size()) {
      throw new IllegalStateException("checkpoint has no optimiser state " + key + " of the right size");
    }
    target.set(t.data());
  }
}
