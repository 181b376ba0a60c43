package dev.prunus.train;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/** Runs inference code with libtorch's gradient mode off (no autograd graph), restoring it afterwards. */
public final class NoGradient {
  private NoGradient() {}

  public static <T> T compute(Supplier<T> body) {
    boolean previous = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
    try {
      return body.get();
    } finally {
      JniUtils.setGradMode(previous);
    }
  }
}
