package dev.prunus.train;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** Access to a parameter's gradient in libtorch. */
final class Gradients {
  private Gradients() {}

  /** A new handle on the gradient of {@code p}; the caller closes it. */
  static NDArray of(NDArray p) {
    return p.getGradient();
  }

  /**
   * Zeroes the gradient of {@code p} in place: one native call per parameter (DJL's
   * {@code GradientCollector.zeroGradients()} walks every array the engine knows).
   */
  static void zero(NDArray p) {
    JniUtils.zeroGrad((PtNDArray) p);
  }
}
