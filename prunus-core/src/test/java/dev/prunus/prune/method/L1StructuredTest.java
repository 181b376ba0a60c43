package dev.prunus.prune.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.measure.LayerCount;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.model.Tensor;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.ChannelDependencies;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.Granularity;
import dev.prunus.prune.LayerSelection;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PlanFile;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningFixtures;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.UnitGroup;
import dev.prunus.prune.UnitRemoval;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** l1-structured against hand-computed norms and unit counts, and its interplay with coupling and compaction. */
class L1StructuredTest {
  /** The shared contract, with density counted in units (neurons and filters) of the layers it prunes. */
  @org.junit.jupiter.api.Nested
  class Contract extends dev.prunus.prune.UnitMethodContract {
    @Override
    protected String method() {
      return "l1-structured";
    }
  }

  private static final L1Structured DEFAULT =
      L1Structured.builder().optNorm(L1Structured.Norm.L1)
          .optCoupled(L1Structured.Coupled.SKIP).optLayers(LayerSelection.NO_LAST).build();

  /** fc1 rows with L1 norms 5, 1, 4, 2, 6, 3 at density 0.5 lose the three smallest: units 1, 3, 5. */
  @Test
  void dropsTheUnitsWithTheSmallestRowNormsLayerByLayer() {
    Model mlp = withFc1Rows(new float[][] {
        {5, 0, 0, 0}, {0, -1, 0, 0}, {1, 1, -1, 1}, {0, 0, 2, 0}, {-3, 3, 0, 0}, {1, 1, 1, 0}});
    PruningPlan plan = DEFAULT.plan(mlp, context(0.5));
    assertThat(plan.removals()).filteredOn(r -> r.layer().equals("fc1"))
        .containsExactly(UnitRemoval.drop("fc1", 1), UnitRemoval.drop("fc1", 3), UnitRemoval.drop("fc1", 5));
    // fc2 keeps round(0.5 * 5) = 3 of 5; the classifier keeps all of its outputs
    assertThat(plan.removals()).filteredOn(r -> r.layer().equals("fc2")).hasSize(2);
    assertThat(plan.removals()).noneMatch(r -> r.layer().equals("fc3"));
    assertThat(plan.removals()).allMatch(r -> !r.isMerge());
    assertThat(plan.details()).containsEntry("units-kept", Map.of("fc1", "3/6", "fc2", "3/5"));
  }

  /** L2 ranks a spread row above a peaked one of smaller L1 norm: the two norms remove different units. */
  @Test
  void theL2NormRanksDifferently() {
    float big = 10;
    Model mlp = withFc1Rows(new float[][] {
        {3, 0, 0, 0}, {0.9f, 0.9f, 0.9f, 0.9f}, {big, 0, 0, 0}, {0, big, 0, 0}, {0, 0, big, 0}, {0, 0, 0, big}});
    double density = 5.0 / 6; // keep 5 of 6
    LayerSelection onlyFc1 = LayerSelection.parse("no-last");
    PruningPlan l1 = L1Structured.builder().optNorm(L1Structured.Norm.L1)
        .optCoupled(L1Structured.Coupled.SKIP).optLayers(onlyFc1).build().plan(mlp, context(density));
    PruningPlan l2 = L1Structured.builder().optNorm(L1Structured.Norm.L2)
        .optCoupled(L1Structured.Coupled.SKIP).optLayers(onlyFc1).build().plan(mlp, context(density));
    assertThat(l1.removals()).filteredOn(r -> r.layer().equals("fc1")).containsExactly(UnitRemoval.drop("fc1", 0));
    assertThat(l2.removals()).filteredOn(r -> r.layer().equals("fc1")).containsExactly(UnitRemoval.drop("fc1", 1));
  }

