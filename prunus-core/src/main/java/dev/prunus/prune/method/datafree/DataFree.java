package dev.prunus.prune.method.datafree;

import dev.prunus.ParameterCheck;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.prune.Granularity;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodFactory;
import dev.prunus.prune.MethodInfo;
import dev.prunus.prune.MethodOption;
import dev.prunus.prune.MethodOptions;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.prune.UnitRemoval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data-free neuron merging (Srinivas &amp; Venkatesh Babu, BMVC 2015, "Data-free parameter pruning for
 * Deep Neural Networks", arXiv 1507.06149): in each hidden fully connected layer, repeatedly removes the
 * neuron {@code j} of the pair {@code (i, j)} of least saliency
 * {@code s(i, j) = mean(a_j^2) * ||[W_i, b_i] - [W_j, b_j]||^2} and adds its outgoing weights {@code a_j}
 * (its column of the next layer's weight) to neuron {@code i}'s, so that a neuron with a twin is removed
 * at no cost at all. No data is read: only the weights. Granularity: unit (neurons of hidden FC layers;
 * convolutions and the classifier's outputs are never touched). Use it one shot on a trained network,
 * without retraining (the paper's setting), on wide FC layers such as LeNet-5's or AlexNet's. Measured on
 * LeNet-5 (Caffe) FC1 trained on mnist-sample and Fashion-MNIST (README): at or above random removal up
 * to about half of the parameters removed, below both baselines beyond, because the merges pile up on
 * a few neurons (by 450 of 500 removed, one neuron has absorbed 60 others); the paper's "85% removed
 * with a small drop" was not reproduced there.
 *
 * <p>What the paper says: the saliency above, the greedy order, the surgery
 * {@code a_i += a_j}, and stopping where the curve of successive saliencies turns up. Prunus's decisions:
 * the bias is appended to the weight row (the exact-equality argument needs equal biases too); the mean
 * of {@code a_j^2} is over all outputs of the next layer; the saliencies using {@code a_i} are updated
 * after each merge (the distances never change); consecutive hidden FC layers are pruned in forward order,
 * each on the weights left by the surgery on the layers before it; ties go to the lower neuron index.
 * How many: the run's density as the kept fraction of each layer's neurons, or {@code --remove} counts
 * ({@link NeuronCount}), or {@code --auto}: the knee of the curve, by default the point farthest below
 * the chord of the log saliencies ({@link KneePoint}: the usual knee detector, the largest second
 * difference, {@code --knee second-difference}, picks the last merges on trained networks). The plan's
 * details ({@code rule}: density, count or knee; {@code knee-rule}; {@code layers}: per layer {@code neurons}, {@code alive},
 * {@code removed}, {@code knee} and {@code saliency}) record the saliency of
 * every greedy step down to one neuron, not only of the removals made, so the whole curve can be drawn.
 * The plan is a list of {@link UnitRemoval#merge merges}: masking applies the surgery, and
 * {@link dev.prunus.prune.Compactor} then removes the rows, biases and columns physically. With
 * {@code --surgery false} (not in the paper; an ablation) the same greedy choices are made but the
 * neurons are dropped, which separates the merit of the choice from that of the surgery.
 *
 * <p>From Java: {@code DataFree.builder().optStop(DataFree.Stop.KNEE).build()}, or
 * {@code DataFree.builder().optRemove(NeuronCount.perLayer(Map.of("fc1", 450))).build()}.
 */
public final class DataFree implements PruningMethod {
  public static final String ID = "data-free";

  /** The method's declaration, shared by its factory and its instances. */
  public static final MethodInfo INFO = new MethodInfo(
      ID,
      "merge similar neurons of hidden FC layers without data (Srinivas & Babu 2015)",
      Granularity.UNIT,
      ScheduleKind.ONE_SHOT,
      List.of(
          NeuronCount.DECLARATION,
          MethodOption.choice("auto", "false", List.of("true", "false"),
              "stop each layer at the knee of its saliency curve (overrides --remove and the density)"),
          MethodOption.choice("knee", KneeRule.KNEEDLE.cliName(), KneeRule.CHOICES,
              "how --auto finds the knee: farthest below the chord of the log curve, or the largest second "
                  + "difference (degenerate on trained networks: picks the last merges)"),
          MethodOption.choice("surgery", "true", List.of("true", "false"),
              "add each removed neuron's outgoing weights to its partner's (false: drop it, an ablation)")));

  /** Where each layer's merging stops. */
  public enum Stop {
    /** After the count of {@link Builder#optRemove}, or as many as the target density leaves (the default). */
    COUNT,
    /** At the knee of the layer's saliency curve ({@link KneeRule}), whatever the count or the target. */
    KNEE
  }

  /** What happens to a removed neuron's outgoing weights. */
  public enum Surgery {
    /** Added to its partner's (the paper's surgery, the default). */
    MERGE,
    /** Dropped with it: the same greedy choices without the surgery (an ablation). */
    DROP
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
          .optRemove(NeuronCount.parse(o.string(NeuronCount.OPTION)))
          .optStop(o.flag("auto") ? Stop.KNEE : Stop.COUNT)
          .optKneeRule(o.choice("knee", KneeRule.class))
          .optSurgery(o.flag("surgery") ? Surgery.MERGE : Surgery.DROP)
          .build();
    }

    @Override
    public java.util.OptionalDouble impliedDensity(MethodOptions o) {
      return NeuronCount.impliedDensity(o, o.flag("auto"));
    }
  }

  /** Data-free merging's settings, each at its default until set; {@link #build} checks them. */
  public static final class Builder {
    private NeuronCount remove = NeuronCount.byDensity();
    private Stop stop = Stop.COUNT;
    private KneeRule kneeRule = KneeRule.KNEEDLE;
    private Surgery surgery = Surgery.MERGE;

    private Builder() {}

    /** How many neurons each hidden FC layer loses (default: as many as the target density leaves). */
    public Builder optRemove(NeuronCount remove) {
      this.remove = remove;
      return this;
    }

    /** Stop each layer at its count ({@code COUNT}, the default) or at the knee of its saliency curve. */
    public Builder optStop(Stop stop) {
      this.stop = stop;
      return this;
    }

    /** How the knee is found (default: kneedle); recorded in the plan's details whatever {@code stop} is. */
    public Builder optKneeRule(KneeRule kneeRule) {
      this.kneeRule = kneeRule;
      return this;
    }

    /** Merge a removed neuron's outgoing weights into its partner's (the default) or drop them. */
    public Builder optSurgery(Surgery surgery) {
      this.surgery = surgery;
      return this;
    }

    /**
     * The method.
     *
     * @throws dev.prunus.InvalidInputException for a missing setting
     */
    public DataFree build() {
      return new DataFree(this);
    }
  }

  private final NeuronCount count;
  private final boolean auto;
  private final KneeRule knee;
  private final boolean surgery;

  private DataFree(Builder b) {
    this.count = ParameterCheck.present("remove", b.remove, "e.g. NeuronCount.byDensity()");
    this.auto = ParameterCheck.present("stop", b.stop, "COUNT or KNEE") == Stop.KNEE;
    this.knee = ParameterCheck.present("kneeRule", b.kneeRule, "e.g. KneeRule.KNEEDLE");
    this.surgery = ParameterCheck.present("surgery", b.surgery, "MERGE or DROP") == Surgery.MERGE;
  }

  /** Settings at their defaults: counts from the target density, kneedle, merging surgery. */
  public static Builder builder() {
    return new Builder();
  }

  public NeuronCount remove() {
    return count;
  }

  public Stop stop() {
    return auto ? Stop.KNEE : Stop.COUNT;
  }

  public KneeRule kneeRule() {
    return knee;
  }

  public Surgery surgery() {
    return surgery ? Surgery.MERGE : Surgery.DROP;
  }

  @Override
  public MethodInfo info() {
    return INFO;
  }

  @Override
  public PruningPlan plan(Model model, PruningContext context) {
    List<HiddenFcLayer> layers = HiddenFcLayer.of(model, ID);
    count.requireKnown(layers);
    List<UnitRemoval> removals = new ArrayList<>();
    Map<String, Object> perLayer = new LinkedHashMap<>();
    Model working = model;
    for (int l = 0; l < layers.size(); l++) {
      // each layer sees the weights left by the surgery on the layers before it
      HiddenFcLayer layer = l == 0 ? layers.get(0) : HiddenFcLayer.of(working, ID).get(l);
      int n = layer.layer().outFeatures();
      float[] distances = SquaredDistances.of(layer.incomingRows(working), n, layer.layer().inFeatures() + 1);
      List<NeuronMerge.Step> steps = NeuronMerge.greedy(distances, layer.outgoing(working),
          layer.consumer().outFeatures(), layer.alive(), Integer.MAX_VALUE);
      double[] saliency = steps.stream().mapToDouble(NeuronMerge.Step::saliency).toArray();
      int kneeCount = KneePoint.removals(saliency, knee);
      int k = auto ? kneeCount : count.of(layer, context.target());
      List<UnitRemoval> mine = new ArrayList<>();
      for (NeuronMerge.Step s : steps.subList(0, k)) {
        mine.add(surgery ? UnitRemoval.merge(layer.layer().name(), s.removed(), s.into(), 1.0)
            : UnitRemoval.drop(layer.layer().name(), s.removed()));
      }
      removals.addAll(mine);
      if (l < layers.size() - 1) {
        working = MaskApplier.apply(working, new PruningPlan(ID, Masks.NONE, mine, Map.of()));
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("neurons", n);
      result.put("alive", layer.aliveCount());
      result.put("removed", k);
      result.put("knee", kneeCount);
      result.put("saliency", Arrays.stream(saliency).boxed().toList());
      perLayer.put(layer.layer().name(), result);
    }
    return new PruningPlan(ID, Masks.NONE, removals, Map.of(
        "rule", auto ? "knee" : count.fromTarget() ? "density" : "count",
        "knee-rule", knee.cliName(),
        "layers", perLayer));
  }
}
