package dev.prunus.graph.aspl;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The wall clock of one ASPL search: whether its time limit has passed, and when to report progress
 * (about once a second). Only consulted between steps, so the time limit decides where a search stops
 * and never what a step does.
 */
final class SearchClock {
  private static final long REPORT_EVERY_NANOS = 1_000_000_000L;

  private final LongSupplier nanoTime;
  private final long start;
  private final Optional<Duration> limit;
  private final long limitNanos;
  private final AsplOptimizer.Progress progress;
  private final double mooreBound;
  private long nextReport = REPORT_EVERY_NANOS;
  private long stepsBefore;
  private int climbsBefore;
  private double lowestAspl = Double.POSITIVE_INFINITY;

  SearchClock(
      LongSupplier nanoTime,
      Optional<Duration> limit,
      AsplOptimizer.Progress progress,
      double mooreBound) {
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.limit = limit;
    this.limitNanos = limit.map(Duration::toNanos).orElse(Long.MAX_VALUE);
    this.progress = progress;
    this.mooreBound = mooreBound;
  }

  /** Whether the time limit has passed; reports progress on {@code current} when a report is due. */
  boolean timeUp(Climb current) {
    long elapsed = nanoTime.getAsLong() - start;
    if (elapsed >= nextReport) {
      double aspl = Math.min(lowestAspl, current.aspl());
      progress.report(
          new AsplOptimizer.Status(
              stepsBefore + current.steps(),
              climbsBefore + 1,
              aspl,
              aspl / mooreBound,
              Duration.ofNanos(elapsed),
              limit));
      nextReport = elapsed + REPORT_EVERY_NANOS;
    }
    return elapsed >= limitNanos;
  }

  /** Counts a finished climb into the reports. */
  void finished(Climb climb) {
    stepsBefore += climb.steps();
    climbsBefore++;
    lowestAspl = Math.min(lowestAspl, climb.aspl());
  }
}
