package dev.prunus.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.measure.ModelCount;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Architecture;
import dev.prunus.model.Layer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.PadLayer;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.Tensor;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.method.L1Structured;
import dev.prunus.prune.method.Magnitude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compaction keeps the masked model's outputs (max absolute difference at most 1e-5 on a random batch, in
 * eval mode with non-trivial batch-norm statistics) while the parameter count and structured FLOPs fall.
 */
class CompactorTest {
  private static final double TOLERANCE = 1e-5;

  /** l1-structured at density 0.5 then compaction, on every zoo model. */
  @ParameterizedTest
  @EnumSource(ModelId.class)
  void everyZooModelCompactsToTheMaskedOutputsAfterL1Structured(ModelId id) {
    Model model = PruningFixtures.randomized(PruningFixtures.small(id), 11);
    PruningPlan plan = L1Structured.builder().optNorm(L1Structured.Norm.L1)
        .optCoupled(L1Structured.Coupled.SKIP).optLayers(LayerSelection.NO_LAST).build()
        .plan(model, PruningContext.withoutData(PruningTarget.ofDensity(0.5), 0));
    assertCompactsExactly(model, MaskApplier.apply(model, plan), true);
  }

  /** Residual-coupled groups removed together: ResNets with whole stage channels gone. */
  @ParameterizedTest
  @EnumSource(value = ModelId.class, names = {"RESNET20", "RESNET56", "RESNET18"})
  void residualNetworksCompactWithCoupledGroupsRemovedTogether(ModelId id) {
    Model model = PruningFixtures.randomized(PruningFixtures.small(id), 12);
    PruningPlan plan = L1Structured.builder().optNorm(L1Structured.Norm.L1)
        .optCoupled(L1Structured.Coupled.TOGETHER).optLayers(LayerSelection.NO_LAST).build()
        .plan(model, PruningContext.withoutData(PruningTarget.ofDensity(0.5), 0));
    Model compact = assertCompactsExactly(model, MaskApplier.apply(model, plan), true);
    // the last stage lost channels in every block, and the classifier reads fewer of them
    LinearLayer fc = (LinearLayer) last(compact.architecture().prunableLayers());
    assertThat(fc.inFeatures()).isLessThan(((LinearLayer) last(model.architecture().prunableLayers())).inFeatures());
  }

  /** Random units dropped in every layer, each drop naming a random member of its group. */
  @ParameterizedTest
  @EnumSource(ModelId.class)
  void everyZooModelCompactsToTheMaskedOutputsAfterRandomGroupDrops(ModelId id) {
    Model model = PruningFixtures.randomized(PruningFixtures.small(id), 13);
    SplittableRandom r = new SplittableRandom(id.ordinal());
    List<UnitRemoval> drops = new ArrayList<>();
    for (UnitGroup g : ChannelDependencies.of(model.architecture()).groups()) {
      if (g.removable() && r.nextBoolean()) {
        UnitGroup.Member m = g.members().get(r.nextInt(g.members().size()));
        drops.add(UnitRemoval.drop(m.layer(), m.unit()));
      }
    }
    Model masked = MaskApplier.apply(model, new PruningPlan("random-units", Masks.NONE, drops, Map.of()));
    assertCompactsExactly(model, masked, true);
  }

  /** Weight masks and unit removals together: compaction removes only masked entries and keeps the rest masked. */
  @Test
  void compactionKeepsWeightMasksOnTheSurvivingEntries() {
    Model model = PruningFixtures.randomized(PruningFixtures.small(ModelId.LENET5), 14);
    PruningContext ctx = PruningContext.withoutData(PruningTarget.ofDensity(0.5), 0);
    Model sparse = MaskApplier.apply(model, Magnitude.builder().optScope(Scope.LAYER).build().plan(model, ctx));
    Model masked = MaskApplier.apply(sparse, L1Structured.builder().optNorm(L1Structured.Norm.L1)
        .optCoupled(L1Structured.Coupled.SKIP).optLayers(LayerSelection.NO_LAST).build().plan(sparse, ctx));
    Model compact = assertCompactsExactly(model, masked, true);
    assertThat(ModelCounter.count(compact).nonzero()).isEqualTo(ModelCounter.count(masked).nonzero());
    assertThat(compact.masks().get("fc1.weight").density()).isLessThan(1.0);
  }

