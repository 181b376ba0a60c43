package dev.prunus.prune.method;

import dev.prunus.InvalidInputException;
import dev.prunus.ParameterCheck;
import dev.prunus.graph.Connectivity;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.generate.WattsStrogatz;
import dev.prunus.graph.metric.BipartiteClustering;
import dev.prunus.graph.metric.Clustering;
import dev.prunus.graph.metric.ClusteringMeasure;
import dev.prunus.graph.metric.GlobalEfficiency;
import dev.prunus.graph.metric.SmallWorldOmega;
import dev.prunus.graph.metric.SmallWorldSigma;
import dev.prunus.graph.metric.SquareClustering;
import dev.prunus.model.Architecture;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.prune.Granularity;
import dev.prunus.prune.LayerBudget;
import dev.prunus.prune.LayerSelection;
import dev.prunus.prune.MethodFactory;
import dev.prunus.prune.MethodInfo;
import dev.prunus.prune.MethodOption;
import dev.prunus.prune.MethodOptions;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.prune.relational.ChannelGroups;
import dev.prunus.prune.relational.ConnectionLattice;
import dev.prunus.prune.relational.NetworkGraph;
import dev.prunus.prune.relational.RelationalMasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Small-World structural pruning before training (Krishnan, Du &amp; Cao, "Structural Pruning in DNNs: A
 * Small-World Approach", arXiv 1911.04453, 2019).
 *
 * <p><b>This is Prunus's reading of the method.</b> Only the paper's abstract was available: it says the
 * dense network is trimmed hierarchically into a locally clustered, globally sparse small-world network
 * <i>before training</i>, then trained, then optimised for accuracy, reaching 2.3% of LeNet-5's parameters
 * on MNIST and 9.02% of VGG-16's on CIFAR-10. The three levels below, the budget rule, the graph mapping,
 * the choice of p and the metrics are our reconstruction, not the authors' algorithm:
 * <ol>
 *   <li><b>Layer level.</b> A per-layer density budget ({@link LayerBudget}; Erdos-Renyi-kernel by default,
 *       so larger layers are sparser and the first and last layers denser) that sums exactly to the
 *       requested density. By default (the paper counts "parameters") the density counts weights and
 *       biases of the conv/linear layers, so metrics.json's {@code params.density} is the requested value;
 *       biases are kept.
 *   <li><b>Group level.</b> A Watts-Strogatz relational graph on n nodes: the ring lattice of degree k,
 *       each node also linked to itself, edges rewired with probability p ({@link WattsStrogatz}, redrawn
 *       until connected, as networkx's {@code connected_watts_strogatz_graph}). It is mapped onto the masks
 *       by the mapping RGP uses ({@link RelationalMasks}): a layer's channels are split into n contiguous
 *       groups and only the blocks of adjacent groups (and each group's own block, through its self-link)
 *       may keep connections. A layer is masked at this level only when both its channel counts are at
 *       least n and its budget fits inside the allowed blocks; the others (typically the first and last
 *       layers) go straight to the connection level over the whole layer.
 *   <li><b>Connection level.</b> Inside the allowed blocks, a Watts-Strogatz bipartite lattice
 *       ({@link ConnectionLattice}): each output unit keeps its budget of inputs nearest on a common
 *       circular coordinate, each then rewired with the same p. A connection is a kernel of a convolution
 *       and a weight of a linear layer.
 * </ol>
 * p is {@code --rewire}, or chosen by a sweep over {@code --sweep} values that maximises the small-world
 * coefficient sigma of the relational graph (networkx's definition: transitivity against seeded
 * degree-preserving random references; the graph's self-links are left out of every graph metric, as they
 * only keep the diagonal blocks). The sweep, the chosen p, sigma, omega, clustering, transitivity, ASPL and
 * global efficiency of the relational graph are recorded, and for the whole network's unit graph
 * ({@link NetworkGraph}, which is layered, so triangle clustering is 0 on it) the square clustering
 * (networkx {@code square_clustering}), Latapy's bipartite clustering and the global efficiency, each
 * against a layered random reference with the same in-degrees. {@code details.definitions} names the
 * definition behind every number.
 *
 * <p>The mask is made at initialisation from no data and no weights, and frozen while the network trains
 * from scratch ({@code at-init}). Phase 3, magnitude pruning plus fine-tuning down to a final density, is
 * the schedule's {@code --final-density} (the paper's abstract does not say what its optimisation is).
 *
 * <p>From Java: {@code SmallWorld.builder().optNodes(16).optRewire(0.1).build()}.
 */
public final class SmallWorld implements PruningMethod {
  public static final String ID = "small-world";

  /**
   * The rewiring probabilities swept by default: from the lattice (0) to a random graph (1), densest over
   * the range where Watts-Strogatz graphs are usually small-world, 0.01 to 0.1.
   */
  public static final String DEFAULT_SWEEP = "0,0.01,0.02,0.05,0.1,0.2,0.5,1";

  /**
   * Unit graphs whose square clustering would cost more word operations than this are not measured: it is
   * the sum over nodes of their degree squared, times the words of a node's neighbour bit set (about a
   * minute on one core; VGG-16 at full width and 9% would take hours).
   */
  static final double UNIT_GRAPH_WORK_LIMIT = 2e10;

  /** The default of {@code nodes}. */
  public static final int DEFAULT_NODES = 16;

  /** The default of {@code degree}. */
  public static final int DEFAULT_DEGREE = 4;

  /** The most relational graph nodes. */
  public static final int MAX_NODES = 4096;

  /** The default of {@code sigmaReferences}. */
  public static final int DEFAULT_SIGMA_REFERENCES = 10;

  /** The default of {@code sigmaSwaps}. */
  public static final int DEFAULT_SIGMA_SWAPS = 100;

  /** The method's declaration, shared by its factory and its instances. */
  public static final MethodInfo INFO = new MethodInfo(
      ID,
      "Watts-Strogatz small-world masks at init: layer budget, relational graph, bipartite lattice (Krishnan et al. 2019; Prunus's reading)",
      Granularity.KERNEL,
      ScheduleKind.AT_INIT,
      List.of(
        MethodOption.of("nodes", Integer.toString(DEFAULT_NODES), "relational graph nodes n (channel groups); layers with fewer channels skip the group level"),
        MethodOption.of("degree", Integer.toString(DEFAULT_DEGREE), "ring-lattice degree k of the relational graph (even, below n)"),
        MethodOption.of("rewire", "", "rewiring probability p in [0, 1] (default: the sweep's choice)"),
        MethodOption.of("sweep", DEFAULT_SWEEP, "values of p tried; the one of largest sigma is used"),
        MethodOption.choice("budget", "erk", LayerBudget.Rule.CHOICES, "per-layer density rule"),
        MethodOption.choice("count", "params", LayerBudget.Count.CHOICES, "what --density is a share of: weights+biases, or weights"),
        MethodOption.of("sigma-references", Integer.toString(DEFAULT_SIGMA_REFERENCES), "random references per sigma and omega (networkx nrand)"),
        MethodOption.of("sigma-swaps", Integer.toString(DEFAULT_SIGMA_SWAPS), "swaps per edge of each sigma reference (networkx niter)"),
        MethodOption.choice("unit-graph", "true", List.of("true", "false"), "measure the whole network's unit graph"),
        MethodOption.choice("layers", "all", LayerSelection.CHOICES, "which conv/linear layers to mask (the others stay dense)")));

  /** Declares the method and parses its options into a {@link Builder}. */
  public static final class Factory implements MethodFactory {
    @Override
    public MethodInfo info() {
      return INFO;
    }

    @Override
    public PruningMethod create(MethodOptions o) {
      Builder b = builder()
          .optNodes(o.integer("nodes"))
          .optDegree(o.integer("degree"))
          .optBudget(o.choice("budget", LayerBudget.Rule.class))
          .optCount(o.choice("count", LayerBudget.Count.class))
          .optSigmaReferences(o.integer("sigma-references"))
          .optSigmaSwaps(o.integer("sigma-swaps"))
          .optUnitGraph(o.flag("unit-graph") ? UnitGraph.MEASURE : UnitGraph.SKIP)
          .optLayers(o.choice("layers", LayerSelection.class));
      if (o.given("rewire")) {
        b.optRewire(o.number("rewire"));
      } else {
        b.optSweep(parseSweep(o.string("sweep")));
      }
      return b.build();
    }
  }

  /** Whether a plan's details measure the whole network's unit graph (sigma, omega, path lengths). */
  public enum UnitGraph {
    /** Measure it (the default; slow for wide networks, see {@code UNIT_GRAPH_WORK_LIMIT}). */
    MEASURE,
    /** Leave it out. */
    SKIP
  }

  /** Small-World's settings, each at its default until set; {@link #build} checks them. */
  public static final class Builder {
    private int nodes = DEFAULT_NODES;
    private int degree = DEFAULT_DEGREE;
    private Double rewire;
    private List<Double> sweep = parseSweep(DEFAULT_SWEEP);
    private LayerBudget.Rule budget = LayerBudget.Rule.ERK;
    private LayerBudget.Count count = LayerBudget.Count.PARAMS;
    private int sigmaReferences = DEFAULT_SIGMA_REFERENCES;
    private int sigmaSwaps = DEFAULT_SIGMA_SWAPS;
    private UnitGraph unitGraph = UnitGraph.MEASURE;
    private LayerSelection layers = LayerSelection.ALL;

    private Builder() {}

    /** Relational graph nodes n (channel groups), in [4, 4096] (default 16). */
    public Builder optNodes(int nodes) {
      this.nodes = nodes;
      return this;
    }

    /** Ring-lattice degree k of the relational graph: even, in [2, n-1] (default 4). */
    public Builder optDegree(int degree) {
      this.degree = degree;
      return this;
    }

    /** The rewiring probability p in [0, 1]; unset (the default), the sweep chooses it. */
    public Builder optRewire(double rewire) {
      this.rewire = rewire;
      return this;
    }

    /** The values of p the sweep tries, each in [0, 1]; the one of largest sigma is used (default {@link #DEFAULT_SWEEP}). */
    public Builder optSweep(List<Double> sweep) {
      this.sweep = sweep;
      return this;
    }

    /** The per-layer density rule (default: ERK). */
    public Builder optBudget(LayerBudget.Rule budget) {
      this.budget = budget;
      return this;
    }

    /** What the target density is a share of (default: weights and biases, as the paper's "parameters"). */
    public Builder optCount(LayerBudget.Count count) {
      this.count = count;
      return this;
    }

    /** Random references per sigma and omega (networkx's nrand), in [1, 1000] (default 10). */
    public Builder optSigmaReferences(int sigmaReferences) {
      this.sigmaReferences = sigmaReferences;
      return this;
    }

    /** Swaps per edge of each sigma reference (networkx's niter), in [0, 10000] (default 100). */
    public Builder optSigmaSwaps(int sigmaSwaps) {
      this.sigmaSwaps = sigmaSwaps;
      return this;
    }

    /** Whether to measure the whole network's unit graph into the plan's details (default: {@code MEASURE}). */
    public Builder optUnitGraph(UnitGraph unitGraph) {
      this.unitGraph = unitGraph;
      return this;
    }

    /** The layers to mask; the others stay dense (default: all). */
    public Builder optLayers(LayerSelection layers) {
      this.layers = layers;
      return this;
    }

    /**
     * The method.
     *
     * @throws InvalidInputException for a value out of range, an odd degree, an empty sweep or a missing setting
     */
    public SmallWorld build() {
      return new SmallWorld(this);
    }
  }

  private final int nodes;
  private final int degree;
  private final List<Double> sweep;
  private final boolean rewireGiven;
  private final LayerBudget.Rule rule;
  private final LayerBudget.Count count;
  private final int references;
  private final int swaps;
  private final boolean unitGraph;
  private final LayerSelection layers;

  private SmallWorld(Builder b) {
    this.nodes = ParameterCheck.between("nodes", b.nodes, 4, MAX_NODES);
    this.degree = ParameterCheck.between("degree", b.degree, 2, nodes - 1);
    ParameterCheck.require(degree % 2 == 0, "degree", degree, "must be even: a ring lattice links k/2 neighbours on "
        + "each side (try " + (degree + 1 < nodes ? degree + 1 : degree - 1) + ")");
    this.rewireGiven = b.rewire != null;
    if (rewireGiven) {
      this.sweep = List.of(ParameterCheck.between("rewire", b.rewire, 0, 1));
    } else {
      ParameterCheck.require(b.sweep != null && !b.sweep.isEmpty(), "sweep", b.sweep, "must hold at least one "
          + "probability, e.g. " + DEFAULT_SWEEP);
      for (Double p : b.sweep) {
        ParameterCheck.require(p != null && p >= 0 && p <= 1, "sweep", b.sweep, "must hold probabilities in [0, 1]");
      }
      this.sweep = List.copyOf(b.sweep);
    }
    this.rule = ParameterCheck.present("budget", b.budget, "e.g. LayerBudget.Rule.ERK");
    this.count = ParameterCheck.present("count", b.count, "PARAMS or WEIGHTS");
    this.references = ParameterCheck.between("sigmaReferences", b.sigmaReferences, 1, 1000);
    this.swaps = ParameterCheck.between("sigmaSwaps", b.sigmaSwaps, 0, 10_000);
    this.unitGraph = ParameterCheck.present("unitGraph", b.unitGraph, "MEASURE or SKIP") == UnitGraph.MEASURE;
    this.layers = ParameterCheck.present("layers", b.layers, "e.g. LayerSelection.ALL");
  }

  /** Settings at their defaults: 16 nodes of degree 4, p by the sweep, ERK budget over the parameters. */
  public static Builder builder() {
    return new Builder();
  }

  public int nodes() {
    return nodes;
  }

  public int degree() {
    return degree;
  }

  /** The rewiring probabilities tried: the one given, or the sweep. */
  public List<Double> rewireCandidates() {
    return sweep;
  }

  public LayerBudget.Rule budget() {
    return rule;
  }

  public LayerBudget.Count count() {
    return count;
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
    if (layers.select(arch).isEmpty()) {
      throw new InvalidInputException(arch.name() + " has no conv/linear layer left to mask with these {{layers}}: "
          + "use {{layers=all}}");
    }
  }

  /** Also checks that the layer budget can meet {@code target}. */
  @Override
  public void check(Architecture arch, PruningTarget target) {
    check(arch);
    LayerBudget.allocate(arch, layers.select(arch), target.density(), rule, count);
  }

  @Override
  public PruningPlan plan(Model model, PruningContext context) {
    Architecture arch = model.architecture();
    check(arch);
    List<PrunableLayer> selected = layers.select(arch);
    LayerBudget.Allocation budget = LayerBudget.allocate(arch, selected, context.target().density(), rule, count);
    SweepResult swept = sweep(context.seed());
    Sweep chosen = swept.best();
    UndirectedGraph relational = chosen.graph().withSelfLoops();
    Map<String, RelationalMasks.InputChannels> inputs = RelationalMasks.inputChannels(arch);
    SplittableRandom root = new SplittableRandom(context.seed() ^ 0x5DEECE66DL);
    Map<String, Mask> out = new LinkedHashMap<>();
    Map<String, Object> levels = new LinkedHashMap<>();
    for (PrunableLayer p : selected) {
      LayerBudget.LayerShare share = budget.layers().get(p.name());
      SplittableRandom random = root.split();
      Level level = mask(p, share.connections(), inputs.get(p.name()), relational, chosen.p(), context.seed(), random,
          out);
      levels.put(p.name(), level.cliName());
    }
    Masks masks = new Masks(out);
    return PruningPlan.ofMasks(ID, masks, details(arch, budget, swept, levels, masks, context.seed()));
  }

  /** How a layer's mask was made. */
  enum Level {
    GROUP_AND_CONNECTION("group+connection"), CONNECTION("connection"), DENSE("dense");

    private final String cliName;

    Level(String cliName) {
      this.cliName = cliName;
    }

    String cliName() {
      return cliName;
    }
  }

  private Level mask(PrunableLayer p, long connections, RelationalMasks.InputChannels in, UndirectedGraph relational,
      double rewire, long seed, SplittableRandom random, Map<String, Mask> out) {
    int columns = p.inputUnits();
    int outputs = p.outputUnits();
    if (connections == (long) outputs * columns) {
      out.put(p.weightName(), Mask.ones(p.weightShape()));
      return Level.DENSE;
    }
    ConnectionLattice.Allowed allowed = ConnectionLattice.Allowed.ALL;
    Level level = Level.CONNECTION;
    if (Math.min(outputs, in.channels()) >= nodes) {
      ChannelGroups outGroups = ChannelGroups.split(outputs, nodes, seed);
      ChannelGroups inGroups = ChannelGroups.split(in.channels(), nodes, seed);
      ConnectionLattice.Allowed grouped =
          (o, c) -> relational.hasEdge(outGroups.groupOf(o), inGroups.groupOf(c / in.columnsPerChannel()));
      if (fits(outputs, columns, connections, grouped)) {
        allowed = grouped;
        level = Level.GROUP_AND_CONNECTION;
      }
    }
    boolean[] keep = ConnectionLattice.build(outputs, columns, connections, allowed, rewire, random);
    int perColumn = p.weightsPerConnection();
    boolean[] weights = new boolean[keep.length * perColumn];
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        java.util.Arrays.fill(weights, i * perColumn, (i + 1) * perColumn, true);
      }
    }
    out.put(p.weightName(), new Mask(p.weightShape(), weights));
    return level;
  }

  /** Whether every output may keep its share of the connections inside the allowed blocks. */
  private static boolean fits(int outputs, int columns, long connections, ConnectionLattice.Allowed allowed) {
    for (int o = 0; o < outputs; o++) {
      int may = 0;
      for (int c = 0; c < columns; c++) {
        if (allowed.test(o, c)) {
          may++;
        }
      }
      if (ConnectionLattice.inDegree(o, outputs, connections) > may) {
        return false;
      }
    }
    return true;
  }

  /** One point of the sweep: p, its graph (without self-links) and the graph's sigma. */
  record Sweep(double p, UndirectedGraph graph, SmallWorldSigma sigma) {
    double value() {
      return Double.isNaN(sigma.value()) ? Double.NEGATIVE_INFINITY : sigma.value();
    }
  }

  /** Every swept point, and the one of largest sigma (the first of them on ties). */
  record SweepResult(List<Sweep> points, Sweep best) {}

  private SweepResult sweep(long seed) {
    List<Sweep> points = new ArrayList<>();
    Sweep best = null;
    for (double p : sweep) {
      UndirectedGraph g = connectedWattsStrogatz(nodes, degree, p, seed);
      Sweep s = new Sweep(p, g, SmallWorldSigma.of(g, sigmaSettings(seed)));
      points.add(s);
      if (best == null || s.value() > best.value()) {
        best = s;
      }
    }
    return new SweepResult(points, best);
  }

  private SmallWorldSigma.Settings sigmaSettings(long seed) {
    return new SmallWorldSigma.Settings(references, swaps, ClusteringMeasure.TRANSITIVITY, seed);
  }

  /**
   * A connected Watts-Strogatz graph: redrawn (up to 100 times, as networkx) until connected. The draws'
   * seeds come from {@code seed} alone, so every p of a sweep sees the same random numbers.
   *
   * @throws InvalidInputException if 100 draws are all disconnected
   */
  static UndirectedGraph connectedWattsStrogatz(int n, int k, double p, long seed) {
    SplittableRandom seeds = new SplittableRandom(seed);
    for (int attempt = 0; attempt < 100; attempt++) {
      UndirectedGraph g = WattsStrogatz.generate(n, k, p, seeds.nextLong());
      if (Connectivity.isConnected(g)) {
        return g;
      }
    }
    throw new InvalidInputException("no connected Watts-Strogatz graph with n=" + n + ", k=" + k + ", p=" + p
        + " in 100 draws: use a larger {{degree}}");
  }

  private Map<String, Object> details(Architecture arch, LayerBudget.Allocation budget, SweepResult swept,
      Map<String, Object> levels, Masks masks, long seed) {
    Map<String, Object> d = new LinkedHashMap<>();
    Sweep chosen = swept.best();
    UndirectedGraph g = chosen.graph();
    SmallWorldSigma sigma = chosen.sigma();
    d.put("nodes", nodes);
    d.put("degree", degree);
    d.put("rewire", chosen.p());
    d.put("rewire_chosen_by", rewireGiven ? "--rewire" : "largest sigma of the sweep");
    d.put("sigma", sigma.value());
    d.put("sigma_clustering", sigma.clustering());
    d.put("sigma_random_clustering", sigma.randomClustering());
    d.put("sigma_random_aspl", sigma.randomAspl());
    SmallWorldOmega omega = SmallWorldOmega.of(g, new SmallWorldOmega.Settings(references, 5, ClusteringMeasure.AVERAGE,
        dev.prunus.graph.generate.LatticeReference.Rule.NETWORKX, seed));
    d.put("omega", omega.value());
    d.put("average_clustering", Clustering.average(g));
    d.put("transitivity", Clustering.transitivity(g));
    d.put("aspl", sigma.aspl());
    d.put("global_efficiency", GlobalEfficiency.of(g));
    d.put("edges", RelationalMasks.edgePairs(g));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("p", swept.points().stream().map(Sweep::p).toList());
    s.put("sigma", swept.points().stream().map(x -> x.sigma().value()).toList());
    s.put("transitivity", swept.points().stream().map(x -> x.sigma().clustering()).toList());
    s.put("aspl", swept.points().stream().map(x -> x.sigma().aspl()).toList());
    d.put("sweep", s);
    d.put("budget_rule", budget.rule().cliName());
    d.put("count", budget.count().cliName());
    d.put("kept_params", budget.keptParams());
    d.put("total_params", budget.totalParams());
    d.put("params_density", (double) budget.keptParams() / budget.totalParams());
    d.put("unallocated_weights", budget.unallocatedWeights());
    Map<String, Double> perLayer = new LinkedHashMap<>();
    for (PrunableLayer p : arch.prunableLayers()) {
      Mask m = masks.get(p.weightName());
      perLayer.put(p.weightName(), m == null ? 1.0 : m.density());
    }
    d.put("weight_density", RelationalMasks.networkWeightDensity(arch, masks));
    d.put("layer_density", perLayer);
    d.put("layer_level", levels);
    if (unitGraph) {
      d.put("unit_graph", unitGraph(arch, masks, seed));
    }
    d.put("definitions", definitions());
    return d;
  }

  private Map<String, Object> unitGraph(Architecture arch, Masks masks, long seed) {
    Map<String, Object> u = new LinkedHashMap<>();
    NetworkGraph network = NetworkGraph.of(arch, masks);
    UndirectedGraph g = network.graph();
    u.put("nodes", g.nodeCount());
    u.put("edges", g.edgeCount());
    double work = 0;
    for (int degree : g.degrees()) {
      work += (double) degree * degree;
    }
    work *= (g.nodeCount() + 63) / 64;
    if (work > UNIT_GRAPH_WORK_LIMIT) {
      u.put("measured", false);
      u.put("reason", String.format(java.util.Locale.ROOT, "square clustering would take about %.1e word operations "
          + "(limit %.0e): pass --unit-graph false to skip it", work, UNIT_GRAPH_WORK_LIMIT));
      return u;
    }
    u.put("measured", true);
    double square = SquareClustering.average(g);
    double latapy = BipartiteClustering.averageLatapy(g, BipartiteClustering.Mode.DOT);
    double efficiency = GlobalEfficiency.of(g);
    SplittableRandom random = new SplittableRandom(seed);
    int refs = Math.min(references, 3);
    double rSquare = 0;
    double rLatapy = 0;
    double rEfficiency = 0;
    for (int i = 0; i < refs; i++) {
      UndirectedGraph r = network.layeredReference(random);
      rSquare += SquareClustering.average(r) / refs;
      rLatapy += BipartiteClustering.averageLatapy(r, BipartiteClustering.Mode.DOT) / refs;
      rEfficiency += GlobalEfficiency.of(r) / refs;
    }
    u.put("square_clustering", square);
    u.put("latapy_clustering", latapy);
    u.put("global_efficiency", efficiency);
    u.put("components", Connectivity.componentCount(g));
    u.put("references", refs);
    u.put("reference_square_clustering", rSquare);
    u.put("reference_latapy_clustering", rLatapy);
    u.put("reference_global_efficiency", rEfficiency);
    u.put("square_clustering_ratio", square / rSquare);
    u.put("global_efficiency_ratio", efficiency / rEfficiency);
    return u;
  }

  private static Map<String, String> definitions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("graph", "relational graph: Watts-Strogatz on n nodes, self-links left out of every metric");
    d.put("sigma", "networkx sigma: (C/C_r)/(L/L_r), C = transitivity, references by degree-preserving swaps "
        + "(sigma-references of sigma-swaps per edge), seeded by the run's seed");
    d.put("omega", "networkx omega: L_r/L - C/C_l, C = average clustering, 5 lattice swaps per edge");
    d.put("average_clustering", "networkx average_clustering (triangles)");
    d.put("transitivity", "networkx transitivity (triangles)");
    d.put("aspl", "networkx average_shortest_path_length");
    d.put("unit_graph", "whole-network unit graph (layered: triangle clustering is 0); square_clustering = "
        + "networkx square_clustering, latapy_clustering = networkx bipartite average_clustering (mode dot), "
        + "global_efficiency = networkx global_efficiency; references: every output unit's in-degree kept, "
        + "inputs drawn uniformly in its layer");
    return d;
  }

  static List<Double> parseSweep(String text) {
    List<Double> values = new ArrayList<>();
    for (String part : text.split(",")) {
      double p;
      try {
        p = Double.parseDouble(part.trim());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("{{sweep='" + text + "'}} must be comma-separated probabilities, e.g. "
            + DEFAULT_SWEEP);
      }
      if (!(p >= 0 && p <= 1)) {
        throw new InvalidInputException("{{sweep}} value " + part.trim() + " must be a probability in [0, 1]");
      }
      values.add(p);
    }
    return values;
  }
}
