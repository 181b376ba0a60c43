package dev.prunus.prune.method.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prunus.data.ImageSet;
import dev.prunus.model.Architecture;
import dev.prunus.model.BatchNormLayer;
import dev.prunus.model.ConvLayer;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.GlobalAvgPoolLayer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.ResidualBlock;
import dev.prunus.model.Shortcut;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodContract;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.PruningTarget;
import dev.prunus.testing.SyntheticImages;
import dev.prunus.train.OutputComparison;
import dev.prunus.train.TrainableNetwork;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReliefTest {
  @Nested
  class Contract extends MethodContract {
    @Override
    protected String method() {
      return Relief.ID;
    }
  }

  private static PruningPlan plan(Model m, ImageSet data, Map<String, String> options) {
    return MethodRegistry.standard().create(Relief.ID, options)
        .plan(m, new PruningContext(PruningTarget.ofDensity(1), 1, Optional.of(data)));
  }

  private static Tensor t(long[] shape, float... v) {
    return new Tensor(shape, v);
  }

  private static Model model(Architecture a, Map<String, Tensor> w) {
    Map<String, Tensor> all = new LinkedHashMap<>(w);
    a.parameterShapes().forEach((name, shape) -> all.putIfAbsent(name, name.endsWith("running_var") || name.endsWith("gamma")
        ? Tensor.filled(1f, shape) : Tensor.zeros(shape)));
    return new Model(a, new Weights(all));
  }

  private static boolean[] keep(PruningPlan p, String name) {
    return p.masks().get(name).keep();
  }

  /**
   * A 2-2-2 perceptron on two inputs x = (1, 2) and (3, -2), so mean|x| = (2, 2), alpha-fc 0.9.
   * fc1 unit 0: scores 0.5*2 = 1.0, 0.1*2 = 0.2, bias 0.1; S = 1.3, alpha*S = 1.17, cumulative 1.0, 1.2, 1.3:
   * p0 = 1, threshold 0.1: the bias goes. fc1 unit 1: scores 0.5, 0.3, bias 0.4; S = 1.2, alpha*S = 1.08,
   * cumulative 0.5, 0.9, 1.2: p0 = 2, t = min(3, 2) = 2 (the edge case), threshold 0.3: weight 1 goes.
   * fc2 reads h = relu(fc1 x) = (0.4, 0.95) and (1.8, 0.85), mean (1.1, 0.9): unit 0 scores 1.1, 0.45,
   * bias 0.2 (threshold 0.2: the bias goes); unit 1 scores 0.11, 0.18, bias 0.3; S = 0.59, alpha*S = 0.531,
   * cumulative 0.3, 0.48, 0.59: t = 2, threshold 0.11: weight 0 goes.
   */
  @Test
  void aHandComputedFullyConnectedPass() {
    Architecture a = Architecture.sequential("mlp", new FeatureShape(1, 1, 2), 2, 1, List.of(
        new FlattenLayer(), new LinearLayer("fc1", 2, 2, true), new ReluLayer(), new LinearLayer("fc2", 2, 2, true)));
    long[] sq = {2, 2};
    long[] vec = {2};
    Model m = model(a, Map.of(
        "fc1.weight", t(sq, 0.5f, -0.1f, 0.25f, 0.15f), "fc1.bias", t(vec, 0.1f, 0.4f),
        "fc2.weight", t(sq, 1.0f, -0.5f, 0.1f, 0.2f), "fc2.bias", t(vec, -0.2f, 0.3f)));
    ImageSet data = new ImageSet(1, 1, 2, new float[] {1, 2, 3, -2}, new int[] {0, 1}, 2);
    assertThat(ImportanceScores.linear(new float[] {0.25f, 0.15f}, new float[] {0.4f}, new double[] {2, 2})[0])
        .containsExactly(new double[] {0.5, 0.3, 0.4}, within(1e-6));
    PruningPlan p = plan(m, data, Map.of("alpha-fc", "0.9"));
    assertThat(keep(p, "fc1.weight")).containsExactly(true, true, true, false);
    assertThat(keep(p, "fc1.bias")).containsExactly(false, true);
    assertThat(keep(p, "fc2.weight")).containsExactly(true, true, false, true);
    assertThat(keep(p, "fc2.bias")).containsExactly(false, true);
  }

  /**
   * conv (1 -> 3 channels, 2x2 kernel) -> batch norm -> ReLU -> flatten -> fc (12 -> 2). Filter 2 is dead
   * (its batch norm shifts everything below zero), so it loses its kernel, bias and batch-norm entries.
   * The fc columns of channel 1 (columns 4..7, the block it owns across the flatten) are all zero, so they
   * score 0 and go, and channel 1, now read by nothing, is backward-pruned: kernel, bias, batch norm.
   */
  @Test
  void deadUnitsAndBackwardPruningAcrossTheFlatten() {
    Architecture a = Architecture.sequential("tiny", new FeatureShape(1, 3, 3), 2, 1, List.of(
        new ConvLayer("conv", 1, 3, 2, 1, 0, true), new BatchNormLayer("bn", 3), new ReluLayer(),
        new FlattenLayer(), new LinearLayer("fc", 12, 2, true)));
    float[] fc = new float[24];
    for (int o = 0; o < 2; o++) {
      for (int i = 0; i < 12; i++) {
        fc[o * 12 + i] = i >= 4 && i < 8 ? 0f : 0.1f * (i + 1) * (o == 0 ? 1 : -1);
      }
    }
    Model m = model(a, Map.of(
        "conv.weight", t(new long[] {3, 1, 2, 2}, 1, 1, 1, 1, 0.5f, 0.5f, 0.5f, 0.5f, 1, 0.5f, 0.25f, 0.125f),
        "conv.bias", t(new long[] {3}, 0.1f, 0.1f, 0.1f),
        "bn.beta", t(new long[] {3}, 0f, 0f, -100f),
        "fc.weight", t(new long[] {2, 12}, fc), "fc.bias", t(new long[] {2}, 0.5f, -0.5f)));
    ImageSet data = SyntheticImages.bars(20, 2, 1, 3, 4);
    PruningPlan p = plan(m, data, Map.of());
    boolean[] conv = keep(p, "conv.weight");
    for (int i = 0; i < 12; i++) {
      assertThat(conv[i]).as("conv weight %d", i).isEqualTo(i < 4 ? conv[i] : false);
    }
    assertThat(conv).as("filter 0 keeps something").contains(true);
    assertThat(keep(p, "conv.bias")[1]).isFalse();
    assertThat(keep(p, "conv.bias")[2]).isFalse();
    assertThat(keep(p, "bn.gamma")).containsExactly(true, false, false);
    assertThat(keep(p, "bn.beta")).containsExactly(true, false, false);
    boolean[] fcKeep = keep(p, "fc.weight");
    for (int o = 0; o < 2; o++) {
      for (int i = 4; i < 12; i++) {
        assertThat(fcKeep[o * 12 + i]).as("fc column %d of a removed channel", i).isFalse();
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> layers = (Map<String, Map<String, Object>>) p.details().get("layers");
    assertThat(layers.get("conv")).containsEntry("dead_units", 1).containsEntry("backward_pruned_units", 1);
  }

  /** One identity-shortcut block on 2 channels, then pooling and a linear head. */
  private static Architecture block() {
    return Architecture.sequential("res", new FeatureShape(2, 4, 4), 2, 1, List.of(
        new ResidualBlock("b", List.of(
            new ConvLayer("b.conv1", 2, 2, 3, 1, 1, false), new BatchNormLayer("b.bn1", 2), new ReluLayer(),
            new ConvLayer("b.conv2", 2, 2, 3, 1, 1, false), new BatchNormLayer("b.bn2", 2)),
            new Shortcut.Identity()),
        new ReluLayer(), new GlobalAvgPoolLayer(), new FlattenLayer(), new LinearLayer("fc", 2, 2, true)));
  }

  /**
   * The residual rule at the block's second conv (alpha 0.9, so the bar is a 1:9 ratio). Channel 0's
   * batch norm scales the branch by 1e-3 against a shortcut of size ~1: the branch filter goes (with its
   * batch-norm entries). Input channel 1 is ~1e-4 against a branch of size ~1: its shortcut mask closes.
   */
  @Test
  void theResidualRuleCutsTheWeakerPathPerChannel() {
    Architecture a = block();
    float[] k1 = new float[2 * 2 * 9];
    float[] k2 = new float[2 * 2 * 9];
    for (int i = 0; i < k1.length; i++) {
      k1[i] = i < 18 ? 0.5f : 0.3f; // conv1's filters differ, so conv2's two inputs do not tie
      k2[i] = (i / 9) % 2 == 0 ? 0.5f : 0.4f;
    }
    Model m = model(a, Map.of("b.conv1.weight", t(new long[] {2, 2, 3, 3}, k1), "b.conv2.weight", t(new long[] {2, 2, 3, 3}, k2),
        "b.bn1.beta", t(new long[] {2}, 1f, 1f), "b.bn2.gamma", t(new long[] {2}, 1e-3f, 1f),
        "fc.weight", t(new long[] {2, 2}, 1, -1, -1, 1)));
    ImageSet images = SyntheticImages.bars(8, 2, 2, 4, 3);
    float[] px = images.pixels().clone();
    for (int n = 0; n < 8; n++) {
      for (int i = 16; i < 32; i++) {
        px[n * 32 + i] *= 1e-4f;
      }
    }
    ImageSet data = new ImageSet(2, 4, 4, px, images.labels(), 2);
    PruningPlan p = plan(m, data, Map.of("alpha-conv", "0.9"));
    boolean[] conv2 = keep(p, "b.conv2.weight");
    for (int i = 0; i < 18; i++) {
      assertThat(conv2[i]).as("filter 0 of conv2").isFalse();
    }
    assertThat(conv2).as("filter 1 of conv2 keeps its stronger input").contains(true);
    assertThat(keep(p, "b.bn2.gamma")).containsExactly(false, true);
    assertThat(keep(p, "b.shortcut_mask")).containsExactly(true, false);
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> blocks = (Map<String, Map<String, Object>>) p.details().get("residual_blocks");
    assertThat(blocks.get("b")).containsEntry("branch_filters_removed", 1).containsEntry("shortcut_channels_closed", 1);
  }

  /** A closed shortcut mask removes the shortcut's contribution to that channel, and only that one. */
  @Test
  void aClosedShortcutMaskCutsTheIdentityPath() {
    Architecture a = block();
    Model m = model(a, Map.of()).pruned(new Masks(Map.of("b.shortcut_mask", new Mask(new long[] {2}, new boolean[] {true, false}))));
    float[] x = new float[32];
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
    }
    try (NDManager root = NDManager.newBaseManager(); TrainableNetwork net = TrainableNetwork.of(m, root)) {
      float[][] gated = new float[1][];
      net.forward(root.create(x, new Shape(1, 2, 4, 4)), false, (n, in, out) -> {
        if (n.name().equals("b.shortcut")) {
          gated[0] = out.toFloatArray();
        }
      });
      float[] s = gated[0];
      for (int i = 0; i < 32; i++) {
        assertThat(s[i]).isEqualTo(i < 16 ? x[i] : 0f);
      }
    }
  }

  /** A relief-pruned ResNet-20 (shortcut masks included) compacts to a model with the same outputs. */
  @Test
  void aPrunedResNetCompactsWithTheSameOutputs() {
    Model m = dev.prunus.prune.PruningFixtures.randomized(dev.prunus.prune.PruningFixtures.small(ModelId.RESNET20), 3);
    ImageSet data = SyntheticImages.bars(64, 10, 3, 32, 5);
    for (int pass = 0; pass < 3; pass++) {
      m = MaskApplier.apply(m, plan(m, data, Map.of("alpha-conv", "0.7", "alpha-fc", "0.7")));
    }
    assertThat(m.masks().get("layer1.0.shortcut_mask")).isNotNull();
    Model compact = Compactor.compact(m);
    assertThat(compact.architecture().name()).endsWith("-compact");
    assertThat(OutputComparison.maxAbsDifference(m, compact, data, 16)).isLessThan(1e-4);
  }
}
