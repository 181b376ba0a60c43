package dev.prunus.train;

/**
 * Receives the progress of a run (a progress bar, a log): its training, and the progress reports of a
 * slow pruning plan. Every method has a do-nothing default.
 */
public interface TrainingListener {
  TrainingListener NONE = new TrainingListener() {};

  default void epochStarted(int epoch, int totalEpochs, int steps) {}

  /** After each step: running mean loss and accuracy of the epoch so far, images per second. */
  default void stepFinished(int step, double meanLoss, double meanAccuracy, double imagesPerSecond) {}

  /** Where the epoch's step time went (before {@link #epochFinished}). */
  default void epochTimed(int epoch, PhaseTimes times) {}

  default void epochFinished(EpochRecord record) {}

  /** Something the user should know that does not stop the run (a stale lock of a dead process reclaimed). */
  default void notice(String message) {}

  /** A progress line from a pruning method whose plan takes a while (RGP's graph search). */
  default void planProgress(String line) {}
}