  /** Unit counts by hand on LeNet-300-100 at width 0.25: fc1 keeps round(37.5) = 38 of 75, fc2 round(12.5) = 13 of 25. */
  @Test
  void keepsTheRoundedDensityOfUnitsAndMasksOnlyShrinkWhenRepeated() {
    Model model = PruningFixtures.randomized(PruningFixtures.small(ModelId.LENET_300_100), 2);
    Model once = MaskApplier.apply(model, DEFAULT.plan(model, context(0.5)));
    assertThat(liveOutputs(once, "fc1")).isEqualTo(38);
    assertThat(liveOutputs(once, "fc2")).isEqualTo(13);
    assertThat(liveOutputs(once, "fc3")).isEqualTo(10);
    Model twice = MaskApplier.apply(once, DEFAULT.plan(once, context(0.25)));
    assertThat(liveOutputs(twice, "fc1")).isEqualTo(19);
    assertThat(liveOutputs(twice, "fc2")).isEqualTo(6);
    for (Map.Entry<String, Mask> e : once.masks().byParameter().entrySet()) {
      Mask now = twice.masks().get(e.getKey());
      assertThat(e.getValue().and(now)).as(e.getKey()).isEqualTo(now);
    }
    Model compact = Compactor.compact(twice);
    assertThat(compact.weights().get("fc1.weight").shape()).containsExactly(19, 784);
    assertThat(compact.weights().get("fc2.weight").shape()).containsExactly(6, 19);
    assertThat(compact.weights().get("fc3.weight").shape()).containsExactly(10, 6);
  }

