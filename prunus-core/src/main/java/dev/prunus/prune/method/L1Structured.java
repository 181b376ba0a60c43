package dev.prunus.prune.method;

import dev.prunus.CliName;
import dev.prunus.InvalidInputException;
import dev.prunus.ParameterCheck;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.prune.ChannelDependencies;
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
import dev.prunus.prune.TopK;
import dev.prunus.prune.UnitGroup;
import dev.prunus.prune.UnitRemoval;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Norm-based filter pruning (Li, Kadav, Durdanovic, Samet, Graf, ICLR 2017, "Pruning Filters for Efficient
 * ConvNets"): removes whole neurons and filters whose weight rows (still kept by the mask) have the
 * smallest L1 norm, layer by layer, keeping {@code round(density * units)} units of each selected layer
 * (at least one; with {@code --round-to N} a multiple of N, rounded up). Granularity: unit. The plan is a list of {@link UnitRemoval#drop drops}, so
 * {@link dev.prunus.prune.MaskApplier} masks each unit's row, bias, batch-norm entries and consumer
 * columns, and {@link dev.prunus.prune.Compactor} then gives the physically smaller network. A standard
 * structured baseline after training, one shot with fine-tuning (the paper's "prune once and retrain").
 *
 * <p>Residual networks: like the paper, which prunes only the first layer of each residual block of
 * ResNet-56/110 because the second layer's filters are tied to the shortcut, the default
 * ({@code --coupled skip}) leaves residual-coupled units alone and prunes only uncoupled ones (the inner
 * conv of each basic block). With {@code --coupled together} each coupled group (one channel of a residual
 * stage, in every block that adds into it) is scored by the sum of its members' norms and removed as a
 * whole; groups that share layers are ranked together, and every layer keeps at least one of its groups.
 * The sum favours groups with more members (stages reached through option-A zero-pad shortcuts span
 * several stages); this is Prunus's choice, the paper does not prune coupled filters.
 *
 * <p>Departures: {@code --norm l2} is offered as a variant (the paper finds L1 and L2 alike); the
 * classifier's outputs and units coupled to the network input are never removable, whatever
 * {@code --layers} says; units already dead (rows fully masked) are ranked lowest, and dropping them again
 * is harmless, so masks only shrink under repeated pruning. Ties are broken by lower unit index.
 *
 * <p>From Java: {@code L1Structured.builder().optCoupled(Coupled.TOGETHER).build()}.
 */
public final class L1Structured implements PruningMethod {
  public static final String ID = "l1-structured";

  /** The method's declaration, shared by its factory and its instances. */
  public static final MethodInfo INFO = new MethodInfo(
      ID,
      "remove whole neurons/filters of smallest L1 weight norm, per layer (Li et al. 2017)",
      Granularity.UNIT,
      ScheduleKind.ONE_SHOT,
      List.of(
        MethodOption.choice("norm", Norm.L1.cliName(), List.of("l1", "l2"), "norm of each unit's weight row"),
        MethodOption.choice("coupled", Coupled.SKIP.cliName(), List.of("skip", "together"),
            "residual-coupled channels: leave them (as the paper) or remove whole coupled groups"),
        MethodOption.choice("layers", LayerSelection.NO_LAST.cliName(), LayerSelection.CHOICES,
            "which conv/linear layers lose units (classifier outputs are never removed)"),
        MethodOption.of("round-to", "1",
            "keep a multiple of this many units per layer or coupled pool (e.g. 8 or 16: SIMD-friendly channel counts)")));

  /** The largest {@code roundTo}. */
  public static final int MAX_ROUND_TO = 1024;

  /** The vector norm of a weight row. */
  public enum Norm implements CliName {
    L1,
    L2;

    @Override
    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What to do with residual-coupled units. */
  public enum Coupled implements CliName {
    /** Leave them (Li et al. on ResNets). */
    SKIP,
    /** Score each coupled group by the sum of its members' norms and remove it as a whole. */
    TOGETHER;

    @Override
    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Declares the method and parses its options into a {@link Builder}. */
  public static final class Factory implements MethodFactory {
    @Override
    public MethodInfo info() {
      return INFO;
    }

    @Override
    public PruningMethod create(MethodOptions o) {
      return builder()
          .optNorm(o.choice("norm", Norm.class))
          .optCoupled(o.choice("coupled", Coupled.class))
          .optLayers(o.choice("layers", LayerSelection.class))
          .optRoundTo(o.integer("round-to"))
          .build();
    }
  }

  /** The method's settings, each at its default until set; {@link #build} checks them. */
  public static final class Builder {
    private Norm norm = Norm.L1;
    private Coupled coupled = Coupled.SKIP;
    private LayerSelection layers = LayerSelection.NO_LAST;
    private int roundTo = 1;

    private Builder() {}

    /** The norm of each unit's weight row (default: L1). */
    public Builder optNorm(Norm norm) {
      this.norm = norm;
      return this;
    }

    /** Residual-coupled channels: left alone (SKIP, the default, as the paper) or removed in whole groups. */
    public Builder optCoupled(Coupled coupled) {
      this.coupled = coupled;
      return this;
    }

    /** The layers that lose units (default: all but the last; classifier outputs are never removed). */
    public Builder optLayers(LayerSelection layers) {
      this.layers = layers;
      return this;
    }

    /**
     * Keep a multiple of {@code roundTo} units in each layer or coupled pool, in [1, 1024] (default 1): the
     * kept count is rounded up, never past the units there are. Compacted channel counts that are multiples
     * of the CPU's vector width (8 or 16 floats) run at full speed in oneDNN and ONNX Runtime, whose
     * blocked layouts pad other counts (as Torch-Pruning's {@code round_to}).
     */
    public Builder optRoundTo(int roundTo) {
      this.roundTo = roundTo;
      return this;
    }

    /**
     * The method.
     *
     * @throws InvalidInputException for a missing setting or a {@code roundTo} out of range
     */
    public L1Structured build() {
      return new L1Structured(this);
    }
  }

  private final Norm norm;
  private final Coupled coupled;
  private final LayerSelection layers;
  private final int roundTo;

  private L1Structured(Builder b) {
    this.norm = ParameterCheck.present("norm", b.norm, "L1 or L2");
    this.coupled = ParameterCheck.present("coupled", b.coupled, "SKIP or TOGETHER");
    this.layers = ParameterCheck.present("layers", b.layers, "e.g. LayerSelection.NO_LAST");
    this.roundTo = ParameterCheck.between("roundTo", b.roundTo, 1, MAX_ROUND_TO);
  }

  /** Settings at their defaults: L1, coupled units skipped, all layers but the last. */
  public static Builder builder() {
    return new Builder();
  }

  public Norm norm() {
    return norm;
  }

  public Coupled coupled() {
    return coupled;
  }

  public LayerSelection layers() {
    return layers;
  }

  public int roundTo() {
    return roundTo;
  }

  /** {@code count} units rounded up to a multiple of {@code roundTo}, at most {@code units}. */
  static int roundUp(int count, int roundTo, int units) {
    return Math.min(units, (count + roundTo - 1) / roundTo * roundTo);
  }

  @Override
  public MethodInfo info() {
    return INFO;
  }

  @Override
  public PruningPlan plan(Model model, PruningContext context) {
    ChannelDependencies coupling = ChannelDependencies.of(model.architecture());
    Map<String, PrunableLayer> byName = new LinkedHashMap<>();
    for (PrunableLayer p : model.architecture().prunableLayers()) {
      byName.put(p.name(), p);
    }
    Set<String> selected = new HashSet<>();
    layers.select(model.architecture()).forEach(p -> selected.add(p.name()));
    List<UnitGroup> groups = coupling.groups();
    Map<String, List<Integer>> pools = pools(groups, selected);
    List<UnitRemoval> removals = new ArrayList<>();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, List<Integer>> pool : pools.entrySet()) {
      List<Integer> members = pool.getValue();
      float[] scores = new float[members.size()];
      boolean[] alive = new boolean[members.size()];
      for (int i = 0; i < scores.length; i++) {
        for (UnitGroup.Member m : groups.get(members.get(i)).members()) {
          PrunableLayer p = byName.get(m.layer());
          scores[i] += rowNorm(model, p, m.unit());
          alive[i] |= rowKept(model, p, m.unit());
        }
      }
      boolean[] keep = TopK.largest(scores, alive,
          roundUp((int) context.target().keep(members.size()), roundTo, members.size()));
      keepOnePerLayer(groups, members, scores, alive, keep);
      int count = 0;
      for (int i = 0; i < keep.length; i++) {
        if (keep[i]) {
          count++;
        } else {
          UnitGroup.Member first = groups.get(members.get(i)).members().get(0);
          removals.add(UnitRemoval.drop(first.layer(), first.unit()));
        }
      }
      kept.put(pool.getKey(), count + "/" + members.size());
    }
    return new PruningPlan(ID, Masks.NONE, removals, Map.of(
        "norm", norm.cliName(),
        "coupled", coupled.cliName(),
        "round-to", roundTo,
        "units-kept", kept));
  }

  /**
   * The removable groups in scope, pooled: an uncoupled unit with the other units of its layer (key: the
   * layer), a coupled group with every coupled group sharing a layer with it (key: its first layer).
   */
  private Map<String, List<Integer>> pools(List<UnitGroup> groups, Set<String> selected) {
    Map<String, String> component = new LinkedHashMap<>();
    for (UnitGroup g : groups) {
      if (g.coupled()) {
        String root = find(component, g.members().get(0).layer());
        for (UnitGroup.Member m : g.members()) {
          String r = find(component, m.layer());
          if (!r.equals(root)) {
            component.put(r, root);
          }
        }
      }
    }
    Map<String, List<Integer>> pools = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      UnitGroup g = groups.get(i);
      boolean inScope = g.removable() && g.members().stream().allMatch(m -> selected.contains(m.layer()))
          && (!g.coupled() || coupled == Coupled.TOGETHER);
      if (inScope) {
        String key = g.coupled()
            ? "coupled:" + find(component, g.members().get(0).layer())
            : g.members().get(0).layer();
        pools.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    return pools;
  }

  private static String find(Map<String, String> parent, String layer) {
    String r = layer;
    while (parent.containsKey(r) && !parent.get(r).equals(r)) {
      r = parent.get(r);
    }
    parent.putIfAbsent(layer, r);
    return r;
  }

  /** In a coupled pool, a layer left with no kept unit keeps its best alive group (no layer collapses). */
  private static void keepOnePerLayer(
      List<UnitGroup> groups, List<Integer> pool, float[] scores, boolean[] alive, boolean[] keep) {
    Map<String, Integer> best = new LinkedHashMap<>();
    Set<String> covered = new HashSet<>();
    for (int i = 0; i < pool.size(); i++) {
      for (UnitGroup.Member m : groups.get(pool.get(i)).members()) {
        if (keep[i]) {
          covered.add(m.layer());
        }
        Integer b = best.get(m.layer());
        if (alive[i] && (b == null || scores[i] > scores[b])) {
          best.put(m.layer(), i);
        }
      }
    }
    for (Map.Entry<String, Integer> e : best.entrySet()) {
      if (!covered.contains(e.getKey())) {
        keep[e.getValue()] = true;
        groups.get(pool.get(e.getValue())).members().forEach(m -> covered.add(m.layer()));
      }
    }
  }

  private float rowNorm(Model model, PrunableLayer p, int unit) {
    float[] w = model.weights().get(p.weightName()).data();
    Mask m = model.masks().get(p.weightName());
    int row = p.inputUnits() * p.weightsPerConnection();
    double sum = 0;
    for (int i = unit * row; i < (unit + 1) * row; i++) {
      if (m == null || m.keep()[i]) {
        sum += norm == Norm.L1 ? Math.abs(w[i]) : (double) w[i] * w[i];
      }
    }
    return (float) (norm == Norm.L1 ? sum : Math.sqrt(sum));
  }

  private static boolean rowKept(Model model, PrunableLayer p, int unit) {
    Mask m = model.masks().get(p.weightName());
    if (m == null) {
      return true;
    }
    int row = p.inputUnits() * p.weightsPerConnection();
    for (int i = unit * row; i < (unit + 1) * row; i++) {
      if (m.keep()[i]) {
        return true;
      }
    }
    return false;
  }
}
