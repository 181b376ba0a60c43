package dev.prunus.prune.relational;

import dev.prunus.InvalidInputException;
import dev.prunus.graph.aspl.AsplOptimizer;
import java.time.Duration;
import java.util.Locale;

/**
 * How long RGP's ASPL search may run: at most {@code maxSteps} swap proposals ({@code --aspl-steps})
 * and at most {@code seconds} of wall-clock time ({@code --aspl-time}; 0 for no time limit).
 *
 * <p>The seed fixes the sequence of proposals; the budget decides only where the search stops along
 * it. A time limit makes that point depend on the machine's speed and load, so a run records how many
 * proposals it made and what stopped it ({@code steps_proposed}, {@code stop_reason}); giving that
 * number as {@code --aspl-steps} with {@code --aspl-time 0} gives the same graph again on any machine.
 *
 * @param maxSteps swap proposals at most; at least 0
 * @param seconds wall-clock seconds at most, 0 for none; finite, at least 0
 */
public record AsplSearchBudget(long maxSteps, double seconds) {
  /** The default number of proposals, as {@code --aspl-steps} declares it. */
  public static final long DEFAULT_STEPS = 1_000_000;

  /** The default wall-clock limit in seconds, as {@code --aspl-time} declares it. */
  public static final double DEFAULT_SECONDS = 30;

  /** Validates the budget, naming the options. */
  public AsplSearchBudget {
    if (maxSteps < 0) {
      throw new InvalidInputException("{{maxSteps|aspl-steps=" + maxSteps + "}} must be 0 or more");
    }
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new InvalidInputException("{{seconds|aspl-time=" + seconds + "}} must be a number of seconds >= 0 (0: no "
          + "time limit)");
    }
  }

  /** One million proposals, 30 seconds. */
  public static AsplSearchBudget defaults() {
    return new AsplSearchBudget(DEFAULT_STEPS, DEFAULT_SECONDS);
  }

  /** Only the step limit: the result is the same on every machine. */
  public static AsplSearchBudget steps(long maxSteps) {
    return new AsplSearchBudget(maxSteps, 0);
  }

  /** The optimiser's settings for this budget and seed (the other settings at their defaults). */
  public AsplOptimizer.Settings settings(long seed) {
    AsplOptimizer.Settings s = AsplOptimizer.Settings.defaults(seed).withMaxSteps(maxSteps);
    return seconds > 0 ? s.withTimeLimit(Duration.ofNanos(Math.max(1, Math.round(seconds * 1e9)))) : s;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%,d proposals%s", maxSteps,
        seconds > 0 ? String.format(Locale.ROOT, " or %.3g s", seconds) : "");
  }
}
