package dev.prunus.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.model.Mask;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import dev.prunus.model.zoo.ModelId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit removal by masking, with and without merge surgery, on hand-made plans (the mechanism alone). */
class MaskApplierTest {
  private final Model mlp = PruningFixtures.randomized(PruningFixtures.mlp(), 7);

  /** Dropping a hidden neuron masks its row and bias and the column the next layer reads it through, nothing else. */
  @Test
  void droppingANeuronMasksItsRowBiasAndOutgoingColumn() {
    Model pruned = MaskApplier.apply(mlp, plan(UnitRemoval.drop("fc1", 1)));
    boolean[] fc1 = pruned.masks().get("fc1.weight").keep();
    for (int i = 0; i < fc1.length; i++) {
      assertThat(fc1[i]).as("fc1 entry %d", i).isEqualTo(i / 4 != 1);
    }
    assertThat(pruned.masks().get("fc1.bias").keep()).containsExactly(true, false, true, true, true, true);
    boolean[] fc2 = pruned.masks().get("fc2.weight").keep();
    for (int i = 0; i < fc2.length; i++) {
      assertThat(fc2[i]).as("fc2 entry %d", i).isEqualTo(i % 6 != 1);
    }
    assertThat(pruned.masks().get("fc3.weight")).isNull();
    assertThat(pruned.weights().get("fc1.bias").data()[1]).isZero();
    assertThat(pruned.weights().get("fc2.weight").data()[6 + 1]).isZero();
  }

  /** Merging an exact duplicate neuron into its twin leaves the network's outputs unchanged (Srinivas &amp; Babu 2015). */
  @Test
  void mergingAnExactDuplicateNeuronKeepsTheOutputs() {
    Model twins = withRowCopied(mlp, 0, 2, 1f);
    Model merged = MaskApplier.apply(twins, plan(UnitRemoval.merge("fc1", 2, 0, 1.0)));
    assertThat(PruningFixtures.maxAbs(PruningFixtures.logits(twins, 1))).isGreaterThan(0.01);
    assertThat(PruningFixtures.maxAbsDifference(twins, merged, 1)).isLessThanOrEqualTo(1e-6);
    float[] before = twins.weights().get("fc2.weight").data();
    float[] after = merged.weights().get("fc2.weight").data();
    for (int o = 0; o < 5; o++) {
      assertThat(after[o * 6]).isEqualTo(before[o * 6] + before[o * 6 + 2]);
      assertThat(after[o * 6 + 2]).isZero();
    }
    Model compact = Compactor.compact(merged);
    assertThat(compact.architecture().prunableLayers().get(0).outputUnits()).isEqualTo(5);
    assertThat(PruningFixtures.maxAbsDifference(twins, compact, 1)).isLessThanOrEqualTo(1e-6);
  }

  /** A neuron that is exactly twice another, merged with scale 2, also keeps the outputs (ReLU is positively homogeneous). */
  @Test
  void mergingAScaledDuplicateWithItsScaleKeepsTheOutputs() {
    Model scaled = withRowCopied(mlp, 3, 5, 2f);
    Model merged = MaskApplier.apply(scaled, plan(UnitRemoval.merge("fc1", 5, 3, 2.0)));
    assertThat(PruningFixtures.maxAbsDifference(scaled, merged, 2)).isLessThanOrEqualTo(1e-6);
  }

