package dev.prunus.experiment;

import java.util.function.LongSupplier;

/**
 * When to rewrite a file that is rewritten whole after each of many events (an experiment's results
 * files after each run): the first time, then once the time since the last write has reached that write's
 * own duration divided by {@code share}. Rewriting thus takes at most about {@code share} of the time
 * however long the file grows: with runs of seconds and files of kilobytes it is every run, with 10,000
 * runs of a few seconds it is a few hundred writes instead of 10,000 ever longer ones. A caller writes
 * once more at the end, so nothing is lost; a killed experiment's files lag by what the budget skipped,
 * and are rebuilt from the run directories by the next invocation. Mutable; callers synchronise.
 */
final class RewriteBudget {
  private final double share;
  private final LongSupplier nanoClock;
  private boolean written;
  private long lastEnd;
  private long lastCost;

  /**
   * @param share the most of the time that rewriting may take, in (0, 1)
   * @param nanoClock the time in nanoseconds ({@code System::nanoTime})
   */
  RewriteBudget(double share, LongSupplier nanoClock) {
    this.share = share;
    this.nanoClock = nanoClock;
  }

  /** Whether the file should be rewritten now. */
  boolean due() {
    return !written || nanoClock.getAsLong() - lastEnd >= lastCost / share;
  }

  /** Rewrites the file with {@code write}, timing it. */
  void write(Runnable write) {
    long start = nanoClock.getAsLong();
    write.run();
    lastEnd = nanoClock.getAsLong();
    lastCost = lastEnd - start;
    written = true;
  }
}
