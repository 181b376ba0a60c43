package dev.prunus.prune.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.prunus.InvalidInputException;
import dev.prunus.data.ImageSet;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningFixtures;
import dev.prunus.prune.PruningMethod;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.ScheduleKind;
import dev.prunus.testing.SyntheticImages;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;
import dev.prunus.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schedules as a library runs them, without a run directory. */
class ScheduleTest {
  private static final ImageSet DATA = SyntheticImages.bars(96, 10, 1, 28, 3);
  private static final Schedule.Data SPLITS = new Schedule.Data(DATA, DATA.subset(new int[] {0, 1, 2, 3}), DATA);
  private static final TrainingConfig ONE_EPOCH =
      new TrainingConfig(1, 32, new OptimizerConfig.Sgd(0.01, 0.9, false, 0), LearningRateSchedule.parse("constant"), 1,
          false);
  private static final PruningMethod MAGNITUDE = MethodRegistry.standard().create("magnitude", Map.of());

  private static Model mlp() {
    return PruningFixtures.randomized(PruningFixtures.small(ModelId.LENET_300_100), 1);
  }

  @Test
  void iterativeRoundsStepGeometricallyToTheTargetAndTheFinalPhasePrunesFurther() {
    Schedule s = Schedule.iterative(0.1, 3, 7).keepingBest().withFinalPhase(0.05, 1);
    List<Integer> heard = new ArrayList<>();
    ScheduleState end = s.run(MAGNITUDE, mlp(), null, ONE_EPOCH, SPLITS, TrainingListener.NONE,
        (state, plan) -> heard.add(state.roundsDone()));
    assertThat(heard).containsExactly(1, 2, 3, 4);
    assertThat(end.roundsDone()).isEqualTo(4);
    assertThat(end.rounds()).extracting(Round::targetDensity).containsExactly(
        Math.pow(0.1, 1.0 / 3), Math.pow(0.1, 2.0 / 3), 0.1, 0.05);
    assertThat(end.rounds().get(3).phase()).isEqualTo("final magnitude prune and fine-tune");
    assertThat(end.rounds()).allSatisfy(r -> assertThat(r.bestEpoch()).isEqualTo(1));
    assertThat(end.rounds().get(2).density()).isCloseTo(0.1, offset(0.01));
    assertThat(ModelCounter.count(end.model()).density()).isCloseTo(0.05, offset(0.005));
    assertThat(end.history()).hasSize(4);
  }

  @Test
  void rewindingPutsTheSurvivingWeightsBackToTheInitialOnes() {
    Model initial = mlp();
    Model trained = PruningFixtures.randomized(initial.architecture(), 2);
    TrainingConfig noTraining = ONE_EPOCH.withEpochs(0);
    ScheduleState end = Schedule.iterative(0.5, 2, 1).withRewind().run(MAGNITUDE, trained, initial, noTraining,
        SPLITS, TrainingListener.NONE, RoundListener.NONE);
    float[] w = end.model().weights().get("fc1.weight").data();
    float[] w0 = initial.weights().get("fc1.weight").data();
    boolean[] keep = end.model().masks().get("fc1.weight").keep();
    for (int i = 0; i < w.length; i++) {
      assertThat(w[i]).isEqualTo(keep[i] ? w0[i] : 0f);
    }
  }

  @Test
  void resumingAfterAnyRoundEndsAsTheUninterruptedRun() {
    Schedule s = Schedule.iterative(0.2, 3, 5).withFinalPhase(0.1, 1);
    List<ScheduleState> states = new ArrayList<>();
    ScheduleState whole = s.run(MAGNITUDE, mlp(), null, ONE_EPOCH, SPLITS, TrainingListener.NONE,
        (state, plan) -> states.add(state));
    for (ScheduleState after : states.subList(0, 3)) {
      ScheduleState resumed = s.resume(MAGNITUDE, after, null, ONE_EPOCH, SPLITS, TrainingListener.NONE,
          RoundListener.NONE);
      assertThat(resumed.model().weights()).as("after round %d", after.roundsDone()).isEqualTo(whole.model().weights());
      assertThat(resumed.model().masks()).isEqualTo(whole.model().masks());
      assertThat(resumed.rounds()).usingRecursiveComparison().isEqualTo(whole.rounds());
    }
  }

  @Test
  void aScheduleThatCannotRunIsRefusedSayingWhy() {
    assertThatThrownBy(() -> Schedule.iterative(0.1, 0, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rounds=0 must be in [1, 1000]");
    assertThatThrownBy(() -> Schedule.oneShot(0.1, 1).withRewind()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rewind applies to the iterative schedule only");
    assertThatThrownBy(() -> Schedule.oneShot(0.1, 1).withFinalPhase(0.2, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("must be below the density 0.1");
    assertThatThrownBy(() -> new Schedule(ScheduleKind.ONE_SHOT, 0.1, 3, false, false, null, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("only the iterative schedule");
    assertThatThrownBy(() -> Schedule.iterative(0.1, 2, 1).withRewind().run(MAGNITUDE, mlp(), null, ONE_EPOCH, SPLITS,
        TrainingListener.NONE, RoundListener.NONE)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs the initial weights");
  }

  @Test
  void aPlanIsHeardWithItsRound() {
    List<PruningPlan> plans = new ArrayList<>();
    Schedule.oneShot(0.3, 1).run(MAGNITUDE, mlp(), null, ONE_EPOCH.withEpochs(0), SPLITS, TrainingListener.NONE,
        (state, plan) -> plans.add(plan));
    assertThat(plans).hasSize(1);
    assertThat(plans.get(0).method()).isEqualTo("magnitude");
  }
}