  /** The hand example: dropping hidden unit 1 of fc1 removes fc1's row 1 and fc2's column 1, nothing else. */
  @Test
  void droppingAHiddenNeuronRemovesItsRowAndTheNextLayersColumn() {
    Model mlp = PruningFixtures.randomized(PruningFixtures.mlp(), 3);
    Model masked = MaskApplier.apply(mlp, new PruningPlan("test", Masks.NONE, List.of(UnitRemoval.drop("fc1", 1)), Map.of()));
    Model compact = Compactor.compact(masked);
    assertThat(compact.architecture().name()).isEqualTo("mlp-compact");
    assertThat(compact.weights().get("fc1.weight").shape()).containsExactly(5, 4);
    assertThat(compact.weights().get("fc1.bias").shape()).containsExactly(5);
    assertThat(compact.weights().get("fc2.weight").shape()).containsExactly(5, 5);
    assertThat(compact.weights().get("fc3.weight")).isEqualTo(mlp.weights().get("fc3.weight"));
    float[] fc1 = mlp.weights().get("fc1.weight").data();
    float[] fc2 = mlp.weights().get("fc2.weight").data();
    int[] keptHidden = {0, 2, 3, 4, 5};
    for (int i = 0; i < 5; i++) {
      for (int c = 0; c < 4; c++) {
        assertThat(compact.weights().get("fc1.weight").data()[i * 4 + c]).isEqualTo(fc1[keptHidden[i] * 4 + c]);
      }
      for (int o = 0; o < 5; o++) {
        assertThat(compact.weights().get("fc2.weight").data()[o * 5 + i]).isEqualTo(fc2[o * 6 + keptHidden[i]]);
      }
    }
    assertThat(PruningFixtures.maxAbsDifference(masked, compact, 1)).isLessThanOrEqualTo(TOLERANCE);
  }

  /** A filter whose row, bias and batch-norm entries are masked is removed with its next-layer channel. */
  @Test
  void aSilentFilterIsRemoved() {
    Model vgg = PruningFixtures.randomized(PruningFixtures.small(ModelId.VGG16), 4);
    Model masked = vgg.pruned(silence(vgg, "conv2", 3, true));
    // conv3 still holds weights for the silent channel, which ModelCounter counts as a live input
    Model compact = assertCompactsExactly(vgg, masked, false);
    assertThat(units(compact, "conv2")).isEqualTo(15);
    assertThat(layer(compact, "conv3").inputUnits()).isEqualTo(15);
  }

  /** Batch norm with exactly zero gamma and beta also silences a filter; a non-zero shift alone keeps it. */
  @Test
  void batchNormDecidesWhetherAMaskedFilterIsSilent() {
    Model vgg = PruningFixtures.randomized(PruningFixtures.small(ModelId.VGG16), 5);
    Model rowOnly = vgg.pruned(silence(vgg, "conv2", 3, false));
    Model shifted = Compactor.compact(rowOnly);
    assertThat(units(shifted, "conv2")).as("a constant shift is not zero").isEqualTo(16);
    Model zeroed = new Model(rowOnly.architecture(), rowOnly.weights()
        .with("bn2.gamma", setTo(rowOnly.weights().get("bn2.gamma"), 3, 0f))
        .with("bn2.beta", setTo(rowOnly.weights().get("bn2.beta"), 3, 0f)), rowOnly.masks());
    Model compact = assertCompactsExactly(vgg, zeroed, false);
    assertThat(units(compact, "conv2")).isEqualTo(15);
  }