  /**
   * With round-to, each layer keeps a multiple: LeNet-300-100 at width 0.25 and density 0.5 keeps fc1 38 of
   * 75 rounded up to 40, fc2 13 of 25 up to 16; a multiple above the layer's units keeps them all, and the
   * compacted shapes are those multiples.
   */
  @Test
  void roundToKeepsAMultipleOfUnitsRoundedUp() {
    Model model = PruningFixtures.randomized(PruningFixtures.small(ModelId.LENET_300_100), 2);
    PruningPlan plan = L1Structured.builder().optRoundTo(8).build().plan(model, context(0.5));
    assertThat(plan.details()).containsEntry("units-kept", Map.of("fc1", "40/75", "fc2", "16/25"))
        .containsEntry("round-to", 8);
    Model compact = Compactor.compact(MaskApplier.apply(model, plan));
    assertThat(compact.weights().get("fc1.weight").shape()).containsExactly(40, 784);
    assertThat(compact.weights().get("fc2.weight").shape()).containsExactly(16, 40);
    // the kept units are still the largest: round-to 8 keeps a superset of round-to 1's
    Set<UnitRemoval> plain = new HashSet<>(DEFAULT.plan(model, context(0.5)).removals());
    assertThat(plain).containsAll(plan.removals());
    PruningPlan wide = L1Structured.builder().optRoundTo(32).build().plan(model, context(0.5));
    assertThat(wide.details()).containsEntry("units-kept", Map.of("fc1", "64/75", "fc2", "25/25"));
    assertThat(L1Structured.roundUp(1, 16, 8)).isEqualTo(8);
    assertThat(L1Structured.roundUp(16, 16, 64)).isEqualTo(16);
    assertThat(L1Structured.roundUp(17, 16, 64)).isEqualTo(32);
    assertThatThrownBy(() -> L1Structured.builder().optRoundTo(0).build()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("roundTo=0");
    assertThatThrownBy(() -> MethodRegistry.standard().create(L1Structured.ID, Map.of("round-to", "2000")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("2000");
  }

  /** By default (as Li et al. on ResNets) residual-coupled units stay; only each block's inner conv loses filters. */
  @Test
  void residualCoupledUnitsAreSkippedByDefault() {
    Model resnet = PruningFixtures.randomized(PruningFixtures.small(ModelId.RESNET20), 3);
    ChannelDependencies coupling = ChannelDependencies.of(resnet.architecture());
    PruningPlan plan = DEFAULT.plan(resnet, context(0.5));
    assertThat(plan.removals()).isNotEmpty()
        .allMatch(r -> !coupling.groupOf(r.layer(), r.unit()).coupled())
        .allMatch(r -> r.layer().matches("layer\\d\\.\\d\\.conv1"));
    // 9 inner convs of 4, 8 or 16 filters each keep half: 3 * (2 + 4 + 8) = 42 of 84
    assertThat(plan.removals()).hasSize(42);
  }

  /** With coupled groups pruned together, whole stage channels go, and no layer loses all its units. */
  @Test
  void coupledGroupsArePrunedTogetherWithoutEmptyingALayer() {
    Model resnet = PruningFixtures.randomized(PruningFixtures.small(ModelId.RESNET20), 4);
    ChannelDependencies coupling = ChannelDependencies.of(resnet.architecture());
    PruningMethod together = L1Structured.builder().optNorm(L1Structured.Norm.L1)
        .optCoupled(L1Structured.Coupled.TOGETHER).optLayers(LayerSelection.NO_LAST).build();
    PruningPlan plan = together.plan(resnet, context(0.1));
    Set<UnitGroup> coupledRemoved = new HashSet<>();
    plan.removals().stream().map(r -> coupling.groupOf(r.layer(), r.unit()))
        .filter(UnitGroup::coupled).forEach(coupledRemoved::add);
    // 16 stage channels: keep round(1.6) = 2
    assertThat(coupledRemoved).hasSize(14);
    Model pruned = MaskApplier.apply(resnet, plan);
    for (LayerCount c : ModelCounter.count(pruned).layers()) {
      assertThat(c.liveOutputs()).as("live units of %s", c.name()).isPositive();
    }
  }

  @Test
  void thePlanIsDeterministicAndLeavesTheModelAlone() {
    Model model = PruningFixtures.randomized(PruningFixtures.small(ModelId.VGG16), 5);
    Model copy = new Model(model.architecture(), model.weights(), model.masks());
    PruningPlan a = DEFAULT.plan(model, context(0.3));
    assertThat(DEFAULT.plan(model, context(0.3))).isEqualTo(a);
    assertThat(model).isEqualTo(copy);
    assertThat(a.masks().isEmpty()).isTrue();
  }

  @Test
  void aPlanWithRemovalsSurvivesSavingAndLoading(@TempDir Path dir) {
    Model model = PruningFixtures.randomized(PruningFixtures.small(ModelId.LENET5), 6);
    PruningPlan plan = DEFAULT.plan(model, context(0.5));
    Path file = dir.resolve("plan.prunus");
    PlanFile.write(file, plan);
    PruningPlan read = PlanFile.read(file);
    assertThat(read.removals()).isEqualTo(plan.removals());
    assertThat(MaskApplier.apply(model, read)).isEqualTo(MaskApplier.apply(model, plan));
  }

  @Test
  void isRegisteredWithItsOptionsAndRejectsBadOnes() {
    MethodRegistry registry = MethodRegistry.standard();
    assertThat(registry.factory(L1Structured.ID).granularity()).isEqualTo(Granularity.UNIT);
    assertThat(registry.create(L1Structured.ID, Map.of("norm", "l2", "coupled", "together")).granularity())
        .isEqualTo(Granularity.UNIT);
    assertThatThrownBy(() -> registry.create(L1Structured.ID, Map.of("norm", "l3")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("l1, l2");
    assertThatThrownBy(() -> registry.create(L1Structured.ID, Map.of("coupled", "some")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("skip, together");
  }

  private static PruningContext context(double density) {
    return PruningContext.withoutData(PruningTarget.ofDensity(density), 0);
  }

  private static int liveOutputs(Model model, String layer) {
    return ModelCounter.count(model).layers().stream().filter(c -> c.name().equals(layer))
        .findFirst().orElseThrow().liveOutputs();
  }

  private static Model withFc1Rows(float[][] rows) {
    Model mlp = PruningFixtures.randomized(PruningFixtures.mlp(), 1);
    float[] w = new float[24];
    for (int r = 0; r < 6; r++) {
      System.arraycopy(rows[r], 0, w, r * 4, 4);
    }
    return new Model(mlp.architecture(), mlp.weights().with("fc1.weight", new Tensor(new long[] {6, 4}, w)));
  }
}
