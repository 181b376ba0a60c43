package dev.prunus.prune.method;

import dev.prunus.InvalidInputException;
import dev.prunus.ParameterCheck;
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
 *
 * <p>From Java: {@code Rgp.builder().optNodes(16).optDegree(4).build()}.
 */
public final class Rgp implements PruningMethod {
  public static final String ID = "rgp";

  /** The default of {@code nodes}. */
  public static final int DEFAULT_NODES = 64;

  /** The most graph nodes. */
  public static final int MAX_NODES = 100_000;

  /** The longest ASPL search, in seconds. */
  public static final double MAX_SEARCH_SECONDS = 1e7;

  /** The method's declaration, shared by its factory and its instances. */
  public static final MethodInfo INFO = new MethodInfo(
      ID,
      "channel-group blocks from a k-regular graph whose ASPL is lowered by edge swaps, at init (Chen et al. 2024)",
      Granularity.CHANNEL_GROUP,
      ScheduleKind.AT_INIT,
      List.of(
        MethodOption.of("nodes", Integer.toString(DEFAULT_NODES), "graph nodes n: channel groups per layer (at most the smallest channel count)"),
        MethodOption.of("degree", "", "graph degree k: masked layers keep k/n (default: from --density)"),
        MethodOption.of("graph", "min-aspl", "lattice, min-aspl, snapshot:N (N-th graph of the ASPL chain) or random-regular"),
        MethodOption.of("aspl-steps", "1000000", "swap proposals of the ASPL search at most"),
        MethodOption.of("aspl-time", "30", "seconds of the ASPL search at most, 0 for no time limit (the seed fixes "
            + "the proposals, the limit only where they stop; metrics record how many ran)"),
        MethodOption.choice("layers", "no-first-last", LayerSelection.CHOICES, "which conv/linear layers to mask")));

  /** Declares the method and parses its options into a {@link Builder}. */
  public static final class Factory implements MethodFactory {
    @Override
    public MethodInfo info() {
      return INFO;
    }

    @Override
    public PruningMethod create(MethodOptions o) {
      return parse(o);
    }

    /** With {@code --degree}, the masked layers' density is k/n: no {@code --density} is needed. */
    @Override
    public OptionalDouble impliedDensity(MethodOptions o) {
      Rgp rgp = parse(o);
      return rgp.degree == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) rgp.degree / rgp.nodes);
    }

    private static Rgp parse(MethodOptions o) {
      Builder b = builder()
          .optNodes(o.integer("nodes"))
          .optGraph(RegularGraphChoice.parse(o.string("graph")))
          .optAsplSearch(new AsplSearchBudget(o.integer("aspl-steps"), o.number("aspl-time")))
          .optLayers(o.choice("layers", LayerSelection.class));
      if (o.given("degree")) {
        b.optDegree(o.integer("degree"));
      }
      return b.build();
    }
  }

  /** RGP's settings, each at its default until set; {@link #build} checks them. */
  public static final class Builder {
    private int nodes = DEFAULT_NODES;
    private int degree;
    private RegularGraphChoice graph = RegularGraphChoice.minAspl();
    private AsplSearchBudget asplSearch = AsplSearchBudget.defaults();
    private LayerSelection layers = LayerSelection.NO_FIRST_LAST;

    private Builder() {}

    /** Graph nodes n, the channel groups of each layer: in [4, 100000], at most the smallest channel count (default 64). */
    public Builder optNodes(int nodes) {
      this.nodes = nodes;
      return this;
    }

    /**
     * Graph degree k in [2, n-1]: masked layers keep k/n of their weights. Unset (the default), the degree is
     * the even one nearest to the target density times n.
     */
    public Builder optDegree(int degree) {
      this.degree = degree;
      return this;
    }

    /** Which k-regular graph (default: the minimum-ASPL graph of the swap chain). */
    public Builder optGraph(RegularGraphChoice graph) {
      this.graph = graph;
      return this;
    }

    /** The limits of the ASPL search: proposals and seconds, at most 1e7 (default: 1,000,000 and 30 s). */
    public Builder optAsplSearch(AsplSearchBudget asplSearch) {
      this.asplSearch = asplSearch;
      return this;
    }

    /** The layers to mask (default: all but the first and last). */
    public Builder optLayers(LayerSelection layers) {
      this.layers = layers;
      return this;
    }

    /**
     * The method.
     *
     * @throws InvalidInputException for a node count or degree out of range, a degree the graph cannot have,
     *     a search longer than 1e7 s, or a missing setting
     */
    public Rgp build() {
      return new Rgp(this);
    }
  }

  private final int nodes;
  private final int degree;
  private final RegularGraphChoice graph;
  private final AsplSearchBudget budget;
  private final LayerSelection layers;

  private Rgp(Builder b) {
    this.nodes = ParameterCheck.between("nodes", b.nodes, 4, MAX_NODES);
    this.graph = ParameterCheck.present("graph", b.graph, "e.g. RegularGraphChoice.minAspl()");
    if (b.degree != 0) {
      ParameterCheck.between("degree", b.degree, 2, nodes - 1);
      RegularGraphChoice.checkDegree(nodes, b.degree);
      graph.checkDegreeForKind(b.degree);
    }
    this.degree = b.degree;
    this.budget = ParameterCheck.present("asplSearch", b.asplSearch, "e.g. AsplSearchBudget.defaults()");
    ParameterCheck.require(budget.seconds() <= MAX_SEARCH_SECONDS, "seconds|aspl-time", budget.seconds(),
        "must be at most " + MAX_SEARCH_SECONDS + " seconds (0: no time limit)");
    this.layers = ParameterCheck.present("layers", b.layers, "e.g. LayerSelection.NO_FIRST_LAST");
  }

  /** Settings at their defaults: 64 nodes, the degree from the density, the minimum-ASPL graph. */
  public static Builder builder() {
    return new Builder();
  }

  public int nodes() {
    return nodes;
  }

  /** The degree given, or empty where it comes from the target density. */
  public java.util.OptionalInt degree() {
    return degree == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(degree);
  }

  public RegularGraphChoice graph() {
    return graph;
  }

  public AsplSearchBudget asplSearch() {
    return budget;
  }

  public LayerSelection layers() {
    return layers;
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
      throw new InvalidInputException("{{density=" + context.target().density() + "}} disagrees with {{degree=" + k
          + "}} on {{nodes=" + nodes + "}}, which keeps " + (double) k / nodes + " of the masked layers: give one of them");
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
