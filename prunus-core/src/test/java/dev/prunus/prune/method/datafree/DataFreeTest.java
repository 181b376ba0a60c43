package dev.prunus.prune.method.datafree;

import static dev.prunus.prune.method.datafree.NeuronFixtures.fourNeurons;
import static dev.prunus.prune.method.datafree.NeuronFixtures.method;
import static dev.prunus.prune.method.datafree.NeuronFixtures.noData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.PruningFixtures;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.UnitRemoval;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** data-free against hand-worked saliencies, exact twins, a consecutive-layer oracle and compaction. */
class DataFreeTest {
  /** The shared contract on the models with hidden FC layers. */
  @Nested
  class Contract extends HiddenFcContract {
    @Override
    protected String method() {
      return DataFree.ID;
    }
  }

  /**
   * The 4-neuron example by hand (NeuronFixtures.fourNeurons): the nearest partners are 0-2 and 1-3 at
   * distance 1, so s(2,0) = 2 * 1, s(3,1) = 1 * 1, s(0,2) = 4.5 * 1, s(1,3) = 5 * 1: neuron 1 merges into 3
   * at saliency 1 and a3 becomes (4, 2), mean square 10. Then s(2,0) = 2 beats s(0,2) = 4.5 and
   * s(2,3) = 10 * 3: neuron 0 merges into 2, a2 = (2, 3), mean square 6.5. Last, s(3,2) = 6.5 * 3 = 19.5.
   */
  @Test
  void aHandWorkedFourNeuronLayerMergesTheExpectedPairsIntoTheExpectedWeights() {
    Model m = fourNeurons();
    PruningPlan plan = method(DataFree.ID, Map.of("remove", "2")).plan(m, noData(1, 0));
    assertThat(plan.removals()).containsExactly(UnitRemoval.merge("fc1", 1, 3, 1), UnitRemoval.merge("fc1", 0, 2, 1));
    assertThat(saliency(plan, "fc1")).hasSize(3);
    assertThat(saliency(plan, "fc1").get(0)).isCloseTo(1.0, Offset.offset(1e-5));
    assertThat(saliency(plan, "fc1").get(1)).isCloseTo(2.0, Offset.offset(1e-5));
    assertThat(saliency(plan, "fc1").get(2)).isCloseTo(19.5, Offset.offset(1e-4));
    Model merged = MaskApplier.apply(m, plan);
    // fc2 rows (a0, a1, a2, a3)[o]: a2 = (0, 3) + (2, 0), a3 = (3, 1) + (1, 1); a0 and a1 removed
    assertThat(merged.weights().get("fc2.weight").data()).containsExactly(0, 0, 2, 4, 0, 0, 3, 2);
    Model compact = Compactor.compact(merged);
    assertThat(compact.weights().get("fc1.weight").data()).containsExactly(1, 1, 0, 2);
    assertThat(compact.weights().get("fc1.bias").data()).containsExactly(0, 1);
    assertThat(compact.weights().get("fc2.weight").data()).containsExactly(2, 4, 3, 2);
    // the ablation without surgery makes the same choices and leaves a2, a3 as they were
    PruningPlan dropped = method(DataFree.ID, Map.of("remove", "2", "surgery", "false")).plan(m, noData(1, 0));
    assertThat(dropped.removals()).containsExactly(UnitRemoval.drop("fc1", 1), UnitRemoval.drop("fc1", 0));
    assertThat(Compactor.compact(MaskApplier.apply(m, dropped)).weights().get("fc2.weight").data())
        .containsExactly(0, 3, 3, 1);
  }

  /** Merging an exact twin changes no output: the twin's outgoing weights are carried by its original. */
  @Test
  void mergingExactTwinsLeavesTheOutputsUnchangedAndTheModelSmaller() {
    Model base = PruningFixtures.randomized(PruningFixtures.small(ModelId.LENET5_CAFFE), 7);
    Model twins = NeuronFixtures.withTwin(NeuronFixtures.withTwin(NeuronFixtures.withTwin(base, "fc1", 3, 40), "fc1", 17, 5),
        "fc1", 100, 101);
    PruningPlan plan = method(DataFree.ID, Map.of("remove", "3")).plan(twins, noData(1, 0));
    assertThat(plan.removals()).extracting(r -> Math.min(r.unit(), r.mergeInto()) + "-" + Math.max(r.unit(), r.mergeInto()))
        .containsExactlyInAnyOrder("3-40", "5-17", "100-101");
    assertThat(saliency(plan, "fc1").subList(0, 3)).allMatch(s -> s < 1e-6);
    Model pruned = Compactor.compact(MaskApplier.apply(twins, plan));
    assertThat(pruned.weights().get("fc1.weight").shape()).containsExactly(122, 208);
    assertThat(pruned.weights().get("fc2.weight").shape()).containsExactly(10, 122);
    float[] before = PruningFixtures.logits(twins, 3);
    float[] after = PruningFixtures.logits(pruned, 3);
    assertThat(PruningFixtures.maxAbs(before)).isGreaterThan(0.1);
    assertThat(PruningFixtures.maxAbsDifference(before, after)).isLessThan(1e-5 * PruningFixtures.maxAbs(before));
  }

