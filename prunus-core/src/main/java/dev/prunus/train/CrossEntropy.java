package dev.prunus.train;

import ai.djl.ndarray.NDArray;

/** Mean softmax cross-entropy of logits [N, classes] against int64 labels [N]. */
final class CrossEntropy {
  private CrossEntropy() {}

  static NDArray loss(NDArray logits, NDArray labels) {
    return logits.logSoftmax(1).gather(labels.reshape(-1, 1), 1).mean().neg();
  }

  /** Number of rows whose largest logit is the label's. */
  static long correct(NDArray logits, NDArray labels) {
    return logits.argMax(1).eq(labels).countNonzero().getLong();
  }
}
