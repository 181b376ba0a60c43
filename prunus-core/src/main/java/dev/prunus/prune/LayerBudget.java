package dev.prunus.prune;

import dev.prunus.CliName;
import dev.prunus.InvalidInputException;
import dev.prunus.model.Architecture;
import dev.prunus.model.PrunableLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A per-layer density budget that sums exactly to a requested total (Small-World's layer level: larger
 * layers sparser, the first and last denser; also the {@code random} baseline's {@code --allocation}, so
 * that a random mask can have the same
 * per-layer densities).
 *
 * <p>The budget is counted in <i>connections</i>: one kernel {@code W[o, i, :, :]} of a convolution, one
 * weight of a linear layer. A selected layer keeps {@code d_l} of its connections, with
 * <ul>
 *   <li>{@link Rule#ERK} (the default; Evci et al., "Rigging the Lottery", ICML 2020):
 *       {@code d_l} proportional to {@code (out + in + kh + kw) / (out * in * kh * kw)} for a convolution and
 *       {@code (out + in) / (out * in)} for a linear layer, so larger layers are sparser and the small first
 *       and last layers denser;
 *   <li>{@link Rule#ER} (Erdos-Renyi, Mocanu et al. 2018): {@code (out + in) / (out * in)} for both;
 *   <li>{@link Rule#UNIFORM}: the same density everywhere;
 * </ul>
 * each clamped to {@code [1/in, 1]} (every output unit keeps at least one connection, so no unit is dead
 * by construction) with one scale factor found by bisection, so the clamped densities sum to the budget.
 * Layers that are not selected stay dense.
 *
 * <p>What the total counts is {@link Count}: with {@link Count#PARAMS} (how the Small-World paper states
 * "2.3% of the parameters") the kept weights and every bias of the conv/linear layers together are the
 * requested share of their weights and biases, which is metrics.json's {@code params.density}; with
 * {@link Count#WEIGHTS} the weights alone are (how {@link PruningTarget} counts for the other methods).
 *
 * <p>Integer counts: each layer's connections are rounded down, then single connections go to the layers
 * with the largest remainders, then to any layer they fit, until the weight budget is met exactly. A
 * network with a linear layer that has room always meets it exactly; an all-convolution network can fall
 * short by less than one kernel ({@link Allocation#unallocatedWeights}).
 */
public final class LayerBudget {
  private LayerBudget() {}

  /** How the densities are shared out between layers. */
  public enum Rule implements CliName {
    ERK, ER, UNIFORM;

    public static final List<String> CHOICES = List.of("erk", "er", "uniform");

    @Override
    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Rule parse(String text) {
      for (Rule r : values()) {
        if (r.cliName().equals(text)) {
          return r;
        }
      }
      throw new InvalidInputException("budget rule '" + text + "' is not one of " + String.join(", ", CHOICES));
    }

    double score(PrunableLayer p) {
      double out = p.outputUnits();
      double in = p.inputUnits();
      return switch (this) {
        case ERK -> {
          long[] s = p.weightShape();
          yield s.length == 4 ? (out + in + s[2] + s[3]) / (out * in * s[2] * s[3]) : (out + in) / (out * in);
        }
        case ER -> (out + in) / (out * in);
        case UNIFORM -> 1;
      };
    }
  }

  /** What the requested density is a share of. */
  public enum Count implements CliName {
    PARAMS, WEIGHTS;

    public static final List<String> CHOICES = List.of("params", "weights");

    @Override
    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Count parse(String text) {
      for (Count c : values()) {
        if (c.cliName().equals(text)) {
          return c;
        }
      }
      throw new InvalidInputException("count '" + text + "' is not one of " + String.join(", ", CHOICES));
    }
  }

  /** One selected layer's share: {@code connections} kept of {@code totalConnections}. */
  public record LayerShare(PrunableLayer layer, long connections, long totalConnections) {
    public long weights() {
      return connections * layer.weightsPerConnection();
    }

    public double density() {
      return (double) connections / totalConnections;
    }
  }

  /**
   * The budget of every selected layer, by layer name in the architecture's order.
   *
   * @param keptParams what the whole network keeps in the counted convention ({@code round(density * total)})
   * @param totalParams the total in that convention
   * @param unallocatedWeights weights the budget asked for that no layer could take in whole connections
   */
  public record Allocation(Rule rule, Count count, Map<String, LayerShare> layers, long keptParams,
      long totalParams, long unallocatedWeights) {
    public Allocation {
      layers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    }

    /** The kept fraction of every selected layer's weights, by layer name. */
    public Map<String, Double> densities() {
      Map<String, Double> d = new LinkedHashMap<>();
      layers.forEach((k, v) -> d.put(k, v.density()));
      return d;
    }
  }

  /**
   * Shares {@code density} of {@code arch}'s parameters (counted as {@code count} says) out over
   * {@code selected} by {@code rule}.
   *
   * @throws InvalidInputException if the density is below what one connection per output unit needs or if
   *     the dense layers alone exceed it, naming the smallest or largest valid density
   */
  public static Allocation allocate(Architecture arch, List<PrunableLayer> selected, double density, Rule rule,
      Count count) {
    PruningTarget.ofDensity(density);
    long total = 0;
    long fixed = 0; // what the budget must include but cannot prune: biases, unselected layers
    for (PrunableLayer p : arch.prunableLayers()) {
      long weights = (long) p.outputUnits() * p.inputUnits() * p.weightsPerConnection();
      long biases = p.hasBias() ? p.outputUnits() : 0;
      total += weights + (count == Count.PARAMS ? biases : 0);
      fixed += count == Count.PARAMS ? biases : 0;
      if (!selected.contains(p)) {
        fixed += weights;
      }
    }
    long keptParams = Math.round(density * total);
    long budget = keptParams - fixed;
    long least = 0;
    long most = 0;
    for (PrunableLayer p : selected) {
      least += (long) p.outputUnits() * p.weightsPerConnection();
      most += (long) p.outputUnits() * p.inputUnits() * p.weightsPerConnection();
    }
    if (budget < least) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "density %s is too low for %s: with every output unit keeping one connection (and %s kept), the "
              + "smallest density is %.5f", density, arch.name(),
          count == Count.PARAMS ? "biases and dense layers" : "dense layers", (double) (least + fixed) / total));
    }
    if (budget > most) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "density %s is more than %s can keep in the layers it prunes: the largest density is %.5f; use 1 for the "
              + "dense model", density, arch.name(), (double) (most + fixed) / total));
    }
    double[] share = clampedDensities(selected, budget, rule);
    long[] connections = new long[selected.size()];
    long remaining = budget;
    for (int i = 0; i < selected.size(); i++) {
      PrunableLayer p = selected.get(i);
      long all = (long) p.outputUnits() * p.inputUnits();
      connections[i] = Math.max(p.outputUnits(), Math.min(all, (long) Math.floor(share[i] * all)));
      remaining -= connections[i] * p.weightsPerConnection();
    }
    for (int i = 0; i < selected.size() && remaining < 0; i++) { // floating-point overshoot of the bisection
      PrunableLayer p = selected.get(i);
      long take = Math.min(connections[i] - p.outputUnits(), -Math.floorDiv(remaining, p.weightsPerConnection()));
      connections[i] -= take;
      remaining += take * p.weightsPerConnection();
    }
    remaining = topUp(selected, share, connections, remaining);
    Map<String, LayerShare> out = new LinkedHashMap<>();
    for (int i = 0; i < selected.size(); i++) {
      PrunableLayer p = selected.get(i);
      out.put(p.name(), new LayerShare(p, connections[i], (long) p.outputUnits() * p.inputUnits()));
    }
    return new Allocation(rule, count, out, keptParams, total, remaining);
  }

  /** Densities clamped to [1/in, 1], scaled so that the kept weights are {@code budget} (before rounding). */
  private static double[] clampedDensities(List<PrunableLayer> layers, long budget, Rule rule) {
    double lo = 0;
    double hi = 1;
    while (keptWeights(layers, rule, hi) < budget) {
      hi *= 2;
    }
    for (int it = 0; it < 200; it++) {
      double mid = (lo + hi) / 2;
      if (keptWeights(layers, rule, mid) < budget) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double[] d = new double[layers.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = clamp(layers.get(i), rule, hi);
    }
    return d;
  }

  private static double clamp(PrunableLayer p, Rule rule, double scale) {
    return Math.min(1, Math.max(1.0 / p.inputUnits(), scale * rule.score(p)));
  }

  private static double keptWeights(List<PrunableLayer> layers, Rule rule, double scale) {
    double sum = 0;
    for (PrunableLayer p : layers) {
      sum += clamp(p, rule, scale) * p.outputUnits() * p.inputUnits() * p.weightsPerConnection();
    }
    return sum;
  }

  /**
   * Gives single connections to the layers with the largest rounding remainders, then to any layer a whole
   * connection fits, smallest connections first; returns the weights left over.
   */
  private static long topUp(List<PrunableLayer> layers, double[] share, long[] connections, long remaining) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      order.add(i);
    }
    double[] fraction = new double[layers.size()];
    for (int i = 0; i < fraction.length; i++) {
      PrunableLayer p = layers.get(i);
      double exact = share[i] * p.outputUnits() * p.inputUnits();
      fraction[i] = exact - Math.floor(exact);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -fraction[i]).thenComparingInt(i -> i));
    for (int i : order) {
      remaining -= tryAdd(layers.get(i), connections, i, remaining, 1);
    }
    Integer[] bySize = order.toArray(new Integer[0]);
    Arrays.sort(bySize, Comparator.comparingInt((Integer i) -> layers.get(i).weightsPerConnection()).thenComparingInt(i -> i));
    for (int i : bySize) {
      remaining -= tryAdd(layers.get(i), connections, i, remaining, Long.MAX_VALUE);
    }
    return remaining;
  }

  /** Adds up to {@code limit} whole connections to layer {@code i} within {@code remaining}; returns the weights added. */
  private static long tryAdd(PrunableLayer p, long[] connections, int i, long remaining, long limit) {
    long room = (long) p.outputUnits() * p.inputUnits() - connections[i];
    long add = Math.min(limit, Math.min(room, remaining / p.weightsPerConnection()));
    if (add <= 0) {
      return 0;
    }
    connections[i] += add;
    return add * p.weightsPerConnection();
  }
}