  /** A layer after a pruned one is planned on the weights the surgery left: the same plan as pruning it next. */
  @Test
  void consecutiveLayersArePrunedOnThePostSurgeryWeights() {
    Model model = PruningFixtures.randomized(PruningFixtures.small(ModelId.LENET_300_100), 4);
    PruningPlan both = method(DataFree.ID, Map.of("remove", "fc1=30,fc2=10")).plan(model, noData(1, 0));
    PruningPlan first = method(DataFree.ID, Map.of("remove", "fc1=30")).plan(model, noData(1, 0));
    Model afterFirst = MaskApplier.apply(model, first);
    PruningPlan second = method(DataFree.ID, Map.of("remove", "fc2=10")).plan(afterFirst, noData(1, 0));
    assertThat(both.removals()).hasSize(40);
    assertThat(both.removals().subList(0, 30)).isEqualTo(first.removals());
    assertThat(both.removals().subList(30, 40)).isEqualTo(second.removals().stream()
        .filter(r -> r.layer().equals("fc2")).toList());
    // fc2 planned on the original weights would differ: fc1's merges changed fc2's incoming rows
    PruningPlan naive = method(DataFree.ID, Map.of("remove", "fc2=10")).plan(model, noData(1, 0));
    assertThat(naive.removals()).isNotEqualTo(both.removals().subList(30, 40));
  }

  /** The density is the kept share of each hidden layer's neurons: 0.2 of 125 keeps 25 on LeNet-5-Caffe at width 0.25. */
  @Test
  void theDensityKeepsThatShareOfEachHiddenLayersNeurons() {
    Model model = PruningFixtures.randomized(PruningFixtures.small(ModelId.LENET5_CAFFE), 5);
    PruningPlan plan = method(DataFree.ID, Map.of()).plan(model, noData(0.2, 0));
    assertThat(plan.removals()).hasSize(100).allMatch(r -> r.layer().equals("fc1") && r.isMerge());
    assertThat(plan.details()).containsEntry("rule", "density");
    assertThat(layer(plan, "fc1")).containsEntry("removed", 100).containsEntry("neurons", 125);
  }

  /** A clear knee: three near-twins merge almost free, then every merge costs; --auto stops after the three. */
  @Test
  void autoStopsAtTheKneeOfTheSaliencyCurve() {
    Model base = PruningFixtures.randomized(PruningFixtures.mlp(), 2);
    // fc1 of 6 neurons: 1, 3, 5 near-copies of 0, 2, 4 (distance about 1e-3)
    float[] w = {1, 0, 0, 0, 1, 0, 0, 0.001f, 0, 5, 0, 0, 0, 5.001f, 0, 0, 0, 0, 9, 0, 0, 0, 9, 0.001f};
    Model model = new Model(base.architecture(), base.weights()
        .with("fc1.weight", new dev.prunus.model.Tensor(new long[] {6, 4}, w))
        .with("fc1.bias", dev.prunus.model.Tensor.zeros(6)));
    PruningPlan plan = method(DataFree.ID, Map.of("auto", "true", "remove", "fc2=0")).plan(model, noData(1, 0));
    assertThat(layer(plan, "fc1")).containsEntry("knee", 3).containsEntry("removed", 3);
    assertThat(plan.removals()).filteredOn(r -> r.layer().equals("fc1"))
        .extracting(r -> Math.min(r.unit(), r.mergeInto()) + "-" + Math.max(r.unit(), r.mergeInto()))
        .containsExactlyInAnyOrder("0-1", "2-3", "4-5");
    assertThat(plan.details()).containsEntry("rule", "knee");
  }

  /** The method reads no data: a context without any training data is enough (requireData would throw). */
  @Test
  void needsNoData() {
    Model model = PruningFixtures.randomized(PruningFixtures.small(ModelId.LENET5_CAFFE), 6);
    assertThat(noData(0.5, 0).trainingData()).isEmpty();
    assertThat(method(DataFree.ID, Map.of()).plan(model, noData(0.5, 0)).removals()).hasSize(62);
  }

  @Test
  void badCountsAndModelsWithoutHiddenFcLayersAreRejectedClearly() {
    Model model = PruningFixtures.randomized(PruningFixtures.small(ModelId.LENET5_CAFFE), 1);
    assertThatThrownBy(() -> method(DataFree.ID, Map.of("remove", "many")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'many'").hasMessageContaining("remove=450");
    assertThatThrownBy(() -> method(DataFree.ID, Map.of("remove", "fc9=3")).plan(model, noData(1, 0)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("fc9").hasMessageContaining("choose among fc1");
    assertThatThrownBy(() -> method(DataFree.ID, Map.of("remove", "125")).plan(model, noData(1, 0)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("remove at most 124");
    Model resnet = PruningFixtures.randomized(PruningFixtures.small(ModelId.RESNET20), 1);
    assertThatThrownBy(() -> method(DataFree.ID, Map.of()).plan(resnet, noData(0.5, 0)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("has none");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> layer(PruningPlan plan, String name) {
    return ((Map<String, Map<String, Object>>) plan.details().get("layers")).get(name);
  }

  @SuppressWarnings("unchecked")
  private static List<Double> saliency(PruningPlan plan, String name) {
    return (List<Double>) layer(plan, name).get("saliency");
  }

  /** With a count or --auto the options say how many neurons go, so prune needs no --density. */
  @Test
  void aCountOrAutoNeedsNoDensity() {
    var registry = dev.prunus.prune.MethodRegistry.standard();
    assertThat(registry.impliedDensity("data-free", Map.of("auto", "true"))).hasValue(1.0);
    assertThat(registry.impliedDensity("data-free", Map.of("remove", "fc1=450"))).hasValue(1.0);
    assertThat(registry.impliedDensity("data-free", Map.of())).isEmpty();
    assertThat(registry.impliedDensity("random-neuron", Map.of("remove", "100"))).hasValue(1.0);
    assertThat(registry.impliedDensity("naive-neuron", Map.of())).isEmpty();
  }
}
