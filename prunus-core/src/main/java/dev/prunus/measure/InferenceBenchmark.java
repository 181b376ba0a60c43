package dev.prunus.measure;

import dev.prunus.InvalidInputException;
import dev.prunus.model.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Times the forward pass of several forms of one model (dense, masked, compacted...) on several engines
 * and batch sizes. The candidates of a batch size are measured alternately, one forward each in turn,
 * after a warm-up, so that a machine whose speed drifts slows them all alike and their ratios stay fair;
 * each round starts one candidate later than the one before, so that every candidate runs equally often in
 * every position (first after the pause, right after another engine's forward, and so on).
 * Reports the median and the 90th percentile of each candidate's times. Before each timed forward the
 * benchmark pauses {@link #SETTLE_MILLIS}: libtorch's OpenMP threads spin for a while after their work,
 * and would otherwise slow whatever runs next on the same cores (measured: the Java sparse path ten times
 * slower right after a libtorch forward on 2 cores).
 *
 * @param batches the batch sizes
 * @param repetitions timed forwards per candidate and batch size
 * @param warmup untimed forwards per candidate first
 */
public record InferenceBenchmark(List<Integer> batches, int repetitions, int warmup) {
  /** The pause before each timed forward, untimed. */
  public static final long SETTLE_MILLIS = 3;

  public InferenceBenchmark {
    batches = List.copyOf(batches);
    if (batches.isEmpty() || batches.stream().anyMatch(b -> b < 1 || b > 4096)) {
      throw new InvalidInputException("batch sizes " + batches + " must each be in [1, 4096]");
    }
    if (repetitions < 1 || repetitions > 100_000 || warmup < 0 || warmup > 100_000) {
      throw new InvalidInputException("repetitions=" + repetitions + " and warmup=" + warmup
          + " must be in [1, 100000] and [0, 100000]");
    }
  }

  /** One timed candidate: a form of the model on an engine at a batch size. */
  public record Measurement(String form, String engine, int batch, double medianMs, double p90Ms) {
    public double imagesPerSecond() {
      return batch / (medianMs / 1000);
    }
  }

  /** A form of a model (e.g. {@code dense}, {@code compacted}) to run on an engine. */
  public record Candidate(String form, Model model, InferenceEngine engine) {}

  /**
   * Times every candidate its engine can run, batch size by batch size and {@link InferenceEngine#timingGroup
   * timing group} by group: the candidates of one group in turn, the groups one after the other (one
   * engine's thread pool left waiting slows another's forward: measured, ONNX Runtime's LeNet-300-100 at
   * batch 1 took 0.044 ms timed alone and 0.22 ms in turn with libtorch's). Inside the timed region there
   * is the forward pass and nothing else: the candidates are kept by position, never looked up by key (a
   * candidate's hash is its model's, which reads every weight). The measurements come in the candidates'
   * order within each batch size.
   */
  public List<Measurement> run(List<Candidate> candidates, long seed) {
    List<String> groups = candidates.stream().map(c -> c.engine().timingGroup()).distinct().toList();
    List<Measurement> out = new ArrayList<>();
    for (int batch : batches) {
      Measurement[] measured = new Measurement[candidates.size()];
      for (String group : groups) {
        List<Integer> members = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
          if (candidates.get(k).engine().timingGroup().equals(group)) {
            members.add(k);
          }
        }
        time(candidates, members, batch, seed, measured);
      }
      for (Measurement m : measured) {
        if (m != null) {
          out.add(m);
        }
      }
    }
    return out;
  }

  /** Times the candidates at {@code members} in turn, into {@code measured} at the same positions. */
  private void time(List<Candidate> candidates, List<Integer> members, int batch, long seed, Measurement[] measured) {
    List<Integer> runnable = new ArrayList<>();
    List<InferenceEngine.Forward> forwards = new ArrayList<>();
    try {
      for (int k : members) {
        Candidate c = candidates.get(k);
        Optional<InferenceEngine.Forward> f = c.engine().prepare(c.model(), batch, seed);
        if (f.isPresent()) {
          runnable.add(k);
          forwards.add(f.get());
        }
      }
      for (InferenceEngine.Forward f : forwards) {
        for (int i = 0; i < warmup; i++) {
          f.run();
        }
      }
      long[][] times = new long[forwards.size()][repetitions];
      for (int r = 0; r < repetitions; r++) {
        for (int i = 0; i < forwards.size(); i++) {
          // each repetition starts one candidate later: every candidate takes every position equally often
          int k = (r + i) % forwards.size();
          InferenceEngine.Forward f = forwards.get(k);
          settle();
          long t0 = System.nanoTime();
          f.run();
          long elapsed = System.nanoTime() - t0;
          times[k][r] = elapsed;
        }
      }
      for (int k = 0; k < runnable.size(); k++) {
        long[] sorted = times[k].clone();
        Arrays.sort(sorted);
        Candidate c = candidates.get(runnable.get(k));
        measured[runnable.get(k)] = new Measurement(c.form(), c.engine().id(), batch,
            percentile(sorted, 0.5) / 1e6, percentile(sorted, 0.9) / 1e6);
      }
    } finally {
      forwards.forEach(InferenceEngine.Forward::close);
    }
  }

  private static void settle() {
    try {
      Thread.sleep(SETTLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while timing", e);
    }
  }

  /** The {@code q} quantile of sorted values, by linear interpolation. */
  static double percentile(long[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
