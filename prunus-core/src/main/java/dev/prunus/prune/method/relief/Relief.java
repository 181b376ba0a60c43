package dev.prunus.prune.method.relief;

import dev.prunus.ParameterCheck;
import dev.prunus.data.ImageSet;
import dev.prunus.model.AddLayer;
import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ChannelGateLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.Model;
import dev.prunus.model.Node;
import dev.prunus.model.PrunableLayer;
import dev.prunus.prune.Granularity;
import dev.prunus.prune.MethodFactory;
import dev.prunus.prune.MethodInfo;
import dev.prunus.prune.MethodOption;
import dev.prunus.prune.MethodOptions;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.prune.method.Snip;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NNrelief (Dekhovich, Tax, Sluiter &amp; Bessa, "Neural network relief: a pruning algorithm based on neural
 * activity", Machine Learning 113(5):2597-2618, 2024; arXiv 2109.10795): each unit keeps the smallest set of
 * its incoming connections that carries {@code alpha} of the signal it receives on a pruning set of training
 * images, and loses the rest. Granularity: single weights in linear layers, whole kernels in convolutions,
 * plus biases; neurons and filters go when they are dead or unused. Iterative and alpha-driven: the density
 * is an outcome, not a target, so run it with the iterative schedule ({@code --iterations K}), retraining
 * after every pass; one pass alone removes little.
 *
 * <p>One pass ({@link #plan}), following the authors' code (github.com/adekhovich/NNrelief):
 * <ol>
 *   <li>The pruning set: {@code prune-set-size} training images (labels unused) drawn by the seed. The
 *       iterative schedule passes the same seed every iteration, so the set is fixed, as in the code.
 *   <li>Convolutions, with statistics from one forward pass of the network as it is at the start of the
 *       pass: kernel importances ({@link ImportanceScores#conv}, aggregation Frobenius or sum, by default
 *       per architecture as in the code), the cumulative-alpha rule per filter with {@code alpha-conv}
 *       ({@link CumulativeAlpha}, including its edge case), and the dead check: a filter whose activated
 *       output (after batch norm and ReLU) is exactly zero on the whole pruning set loses its kernels, its
 *       bias and its batch-norm scale and shift.
 *   <li>Residual blocks, at the block's last conv: per channel, the branch's contribution
 *       {@code B = ||mean|BN2 out|||_F} against the shortcut's {@code R = ||mean|shortcut|||_F}; when
 *       {@code B / R < (1 - alpha) / alpha} the branch's filter is removed (with its batch-norm entries),
 *       when {@code R / B < (1 - alpha) / alpha} the block's shortcut mask for the channel is closed.
 *   <li>Linear layers, with statistics recomputed through the pruned convolutions: the same rule per
 *       neuron with {@code alpha-fc}, and the same dead check (identity activation for the logits).
 *   <li>Backward pruning ({@link UnitGraph}), from the last layer to the first: a unit whose outputs are
 *       all pruned loses its incoming connections, bias and batch-norm entries; across a flatten a channel
 *       owns its block of linear columns.
 * </ol>
 *
 * <p>Where Prunus departs from the released code, whose faults it does not copy: the training data is
 * shuffled and the best epoch chosen on a validation split, never the test set ({@link ReliefPreset}); the
 * first convolution of a ResNet is pruned and counted (the
 * released code never applies its mask); the batch-norm scale and shift of dead channels are masked, so
 * they stay zero through retraining (the code zeroes them once and lets them regrow); when the residual
 * rule removes a branch filter its batch-norm entries go with it, so the branch adds exactly nothing; the
 * ratio tests are done as products ({@code alpha B < (1 - alpha) R}), which agree with the code's
 * quotients except that a channel with {@code B = R = 0} is left alone instead of meeting a 0/0. Running
 * statistics are not masked (with scale and shift masked they cannot reach the output). Projection
 * shortcuts (ResNet-18, not in the paper) are pruned as convolutions and gated by the same shortcut mask.
 *
 * <p>From Java: {@code Relief.builder().optAlphaFc(0.9).build()}, run by an iterative
 * {@link dev.prunus.prune.schedule.Schedule}.
 */
public final class Relief implements PruningMethod {
  public static final String ID = "relief";

  /** The default of both alphas. */
  public static final double DEFAULT_ALPHA = 0.95;

  /** The default of {@code pruneSetSize}. */
  public static final int DEFAULT_PRUNE_SET_SIZE = 1000;

  /** The largest pruning set. */
  public static final int MAX_PRUNE_SET_SIZE = 1_000_000;

  /** The method's declaration, shared by its factory and its instances. */
  public static final MethodInfo INFO = new MethodInfo(
      ID,
      "NNrelief: each unit keeps the inputs carrying alpha of its activation signal; iterative (Dekhovich et al. 2024)",
      Granularity.WEIGHT,
      ScheduleKind.ITERATIVE,
      List.of(
        MethodOption.of("alpha-conv", Double.toString(DEFAULT_ALPHA), "share of each filter's incoming signal its kept kernels carry"),
        MethodOption.of("alpha-fc", Double.toString(DEFAULT_ALPHA), "share of each neuron's incoming signal its kept weights carry"),
        MethodOption.of("prune-set-size", Integer.toString(DEFAULT_PRUNE_SET_SIZE), "training images in the pruning set (labels unused)"),
        MethodOption.choice("aggregation", Aggregation.AUTO, Aggregation.CHOICES,
            "kernel score: Frobenius norm or sum of |K| * mean|x| (auto: sum for LeNets, Frobenius otherwise)")));

  /** Declares the method and parses its options into a {@link Builder}. */
  public static final class Factory implements MethodFactory {
    @Override
    public MethodInfo info() {
      return INFO;
    }

    @Override
    public PruningMethod create(MethodOptions o) {
      String aggregation = o.string("aggregation");
      return builder()
          .optAlphaConv(o.number("alpha-conv"))
          .optAlphaFc(o.number("alpha-fc"))
          .optPruneSetSize(o.integer("prune-set-size"))
          .optAggregation(aggregation.equals(Aggregation.AUTO) ? null : o.choice("aggregation", Aggregation.class))
          .build();
    }
  }

  /** NNrelief's settings, each at its default until set; {@link #build} checks them. */
  public static final class Builder {
    private double alphaConv = DEFAULT_ALPHA;
    private double alphaFc = DEFAULT_ALPHA;
    private int pruneSetSize = DEFAULT_PRUNE_SET_SIZE;
    private Aggregation aggregation;

    private Builder() {}

    /** The share of each filter's incoming signal its kept kernels carry, in (0, 1] (default 0.95). */
    public Builder optAlphaConv(double alphaConv) {
      this.alphaConv = alphaConv;
      return this;
    }

    /** The share of each neuron's incoming signal its kept weights carry, in (0, 1] (default 0.95). */
    public Builder optAlphaFc(double alphaFc) {
      this.alphaFc = alphaFc;
      return this;
    }

    /** Training images in the pruning set, in [1, 1000000] (default 1000; fewer when the data has fewer). */
    public Builder optPruneSetSize(int pruneSetSize) {
      this.pruneSetSize = pruneSetSize;
      return this;
    }

    /**
     * How a kernel's importance map is reduced, or null (the default) for the authors' choice per
     * architecture ({@link Aggregation#forArchitecture}: sum for the LeNets, Frobenius otherwise).
     */
    public Builder optAggregation(Aggregation aggregation) {
      this.aggregation = aggregation;
      return this;
    }

    /**
     * The method.
     *
     * @throws dev.prunus.InvalidInputException for an alpha outside (0, 1] or a pruning set out of range
     */
    public Relief build() {
      return new Relief(this);
    }
  }

  private final double alphaConv;
  private final double alphaFc;
  private final int pruneSetSize;
  private final Aggregation aggregation;

  private Relief(Builder b) {
    this.alphaConv = CumulativeAlpha.requireAlpha(b.alphaConv, "alphaConv");
    this.alphaFc = CumulativeAlpha.requireAlpha(b.alphaFc, "alphaFc");
    this.pruneSetSize = ParameterCheck.between("pruneSetSize", b.pruneSetSize, 1, MAX_PRUNE_SET_SIZE);
    this.aggregation = b.aggregation;
  }

  /** Settings at their defaults: both alphas 0.95, a pruning set of 1000 images, the authors' aggregation. */
  public static Builder builder() {
    return new Builder();
  }

  public double alphaConv() {
    return alphaConv;
  }

  public double alphaFc() {
    return alphaFc;
  }

  public int pruneSetSize() {
    return pruneSetSize;
  }

  /** The aggregation given, or empty for the architecture's. */
  public java.util.Optional<Aggregation> aggregation() {
    return java.util.Optional.ofNullable(aggregation);
  }

  @Override
  public MethodInfo info() {
    return INFO;
  }

  /** The density is what the alphas leave, not a target: the schedule's target is ignored. */
  @Override
  public boolean reachesTargetDensity() {
    return false;
  }

  @Override
  public PruningPlan plan(Model model, PruningContext context) {
    ImageSet data = context.requireData(ID);
    ImageSet pruningSet = data.subset(Snip.sample(data.size(), Math.min(pruneSetSize, data.size()), context.seed()));
    Aggregation agg = aggregation != null ? aggregation : Aggregation.forArchitecture(model.architecture());
    return new Pass(model, pruningSet, agg).run();
  }

  /** One pruning pass over one model: mutable working state, discarded after {@link #run}. */
  private final class Pass {
    private final Model model;
    private final Architecture arch;
    private final ImageSet images;
    private final Aggregation agg;
    private final WorkingMasks masks;
    private final UnitGraph graph;
    private final Map<String, Object> layerDetails = new LinkedHashMap<>();
    private final Map<String, Object> blockDetails = new LinkedHashMap<>();

    Pass(Model model, ImageSet images, Aggregation agg) {
      this.model = model;
      this.arch = model.architecture();
      this.images = images;
      this.agg = agg;
      this.masks = new WorkingMasks(model);
      this.graph = UnitGraph.of(arch);
    }

    PruningPlan run() {
      List<PrunableLayer> convs = new ArrayList<>();
      List<PrunableLayer> linears = new ArrayList<>();
      for (PrunableLayer p : arch.prunableLayers()) {
        (p instanceof ConvLayer ? convs : linears).add(p);
        masks.touch(p.weightName());
        if (p.hasBias()) {
          masks.touch(p.biasName());
        }
      }
      Model afterConvs = model;
      if (!convs.isEmpty()) {
        ActivationStatistics stats = ActivationStatistics.of(model, images);
        for (PrunableLayer c : convs) {
          prune(c, stats, alphaConv);
        }
        residualRule(stats);
        afterConvs = model.pruned(masks.masks());
      }
      ActivationStatistics stats = ActivationStatistics.of(afterConvs, images);
      for (PrunableLayer l : linears) {
        prune(l, stats, alphaFc);
      }
      backward();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("alpha_conv", alphaConv);
      details.put("alpha_fc", alphaFc);
      details.put("prune_set_size", images.size());
      details.put("aggregation", agg.name().toLowerCase(java.util.Locale.ROOT));
      details.put("layers", layerDetails);
      if (!blockDetails.isEmpty()) {
        details.put("residual_blocks", blockDetails);
      }
      return PruningPlan.ofMasks(ID, masks.masks(), details);
    }

    /** Scores, selection and the dead check for one layer. */
    private void prune(PrunableLayer p, ActivationStatistics stats, double alpha) {
      ActivationStatistics.LayerStats s = stats.layer(p.name());
      float[] w = model.weights().get(p.weightName()).data();
      float[] b = p.hasBias() ? model.weights().get(p.biasName()).data() : null;
      double[][] scores = p instanceof ConvLayer c
          ? ImportanceScores.conv(c, w, b, s.absInput, s.input, agg)
          : ImportanceScores.linear(w, b, s.absInput);
      int in = p.inputUnits();
      int k = p.weightsPerConnection();
      int dead = 0;
      for (int j = 0; j < p.outputUnits(); j++) {
        if (stats.dead(p.name(), j)) {
          removeUnit(p, j);
          dead++;
          continue;
        }
        boolean[] pruned = CumulativeAlpha.pruned(scores[j], alpha);
        for (int i = 0; i < in; i++) {
          if (pruned[i]) {
            masks.clear(p.weightName(), (j * in + i) * k, k);
          }
        }
        if (b != null && pruned[in]) {
          masks.clear(p.biasName(), j, 1);
        }
      }
      detail(p.name()).put("dead_units", dead);
    }

    /**
     * The residual rule at the last conv of every block's branch: every add whose second operand comes
     * through a gate (a residual block's shortcut), the branch being its first operand.
     */
    private void residualRule(ActivationStatistics stats) {
      for (Node n : arch.nodes()) {
        if (!(n.layer() instanceof AddLayer) || !(arch.node(n.inputs().get(1)).layer() instanceof ChannelGateLayer g)) {
          continue;
        }
        PrunableLayer last = producer(n.inputs().get(0));
        ActivationStatistics.BlockStats s = stats.block(n.name());
        int channels = s.shape.channels();
        int hw = s.shape.height() * s.shape.width();
        int branchCut = 0;
        int shortcutCut = 0;
        masks.touch(g.maskName());
        for (int c = 0; c < channels; c++) {
          double branch = norm(s.absBranch, c * hw, hw);
          double shortcut = norm(s.absShortcut, c * hw, hw);
          if (alphaConv * branch < (1 - alphaConv) * shortcut) {
            removeUnit(last, c);
            branchCut++;
          } else if (alphaConv * shortcut < (1 - alphaConv) * branch && masks.keeps(g.maskName(), c)) {
            masks.clear(g.maskName(), c, 1);
            shortcutCut++;
          }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("branch_filters_removed", branchCut);
        d.put("shortcut_channels_closed", shortcutCut);
        blockDetails.put(n.name(), d);
      }
    }

    /** The conv or linear layer whose units make {@code tensor}, through batch norm. */
    private PrunableLayer producer(String tensor) {
      Node n = arch.node(tensor);
      while (n.layer() instanceof BatchNormLayer) {
        n = arch.node(n.input());
      }
      if (!(n.layer() instanceof PrunableLayer p)) {
        throw new IllegalStateException("the branch of a residual block ends in " + n.name() + ", not a conv");
      }
      return p;
    }

    /** Backward pruning, last layer first: units whose outputs are all pruned lose their inputs. */
    private void backward() {
      List<PrunableLayer> layers = arch.prunableLayers();
      for (int li = layers.size() - 1; li >= 0; li--) {
        PrunableLayer p = layers.get(li);
        int removed = 0;
        int row = p.inputUnits() * p.weightsPerConnection();
        for (int u = 0; u < p.outputUnits(); u++) {
          if (!graph.used(graph.unit(p.name(), u), masks)) {
            boolean live = masks.anyKept(p.weightName(), u * row, row) || p.hasBias() && masks.keeps(p.biasName(), u);
            removeUnit(p, u);
            removed += live ? 1 : 0;
          }
        }
        detail(p.name()).put("backward_pruned_units", removed);
      }
    }

    /** Prunes unit {@code u} of {@code p}: its row, bias, and batch-norm scale and shift. */
    private void removeUnit(PrunableLayer p, int u) {
      int row = p.inputUnits() * p.weightsPerConnection();
      masks.clear(p.weightName(), u * row, row);
      if (p.hasBias()) {
        masks.clear(p.biasName(), u, 1);
      }
      String bn = graph.unit(p.name(), u).batchNorm();
      if (bn != null) {
        BatchNormLayer b = (BatchNormLayer) arch.node(bn).layer();
        masks.clear(b.gammaName(), u, 1);
        masks.clear(b.betaName(), u, 1);
      }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> detail(String layer) {
      return (Map<String, Object>) layerDetails.computeIfAbsent(layer, k -> new LinkedHashMap<String, Object>());
    }
  }

  private static double norm(double[] v, int from, int count) {
    double s = 0;
    for (int i = from; i < from + count; i++) {
      s += v[i] * v[i];
    }
    return Math.sqrt(s);
  }
}
