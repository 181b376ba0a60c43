package dev.prunus.prune.method;

import dev.prunus.ParameterCheck;
import dev.prunus.Shuffle;
import dev.prunus.data.ImageSet;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.Tensor;
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
import dev.prunus.train.LossGradients;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SNIP, single-shot network pruning by connection sensitivity (Lee, Ajanthan &amp; Torr, ICLR 2019): at
 * initialisation, on one mini-batch of training data, score every weight by
 * {@code |w * dL/dw|} (the sensitivity of the loss to a multiplicative mask on the connection) and keep
 * the top scores globally, then train with the mask fixed. Granularity: weight. Use it as the standard
 * at-initialisation baseline. The mini-batch is drawn by the seed from the training split; scores of
 * weights already masked are ignored, so masks only shrink. Departure: the paper's normalisation of the
 * scores by their sum does not change the ranking and is omitted.
 *
 * <p>From Java: {@code Snip.builder().optScoreBatchSize(256).build()}.
 */
public final class Snip implements PruningMethod {
  public static final String ID = "snip";

  /** The default of {@code scoreBatchSize}: examples in the scoring mini-batch. */
  public static final int DEFAULT_BATCH_SIZE = 128;

  /** The largest scoring mini-batch. */
  public static final int MAX_BATCH_SIZE = 100_000;

  /** The method's declaration, shared by its factory and its instances. */
  public static final MethodInfo INFO = new MethodInfo(
      ID,
      "connection sensitivity |w * dL/dw| on one mini-batch at init, kept globally (Lee et al. 2019)",
      Granularity.WEIGHT,
      ScheduleKind.AT_INIT,
      List.of(
        MethodOption.of("score-batch-size", Integer.toString(DEFAULT_BATCH_SIZE),
            "examples in the scoring mini-batch (the training runs keep their own --batch-size)"),
        MethodOption.choice("layers", LayerSelection.ALL.cliName(), LayerSelection.CHOICES, "which conv/linear layers to prune")));

  /** Declares the method and parses its options into a {@link Builder}. */
  public static final class Factory implements MethodFactory {
    @Override
    public MethodInfo info() {
      return INFO;
    }

    @Override
    public PruningMethod create(MethodOptions o) {
      return builder().optScoreBatchSize(o.integer("score-batch-size"))
          .optLayers(o.choice("layers", LayerSelection.class)).build();
    }
  }

  /** SNIP's settings, each at its default until set; {@link #build} checks them. */
  public static final class Builder {
    private int scoreBatchSize = DEFAULT_BATCH_SIZE;
    private LayerSelection layers = LayerSelection.ALL;

    private Builder() {}

    /** Examples in the scoring mini-batch, in [1, 100000] (default 128; fewer when the data has fewer). */
    public Builder optScoreBatchSize(int scoreBatchSize) {
      this.scoreBatchSize = scoreBatchSize;
      return this;
    }

    /** The layers to prune (default: all). */
    public Builder optLayers(LayerSelection layers) {
      this.layers = layers;
      return this;
    }

    /**
     * The method.
     *
     * @throws dev.prunus.InvalidInputException for a batch size out of range or a missing layer selection
     */
    public Snip build() {
      return new Snip(this);
    }
  }

  private final int scoreBatchSize;
  private final LayerSelection layers;

  private Snip(Builder b) {
    this.scoreBatchSize = ParameterCheck.between("scoreBatchSize", b.scoreBatchSize, 1, MAX_BATCH_SIZE);
    this.layers = ParameterCheck.present("layers", b.layers, "e.g. LayerSelection.ALL");
  }

  /** Settings at their defaults: a mini-batch of 128, all layers. */
  public static Builder builder() {
    return new Builder();
  }

  public int scoreBatchSize() {
    return scoreBatchSize;
  }

  public LayerSelection layers() {
    return layers;
  }

  @Override
  public MethodInfo info() {
    return INFO;
  }

  @Override
  public PruningPlan plan(Model model, PruningContext context) {
    ImageSet data = context.requireData(ID);
    int n = Math.min(scoreBatchSize, data.size());
    int[] indices = sample(data.size(), n, context.seed());
    Map<String, Tensor> grads = LossGradients.of(model, data, indices);
    List<PrunableLayer> selected = layers.select(model.architecture());
    Map<String, float[]> scores = new LinkedHashMap<>();
    for (PrunableLayer p : selected) {
      float[] w = model.weights().get(p.weightName()).data();
      float[] g = grads.get(p.weightName()).data();
      float[] s = new float[w.length];
      for (int i = 0; i < s.length; i++) {
        s[i] = Math.abs(w[i] * g[i]);
      }
      scores.put(p.weightName(), s);
    }
    return PruningPlan.ofMasks(ID, ScoreSelection.global(model, selected, scores, context.target(), 0),
        Map.of("score_batch_size", n));
  }

  /**
   * {@code n} distinct indices of {@code size}, chosen by the seed ({@link Shuffle#sample}); shared by the
   * methods that score on a sample of the training data.
   */
  public static int[] sample(int size, int n, long seed) {
    return Shuffle.sample(size, n, new SplittableRandom(seed));
  }
}