  /** Removals run in plan order: a unit removed earlier cannot receive a merge. */
  @Test
  void aMergeIntoAUnitRemovedEarlierIsRejected() {
    PruningPlan p = plan(UnitRemoval.drop("fc1", 0), UnitRemoval.merge("fc1", 2, 0, 1.0));
    assertThatThrownBy(() -> MaskApplier.apply(mlp, p)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unit 0 was removed earlier");
  }

  @Test
  void aMergeBehindBatchNormIsRejectedNamingTheLayerAndTheBatchNorm() {
    Model vgg = PruningFixtures.randomized(PruningFixtures.small(ModelId.VGG16), 1);
    assertThatThrownBy(() -> MaskApplier.apply(vgg, plan(UnitRemoval.merge("conv3", 1, 0, 1.0))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("conv3").hasMessageContaining("batch norm bn3").hasMessageContaining("drop it instead");
  }

  @Test
  void aMergeOfAResidualCoupledUnitIsRejected() {
    Model resnet = PruningFixtures.randomized(PruningFixtures.small(ModelId.RESNET20), 1);
    assertThatThrownBy(() -> MaskApplier.apply(resnet, plan(UnitRemoval.merge("layer1.0.conv2", 1, 0, 1.0))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("layer1.0.conv2").hasMessageContaining("residual");
  }

  @Test
  void removingAClassScoreOrAMissingUnitIsRejected() {
    assertThatThrownBy(() -> MaskApplier.apply(mlp, plan(UnitRemoval.drop("fc3", 0))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("unit 0 of fc3").hasMessageContaining("output");
    assertThatThrownBy(() -> MaskApplier.apply(mlp, plan(UnitRemoval.drop("fc2", 5))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("units 0..4");
  }

  /** Dropping one member of a residual-coupled group removes the channel in every block that adds into it. */
  @Test
  void droppingACoupledUnitRemovesItsWholeGroup() {
    Model resnet = PruningFixtures.randomized(PruningFixtures.small(ModelId.RESNET20), 1);
    Model pruned = MaskApplier.apply(resnet, plan(UnitRemoval.drop("layer2.1.conv2", 2)));
    UnitGroup g = ChannelDependencies.of(resnet.architecture()).groupOf("conv1", 0);
    assertThat(g.members()).hasSize(10);
    assertThat(DeadUnits.of(pruned, ChannelDependencies.of(resnet.architecture())))
        .as("dead groups").containsOnlyOnce(true);
    for (UnitGroup.Member m : g.members()) {
      String bn = m.batchNorm().orElseThrow();
      assertThat(pruned.weights().get(bn + ".gamma").data()[m.unit()]).isZero();
      assertThat(pruned.weights().get(bn + ".beta").data()[m.unit()]).isZero();
      assertThat(pruned.masks().get(bn + ".gamma").keep()[m.unit()]).isFalse();
    }
    assertThat(pruned.masks().get("fc.weight").keep()[6]).isFalse(); // stage-3 channel 6 of class 0
  }

  /** Masks only shrink: whatever was removed stays removed, and the input model is not changed. */
  @Test
  void removalsOnlyShrinkMasksAndLeaveTheInputAlone() {
    Model before = MaskApplier.apply(mlp, plan(UnitRemoval.drop("fc2", 4)));
    Weights weightsBefore = before.weights();
    Model after = MaskApplier.apply(before, plan(UnitRemoval.drop("fc1", 3), UnitRemoval.merge("fc1", 5, 0, 0.5)));
    for (Map.Entry<String, Mask> e : before.masks().byParameter().entrySet()) {
      Mask now = after.masks().get(e.getKey());
      assertThat(e.getValue().and(now)).as(e.getKey()).isEqualTo(now);
    }
    assertThat(before.weights()).isEqualTo(weightsBefore);
    assertThat(before.masks().get("fc1.weight")).isNull();
  }

  /** A plan without removals is masking alone, as before. */
  @Test
  void aPlanOfMasksOnlyIsComposedWithTheModelsMasks() {
    boolean[] keep = Mask.ones(6, 4).keep().clone();
    keep[5] = false;
    Masks m = new Masks(Map.of("fc1.weight", new Mask(new long[] {6, 4}, keep)));
    assertThat(MaskApplier.apply(mlp, PruningPlan.ofMasks("test", m, Map.of()))).isEqualTo(mlp.pruned(m));
  }

  private static PruningPlan plan(UnitRemoval... removals) {
    return new PruningPlan("test", Masks.NONE, List.of(removals), Map.of());
  }

  /** {@code model} with fc1's row and bias {@code to} set to {@code factor} times row {@code from}. */
  private static Model withRowCopied(Model model, int from, int to, float factor) {
    float[] w = model.weights().get("fc1.weight").data().clone();
    float[] b = model.weights().get("fc1.bias").data().clone();
    for (int i = 0; i < 4; i++) {
      w[to * 4 + i] = factor * w[from * 4 + i];
    }
    b[to] = factor * b[from];
    return new Model(model.architecture(), model.weights()
        .with("fc1.weight", new Tensor(new long[] {6, 4}, w))
        .with("fc1.bias", new Tensor(new long[] {6}, b)));
  }
}
