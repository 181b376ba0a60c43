package dev.prunus.prune.schedule;

import dev.prunus.model.Model;
import dev.prunus.train.Checkpoint;
import dev.prunus.train.EpochRecord;
import java.util.function.Consumer;

/**
 * A checkpoint sink that keeps the model of the epoch with the best validation accuracy (the first of
 * equals): checkpoint selection on the validation split, never on the test set (choosing on the test set,
 * as NNrelief's released code does, leaks it into the result). Mutable, for one training call.
 */
final class BestCheckpoint implements Consumer<Checkpoint> {
  private Model model;
  private int epoch;
  private double accuracy = Double.NEGATIVE_INFINITY;

  @Override
  public void accept(Checkpoint c) {
    EpochRecord last = c.history().get(c.history().size() - 1);
    if (last.validationAccuracy() > accuracy) {
      accuracy = last.validationAccuracy();
      epoch = c.epochsDone();
      model = c.model();
    }
  }

  /** The best model seen. */
  Model model() {
    if (model == null) {
      throw new IllegalStateException("no epoch finished");
    }
    return model;
  }

  /** Its epoch, counted from 1 within the round. */
  int epoch() {
    return epoch;
  }
}
