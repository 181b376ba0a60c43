package dev.prunus.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.prunus.data.ImageSet;

/** Top-1 accuracy and loss of a network on an image set, in inference mode (no gradients, batch-norm running statistics). */
public final class Evaluator {
  private static final int BATCH = 500;

  private Evaluator() {}

  public static Evaluation evaluate(TrainableNetwork net, ImageSet data) {
    if (data.size() == 0) {
      return new Evaluation(Double.NaN, Double.NaN, 0);
    }
    return NoGradient.compute(() -> {
      Batches batches = new Batches(data, BATCH);
      int[] order = Batches.inOrder(data.size());
      long correct = 0;
      double lossSum = 0;
      for (int b = 0; b < batches.count(); b++) {
        try (NDManager m = net.manager().newSubManager()) {
          NDArray[] xy = batches.batch(m, order, b, null);
          NDArray logits = net.forward(xy[0], false);
          long n = xy[1].size();
          lossSum += CrossEntropy.loss(logits, xy[1]).getFloat() * n;
          correct += CrossEntropy.correct(logits, xy[1]);
        }
      }
      return new Evaluation((double) correct / data.size(), lossSum / data.size(), data.size());
    });
  }
}
