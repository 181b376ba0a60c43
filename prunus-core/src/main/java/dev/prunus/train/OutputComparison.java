package dev.prunus.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.prunus.data.ImageSet;
import dev.prunus.model.Model;

/**
 * Runs two models on the same examples in inference mode and reports the largest absolute difference
 * between their logits: how a compacted model is shown to compute what its masked original computes.
 */
public final class OutputComparison {
  private OutputComparison() {}

  /** Max |a(x) - b(x)| over the logits of the first {@code n} examples of {@code data}. */
  public static double maxAbsDifference(Model a, Model b, ImageSet data, int n) {
    int count = Math.min(n, data.size());
    int[] first = Batches.inOrder(count);
    return NoGradient.compute(() -> {
      try (NDManager root = NDManager.newBaseManager();
          TrainableNetwork na = TrainableNetwork.of(a, root);
          TrainableNetwork nb = TrainableNetwork.of(b, root);
          NDManager step = root.newSubManager()) {
        NDArray x = new Batches(data, count).batch(step, first, 0, null)[0];
        return (double) na.forward(x, false).sub(nb.forward(x, false)).abs().max().getFloat();
      }
    });
  }
}