  /** A filter every consumer ignores is removed even though it still computes something. */
  @Test
  void aFilterNoConsumerReadsIsRemoved() {
    Model vgg = PruningFixtures.randomized(PruningFixtures.small(ModelId.VGG16), 6);
    PrunableLayer conv3 = layer(vgg, "conv3");
    boolean[] keep = Mask.ones(conv3.weightShape()).keep().clone();
    for (int o = 0; o < conv3.outputUnits(); o++) {
      for (int j = 0; j < 9; j++) {
        keep[(o * conv3.inputUnits() + 7) * 9 + j] = false;
      }
    }
    Model masked = vgg.pruned(new Masks(Map.of("conv3.weight", new Mask(conv3.weightShape(), keep))));
    Model compact = assertCompactsExactly(vgg, masked, false);
    assertThat(units(compact, "conv2")).isEqualTo(15);
    // the masked model still counts filter 7 of conv2 as live, so compaction saves more than it
    assertThat(ModelCounter.count(compact).structuredFlops()).isLessThan(ModelCounter.count(masked).structuredFlops());
  }

  /** A residual channel goes only when it is silent in every block that adds into it. */
  @Test
  void aCoupledGroupIsRemovedOnlyWhenEveryMemberIsSilent() {
    Model resnet = PruningFixtures.randomized(PruningFixtures.small(ModelId.RESNET20), 7);
    List<UnitGroup.Member> members = ChannelDependencies.of(resnet.architecture()).groupOf("conv1", 0).members();
    Masks allButLast = Masks.NONE;
    for (UnitGroup.Member m : members.subList(0, members.size() - 1)) {
      allButLast = allButLast.and(silence(resnet, m.layer(), m.unit(), true));
    }
    Model partly = resnet.pruned(allButLast);
    assertThat(Compactor.compact(partly)).isSameAs(partly);
    UnitGroup.Member lastMember = members.get(members.size() - 1);
    Model fully = partly.pruned(silence(resnet, lastMember.layer(), lastMember.unit(), true));
    Model compact = assertCompactsExactly(resnet, fully, false);
    assertThat(units(compact, "conv1")).isEqualTo(3);
    assertThat(units(compact, "layer2.0.conv2")).isEqualTo(7);
    assertThat(units(compact, "layer3.2.conv2")).isEqualTo(15);
  }

  /** Option-A shortcuts are rebuilt: the surviving padded channels are counted before and after the sources. */
  @Test
  void zeroPadShortcutsAreRebuiltAroundTheSurvivingChannels() {
    Model resnet = PruningFixtures.randomized(PruningFixtures.small(ModelId.RESNET20), 8);
    // stage 2's padded channel 0 (no source in stage 1) and stage 1's channel 1 (stage 2's 3, stage 3's 7)
    PruningPlan plan = new PruningPlan("test", Masks.NONE,
        List.of(UnitRemoval.drop("layer2.0.conv2", 0), UnitRemoval.drop("layer1.2.conv2", 1)), Map.of());
    Model compact = assertCompactsExactly(resnet, MaskApplier.apply(resnet, plan), true);
    assertThat(channelPad(compact, "layer2.0")).isEqualTo(PadLayer.channels(1, 2));
    assertThat(channelPad(compact, "layer3.0")).isEqualTo(PadLayer.channels(4, 4));
    assertThat(units(compact, "conv1")).isEqualTo(3);
    assertThat(units(compact, "layer2.1.conv2")).isEqualTo(6);
    assertThat(units(compact, "layer3.0.conv2")).isEqualTo(14);
  }

  /** The classifier's outputs stay even when masked, and a layer whose units are all dead keeps one. */
  @Test
  void classScoresStayAndEveryLayerKeepsAUnit() {
    Model mlp = PruningFixtures.randomized(PruningFixtures.mlp(), 9);
    Masks m = silence(mlp, "fc3", 0, true);
    for (int u = 0; u < 5; u++) {
      m = m.and(silence(mlp, "fc2", u, true));
    }
    Model masked = mlp.pruned(m);
    Model compact = Compactor.compact(masked);
    assertThat(units(compact, "fc3")).isEqualTo(3);
    assertThat(units(compact, "fc2")).isEqualTo(1);
    assertThat(units(compact, "fc1")).isEqualTo(1); // fc2 reads none of fc1 any more
    assertThat(PruningFixtures.maxAbsDifference(masked, compact, 2)).isLessThanOrEqualTo(TOLERANCE);
  }

