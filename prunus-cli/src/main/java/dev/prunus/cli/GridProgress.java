package dev.prunus.cli;

import dev.prunus.experiment.ExperimentListener;
import dev.prunus.experiment.PlannedRun;
import dev.prunus.experiment.RunOutcome;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows an experiment's progress: on a terminal, one progress bar over the whole grid (runs finished
 * by an earlier invocation count as done); always, one line per run as it ends, with runs done / total
 * and the time left at this invocation's pace so far ({@link #timeLeft}).
 */
final class GridProgress implements ExperimentListener, AutoCloseable {
  private final PrintWriter out;
  private final boolean bar;
  private ProgressBar current;
  private long startNanos;
  private int finishedBefore;

  GridProgress(PrintWriter out) {
    this.out = out;
    this.bar = System.console() != null;
  }

  @Override
  public synchronized void started(int total, int alreadyFinished) {
    startNanos = System.nanoTime();
    finishedBefore = alreadyFinished;
    out.printf(Locale.ROOT, "%d runs: %d finished before, %d to do%n", total, alreadyFinished, total - alreadyFinished);
    out.flush();
    if (bar) {
      current = new ProgressBarBuilder().setTaskName("experiment").setInitialMax(total).startsFrom(alreadyFinished,
          java.time.Duration.ZERO).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
    }
  }

  @Override
  public synchronized void notice(String message) {
    out.println("note: " + message);
    out.flush();
  }

  @Override
  public synchronized void runStarted(PlannedRun run) {
    if (current != null) {
      current.setExtraMessage(run.id());
    }
  }

  @Override
  public synchronized void runResumed(PlannedRun run, int done) {
    out.printf(Locale.ROOT, "%s: resuming from its checkpoint after %s %d%n", run.id(),
        run.isDense() ? "epoch" : "round", done);
    out.flush();
  }

  @Override
  public synchronized void runEnded(RunOutcome o, int done, int total) {
    if (current != null) {
      current.stepTo(done);
    }
    String what = switch (o.status()) {
      case FINISHED, SKIPPED -> String.format(Locale.ROOT, "test accuracy %.4f, density %.4f, %.1f s",
          o.metrics().at("/accuracy/test").asDouble(), density(o.metrics()), o.seconds());
      case FAILED -> "FAILED: " + o.error();
      case BLOCKED -> "not run: " + o.error();
    };
    String left = done < total ? "; " + timeLeft((System.nanoTime() - startNanos) / 1e9, done - finishedBefore,
        total - done) : "";
    out.printf(Locale.ROOT, "[%d/%d] %s: %s%s%n", done, total, o.run().id(), what, left);
    out.flush();
  }

  /**
   * The time left if the {@code remaining} runs settle at the pace of the {@code settled} this invocation
   * settled in {@code elapsed} seconds (runs side by side included): "about 4 min left".
   */
  static String timeLeft(double elapsed, int settled, int remaining) {
    long s = Math.round(elapsed / Math.max(1, settled) * remaining);
    String t = s < 60 ? s + " s" : s < 3600 ? (s + 30) / 60 + " min" : String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    return "about " + t + " left";
  }

  /** Against the dense architecture; runs written before that key have only their own density. */
  private static double density(com.fasterxml.jackson.databind.JsonNode metrics) {
    com.fasterxml.jackson.databind.JsonNode d = metrics.at("/params/density_vs_dense");
    return d.isNumber() ? d.asDouble() : metrics.at("/params/density").asDouble();
  }

  @Override
  public synchronized void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
