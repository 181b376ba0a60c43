package dev.prunus.prune.method.datafree;

import static dev.prunus.prune.method.datafree.NeuronFixtures.fourNeurons;
import static dev.prunus.prune.method.datafree.NeuronFixtures.method;
import static dev.prunus.prune.method.datafree.NeuronFixtures.noData;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.PruningFixtures;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.UnitRemoval;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The baselines of Srinivas &amp; Babu: random-neuron and naive-neuron, both without surgery. */
class NeuronBaselinesTest {
  @Nested
  class RandomContract extends HiddenFcContract {
    @Override
    protected String method() {
      return RandomNeuron.ID;
    }
  }

  @Nested
  class NaiveContract extends HiddenFcContract {
    @Override
    protected String method() {
      return NaiveNeuron.ID;
    }
  }

  /**
   * Squared outgoing norms of the 4-neuron example: |a0|^2 = 4, |a1|^2 = 2, |a2|^2 = 9, |a3|^2 = 10, so the
   * two smallest are neurons 1 and 0; they are dropped and the others' outgoing weights stay as they were.
   */
  @Test
  void naiveDropsTheSmallestOutgoingNormsWithoutSurgery() {
    Model m = fourNeurons();
    PruningPlan plan = method(NaiveNeuron.ID, Map.of("remove", "2")).plan(m, noData(1, 0));
    assertThat(plan.removals()).containsExactly(UnitRemoval.drop("fc1", 1), UnitRemoval.drop("fc1", 0));
    Model compact = Compactor.compact(MaskApplier.apply(m, plan));
    assertThat(compact.weights().get("fc2.weight").data()).containsExactly(0, 3, 3, 1);
    assertThat(plan.details()).containsEntry("neurons-kept", Map.of("fc1", "2/4"));
  }

  /** Random removal is seeded: same seed, same neurons; another seed, others; only alive neurons, no surgery. */
  @Test
  void randomIsSeededAndDropsOnlyAliveNeurons() {
    Model m = PruningFixtures.randomized(PruningFixtures.small(ModelId.LENET5_CAFFE), 3);
    PruningPlan a = method(RandomNeuron.ID, Map.of("remove", "60")).plan(m, noData(1, 11));
    PruningPlan b = method(RandomNeuron.ID, Map.of("remove", "60")).plan(m, noData(1, 11));
    PruningPlan c = method(RandomNeuron.ID, Map.of("remove", "60")).plan(m, noData(1, 12));
    assertThat(a).isEqualTo(b);
    assertThat(a.removals()).isNotEqualTo(c.removals()).hasSize(60).allMatch(r -> !r.isMerge());
    assertThat(new HashSet<>(a.removals())).hasSize(60);
    // a larger count extends the smaller one (a partial shuffle)
    PruningPlan more = method(RandomNeuron.ID, Map.of("remove", "90")).plan(m, noData(1, 11));
    assertThat(more.removals().subList(0, 60)).isEqualTo(a.removals());
    // on the pruned model the dead neurons are never chosen again
    Model pruned = MaskApplier.apply(m, a);
    Set<Integer> dead = new HashSet<>();
    a.removals().forEach(r -> dead.add(r.unit()));
    PruningPlan again = method(RandomNeuron.ID, Map.of("remove", "64")).plan(pruned, noData(1, 11));
    assertThat(again.removals()).noneMatch(r -> dead.contains(r.unit())).hasSize(64);
    // the kept neurons' outgoing weights are untouched
    Model compact = Compactor.compact(pruned);
    assertThat(compact.weights().get("fc2.weight").shape()).containsExactly(10, 65);
    float[] before = m.weights().get("fc2.weight").data();
    float[] after = compact.weights().get("fc2.weight").data();
    int col = 0;
    for (int k = 0; k < 125; k++) {
      if (!dead.contains(k)) {
        for (int o = 0; o < 10; o++) {
          assertThat(after[o * 65 + col]).isEqualTo(before[o * 125 + k]);
        }
        col++;
      }
    }
  }
}
