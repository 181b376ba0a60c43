package dev.prunus.run;

import dev.prunus.InvalidInputException;
import java.util.List;

/**
 * A sweep over neuron removal counts of one hidden FC layer ({@link NeuronSweep}): the trained run to
 * prune ({@code parentRun}), the layer, the counts of its neurons to remove (empty: {@link #DEFAULT_SHARES}
 * of its neurons), the methods to compare (each takes {@code --remove LAYER=N}; an entry may add options
 * as {@code ID:NAME=VALUE:...}, e.g. {@code data-free:surgery=false}), how many seeds the seeded methods
 * are averaged over (seeds {@code seed, seed + 1, ...}), and whether data-free's {@code --auto} count is
 * evaluated too.
 */
public record NeuronSweepConfig(
    String parentRun, String layer, List<Integer> counts, List<String> methods, int seeds, long seed, boolean auto) {
  /** The shares of the layer's neurons removed when no counts are given. */
  public static final List<Double> DEFAULT_SHARES = List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9,
      0.95, 0.98);

  public NeuronSweepConfig {
    counts = List.copyOf(counts);
    methods = List.copyOf(methods);
    if (counts.stream().anyMatch(c -> c < 0)) {
      throw new InvalidInputException("--counts " + counts + " must be counts of neurons >= 0, e.g. 0,100,450");
    }
    if (methods.isEmpty()) {
      throw new InvalidInputException("--methods must name at least one method, e.g. data-free,random-neuron,naive-neuron");
    }
    if (seeds < 1) {
      throw new InvalidInputException("--seeds " + seeds + " must be at least 1");
    }
  }

  /** The counts to sweep for a layer of {@code neurons}: the given ones, or the default shares, rounded. */
  public List<Integer> countsFor(int neurons) {
    if (!counts.isEmpty()) {
      return counts;
    }
    return DEFAULT_SHARES.stream().map(s -> (int) Math.round(s * neurons)).distinct().toList();
  }
}
