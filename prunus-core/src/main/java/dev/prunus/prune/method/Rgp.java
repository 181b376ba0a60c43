package dev.prunus.prune.method;

import dev.prunus.InvalidInputException;
import dev.prunus.graph.aspl.AsplOptimizer;
import dev.prunus.model.Architecture;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.prune.Granularity;
import dev.prunus.prune.LayerSelection;
import dev.prunus.prune.MethodFactory;
import dev.prunus.prune.MethodInfo;
import dev.prunus.prune.MethodOption;
import dev.prunus.prune.MethodOptions;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.prune.relational.AsplSearchBudget;
import dev.prunus.prune.relational.RegularGraphChoice;
import dev.prunus.prune.relational.RelationalMasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * RGP, regular-graph pruning (Chen, Xiang, Lu, Xuan, Wang, Chen &amp; Yang, "RGP: Neural Network Pruning
 * Through Regular Graph With Edges Swapping", IEEE TNNLS 35(10):14671-14683, 2024; arXiv 2110.15192).
 *
 * <p>A k-regular graph on n nodes without self-loops is made (by default the minimum-ASPL graph of the
 * chain of degree-preserving, connectivity-keeping edge swaps from the ring lattice; see
 * {@link RegularGraphChoice}) and mapped onto every masked layer by {@link RelationalMasks}: the block
 * (out-group u, in-group v) is kept iff u and v are adjacent. No data and no weights are read: the mask
 * is the same for every dataset and every initialisation. It is made at initialisation, frozen, and the
 * network trained from scratch ({@code at-init}). A masked layer keeps exactly k/n of its weights when n
 * divides its channel counts. By default the first and last layers stay dense (as in the authors' code), and
 * every other conv and linear layer is masked, projection shortcuts included.
 *
 * <p>The degree is {@code --degree}, or, when that is not given, the even degree nearest to the target
 * density times n (so that a density grid works); given both, they must agree. {@code --nodes} must not
 * exceed the smallest channel count of a masked layer (the authors' code asserts it); the error names the
 * largest valid n. The graph's n, k, ASPL, clustering, transitivity, Moore bound and ratio, its edges and the
 * ASPL chain are recorded in the plan's details (metrics.json), with how many swaps the search proposed and
 * what stopped it ({@code aspl_chain.steps_proposed}, {@code aspl_chain.stop_reason}).
 *
 * <p>The search stops after {@code --aspl-steps} proposals or {@code --aspl-time} seconds (default 30), whichever
 * comes first, and reports its progress through {@link PruningContext#progress()}. The seed fixes the proposals;
 * the time limit decides only how far along them a run gets, which depends on the machine. To make the same
 * graph again anywhere, give the recorded {@code steps_proposed} as {@code --aspl-steps} with {@code --aspl-time 0}.
 *
 * <p>Departures: the channel groups' larger members are placed by a permutation drawn from the run's
 * seed instead of numpy's seed 1; the ASPL chain is {@link AsplOptimizer}'s hill climb, not the reference
 * code's stepwise {@code PathOptimizer} (any search that keeps the graph connected and the ASPL from rising
 * will do; this one reaches lower ASPL).
 */
public final class Rgp implements PruningMethod {
  public static final String ID = "rgp";

  /** The method's declaration, shared by its factory and its instances. */
  public static final MethodInfo INFO = new MethodInfo(
      ID,
      "channel-group blocks from a k-regular graph whose ASPL is lowered by edge swaps, at init (Chen et al. 2024)",
      Granularity.CHANNEL_GROUP,
      ScheduleKind.AT_INIT,
      List.of(
        MethodOption.of("nodes", "64", "graph nodes n: channel groups per layer (at most the smallest channel count)"),
        MethodOption.of("degree", "", "graph degree k: masked layers keep k/n (default: from --density)"),
        MethodOption.of("graph", "min-aspl", "lattice, min-aspl, snapshot:N (N-th graph of the ASPL chain) or random-regular"),
        MethodOption.of("aspl-steps", "1000000", "swap proposals of the ASPL search at most"),
        MethodOption.of("aspl-time", "30", "seconds of the ASPL search at most, 0 for no time limit (the seed fixes "
            + "the proposals, the limit only where they stop; metrics record how many ran)"),
        MethodOption.choice("layers", "no-first-last", LayerSelection.CHOICES, "which conv/linear layers to mask")));

  /** Declares the method and its options. */
  public static final class Factory implements MethodFactory {
    @Override
    public MethodInfo info() {
      return INFO;
    }

    @Override
    public PruningMethod create(MethodOptions o) {
      int nodes = o.integer("nodes", 4, 100_000);
      String degree = o.string("degree");
      int k = degree.isEmpty() ? 0 : o.integer("degree", 2, nodes - 1);
      RegularGraphChoice graph = RegularGraphChoice.parse(o.string("graph"));
      if (k > 0) {
        RegularGraphChoice.checkDegree(nodes, k);
        graph.checkDegreeForKind(k);
      }
      AsplSearchBudget budget = new AsplSearchBudget(o.integer("aspl-steps", 0, Integer.MAX_VALUE),
          o.number("aspl-time", 0, 1e7));
      return new Rgp(nodes, k, graph, budget, LayerSelection.parse(o.string("layers")));
    }

    /** With {@code --degree}, the masked layers' density is k/n: no {@code --density} is needed. */
    @Override
    public OptionalDouble impliedDensity(MethodOptions o) {
      String degree = o.string("degree");
      return degree.isEmpty() ? OptionalDouble.empty()
          : OptionalDouble.of((double) o.integer("degree", 2, Integer.MAX_VALUE) / o.integer("nodes", 4, 100_000));
    }
  }

  private final int nodes;
  private final int degree;
  private final RegularGraphChoice graph;
  private final AsplSearchBudget budget;
  private final LayerSelection layers;

  /**
   * @param degree the degree k, or 0 to take the even degree nearest to the target density times n
   * @param budget the limits of the ASPL search
   */
  public Rgp(int nodes, int degree, RegularGraphChoice graph, AsplSearchBudget budget, LayerSelection layers) {
    this.nodes = nodes;
    this.degree = degree;
    this.graph = graph;
    this.budget = budget;
    this.layers = layers;
  }

  @Override
  public MethodInfo info() {
    return INFO;
  }

  @Override
  public void check(Architecture arch) {
    RelationalMasks.checkNodeCount(nodes, arch, layers.select(arch));
  }

  @Override
  public PruningPlan plan(Model model, PruningContext context) {
    List<PrunableLayer> selected = layers.select(model.architecture());
    check(model.architecture()); // before the graph search, which can take a second
    int k = degree > 0 ? degree : degreeFor(context.target().density());
    if (degree > 0 && Math.abs(context.target().density() - (double) k / nodes) > 1e-9) {
      throw new InvalidInputException("--density " + context.target().density() + " disagrees with --degree " + k
          + " on --nodes " + nodes + ", which keeps " + (double) k / nodes + " of the masked layers: give one of them");
    }
    RegularGraphChoice.Made made = graph.make(nodes, k, context.seed(), budget,
        status -> context.progress().report("rgp: " + status.describe()));
    Masks masks = RelationalMasks.of(made.graph(), model.architecture(), selected, context.seed());
    return PruningPlan.ofMasks(ID, masks, details(made, k, model, masks));
  }

  /** The even degree in [2, n-1] nearest to {@code density * n}. */
  int degreeFor(double density) {
    int k = 2 * (int) Math.round(density * nodes / 2);
    int max = nodes % 2 == 0 ? nodes - 2 : nodes - 1;
    return Math.max(2, Math.min(max, k));
  }

  private Map<String, Object> details(RegularGraphChoice.Made made, int k, Model model, Masks masks) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("nodes", nodes);
    d.put("degree", k);
    d.put("graph", made.choice().toString());
    d.put("chain_index", made.chainIndex());
    d.put("aspl", made.aspl());
    d.put("average_clustering", made.averageClustering());
    d.put("transitivity", made.transitivity());
    d.put("moore_bound", made.mooreBound());
    d.put("moore_ratio", made.aspl() / made.mooreBound());
    long kept = 0;
    long total = 0;
    Map<String, Double> perLayer = new LinkedHashMap<>();
    for (Map.Entry<String, Mask> e : masks.byParameter().entrySet()) {
      kept += e.getValue().kept();
      total += e.getValue().size();
      perLayer.put(e.getKey(), e.getValue().density());
    }
    d.put("masked_layers_density", (double) kept / total);
    d.put("network_weight_density", RelationalMasks.networkWeightDensity(model.architecture(), masks));
    d.put("layer_density", perLayer);
    d.put("edges", RelationalMasks.edgePairs(made.graph()));
    made.search().ifPresent(r -> d.put("aspl_chain", chain(r)));
    return d;
  }

  private Map<String, Object> chain(AsplOptimizer.Result r) {
    Map<String, Object> c = new LinkedHashMap<>();
    List<Double> aspl = new ArrayList<>();
    List<Double> clustering = new ArrayList<>();
    List<Long> steps = new ArrayList<>();
    for (AsplOptimizer.Snapshot s : r.chain()) {
      aspl.add(s.aspl());
      clustering.add(s.averageClustering());
      steps.add(s.step());
    }
    c.put("aspl", aspl);
    c.put("average_clustering", clustering);
    c.put("step", steps);
    c.put("steps_proposed", r.steps());
    c.put("swaps_kept", r.acceptedSwaps());
    c.put("climbs", r.climbs());
    c.put("stop_reason", RegularGraphChoice.stopReason(r));
    c.put("step_limit", budget.maxSteps());
    c.put("time_limit_s", budget.seconds());
    return c;
  }
}