  /** Nothing dead, nothing changed: a dense model and an already compact one come back as they are. */
  @Test
  void compactionIsTheIdentityWithoutDeadUnitsAndIdempotent() {
    Model dense = PruningFixtures.randomized(PruningFixtures.small(ModelId.RESNET18), 10);
    assertThat(Compactor.compact(dense)).isSameAs(dense);
    Model masked = MaskApplier.apply(dense, new PruningPlan("test", Masks.NONE,
        List.of(UnitRemoval.drop("layer3.1.conv1", 2), UnitRemoval.drop("layer4.0.shortcut.conv", 9)), Map.of()));
    Model once = Compactor.compact(masked);
    assertThat(Compactor.compact(once)).isSameAs(once);
    assertThat(once.architecture().name()).isEqualTo("resnet18-compact");
  }

  /**
   * Checks the contract and returns the compacted model: outputs equal, parameters and structured FLOPs
   * below the original's, and, when the masks remove whole units consistently (rows and consumer columns,
   * as MaskApplier does), structured FLOPs equal to the masked model's: ModelCounter counts a row or column
   * live when any of its weights is kept, which is exactly what compaction keeps.
   */
  private static Model assertCompactsExactly(Model original, Model masked, boolean flopsAgree) {
    Model compact = Compactor.compact(masked);
    float[] logits = PruningFixtures.logits(masked, 42);
    assertThat(PruningFixtures.maxAbs(logits)).as("the masked model computes something").isGreaterThan(1e-3);
    assertThat(PruningFixtures.maxAbsDifference(logits, PruningFixtures.logits(compact, 42)))
        .isLessThanOrEqualTo(TOLERANCE);
    ModelCount before = ModelCounter.count(original);
    ModelCount after = ModelCounter.count(compact);
    assertThat(after.params()).isLessThan(before.params());
    assertThat(after.structuredFlops()).isLessThan(before.structuredFlops());
    long maskedFlops = ModelCounter.count(masked).structuredFlops();
    if (flopsAgree) {
      assertThat(after.structuredFlops()).isEqualTo(maskedFlops);
    } else {
      assertThat(after.structuredFlops()).isLessThanOrEqualTo(maskedFlops);
    }
    return compact;
  }

  /** Masks for a unit's weight row, bias and, with {@code batchNorm}, its batch norm's gamma and beta. */
  private static Masks silence(Model model, String layer, int unit, boolean batchNorm) {
    PrunableLayer p = layer(model, layer);
    Map<String, Mask> m = new LinkedHashMap<>();
    boolean[] w = Mask.ones(p.weightShape()).keep().clone();
    int row = p.inputUnits() * p.weightsPerConnection();
    for (int i = unit * row; i < (unit + 1) * row; i++) {
      w[i] = false;
    }
    m.put(p.weightName(), new Mask(p.weightShape(), w));
    if (p.hasBias()) {
      m.put(p.biasName(), without(p.outputUnits(), unit));
    }
    UnitGroup.Member member = ChannelDependencies.of(model.architecture()).groupOf(layer, unit).members().stream()
        .filter(x -> x.layer().equals(layer)).findFirst().orElseThrow();
    if (batchNorm) {
      member.batchNorm().ifPresent(bn -> {
        m.put(bn + ".gamma", without(p.outputUnits(), unit));
        m.put(bn + ".beta", without(p.outputUnits(), unit));
      });
    }
    return new Masks(m);
  }

  private static Mask without(int n, int index) {
    boolean[] k = Mask.ones(n).keep().clone();
    k[index] = false;
    return new Mask(new long[] {n}, k);
  }

  private static Tensor setTo(Tensor t, int index, float value) {
    float[] d = t.data().clone();
    d[index] = value;
    return new Tensor(t.shape(), d);
  }

  private static PrunableLayer layer(Model model, String name) {
    return model.architecture().prunableLayers().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  private static int units(Model model, String name) {
    return layer(model, name).outputUnits();
  }

  /** The channel padding of an option-A block's shortcut: the layer feeding its gate. */
  private static Layer channelPad(Model model, String block) {
    Architecture a = model.architecture();
    return a.node(a.node(block + ".shortcut").input()).layer();
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }
}
