package dev.prunus.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.ParameterStyle;
import dev.prunus.data.ImageSet;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Initialization;
import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import dev.prunus.testing.SyntheticImages;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.Trainer;
import dev.prunus.train.TrainingConfig;
import dev.prunus.train.TrainingListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every pruning method honours. A method's test extends this class and names the method,
 * its options, the models it supports and the tolerance of its density. Each test states its invariant.
 */
public abstract class MethodContract {
  private static final ImageSet DATA = SyntheticImages.bars(256, 10, 1, 28, 11);

  /** The method's id in the standard registry. */
  protected abstract String method();

  /** Options for the method (empty for its defaults). */
  protected Map<String, String> options() {
    return Map.of();
  }

  /** The zoo models the method supports (at the contract's width 0.25; all by default, a method limited to some layer kinds names its own). */
  protected List<ModelId> supportedModels() {
    return List.of(ModelId.values());
  }

  /** How far from the requested number of kept weights a plan may land: one weight per pruned layer by default. */
  protected long tolerance(Model model) {
    return model.architecture().prunableLayers().size();
  }

  protected PruningMethod create() {
    return MethodRegistry.standard().create(method(), options());
  }

  protected static Model small(ModelId id, long seed) {
    Architecture a = id.build(new ModelOptions(new FeatureShape(1, 28, 28), 10, 0.25, List.of()));
    return new Model(a, Initialization.KAIMING_NORMAL.initialize(a, seed));
  }

  protected static PruningContext context(double density, long seed) {
    return new PruningContext(PruningTarget.ofDensity(density), seed, Optional.of(DATA));
  }

  /**
   * What the plan kept, in the unit its density is about, as {kept, total}: by default the weights of
   * the layers the plan masks. Methods that remove whole units override this.
   */
  protected long[] keptAndTotal(Model pruned, PruningPlan plan) {
    long kept = 0;
    long total = 0;
    for (PrunableLayer p : pruned.architecture().prunableLayers()) {
      Mask m = pruned.masks().get(p.weightName());
      if (plan.masks().get(p.weightName()) != null) {
        kept += m.kept();
        total += m.size();
      }
    }
    return new long[] {kept, total};
  }

  /**
   * The plan keeps the requested share of the weights it prunes, within the method's tolerance; a method
   * whose density is an outcome ({@link PruningMethod#reachesTargetDensity()} false) prunes some and keeps some.
   */
  @TestFactory
  Stream<DynamicTest> reachesTheRequestedDensityOnEveryModel() {
    return supportedModels().stream().map(id -> DynamicTest.dynamicTest(id.cliName(), () -> {
      Model m = small(id, 1);
      PruningMethod method = create();
      PruningPlan plan = method.plan(m, context(0.2, 3));
      Model pruned = MaskApplier.apply(m, plan);
      long[] kt = keptAndTotal(pruned, plan);
      assertThat(kt[1]).as("the plan prunes some layer").isPositive();
      if (!method.reachesTargetDensity()) {
        assertThat(kt[0]).as("kept weights").isPositive().isLessThan(kt[1]);
        return;
      }
      assertThat((double) kt[0]).isCloseTo(0.2 * kt[1], org.assertj.core.data.Offset.offset((double) tolerance(m)));
    }));
  }

  /** Masks only shrink over repeated pruning and retraining, and pruned weights stay exactly zero. */
  @Test
  void masksOnlyShrinkThroughRepeatedPruningAndTraining() {
    ModelId id = supportedModels().contains(ModelId.LENET5) ? ModelId.LENET5 : supportedModels().get(0);
    Model m = small(id, 2);
    TrainingConfig cfg = new TrainingConfig(1, 64, new OptimizerConfig.Sgd(0.01, 0.9, false, 1e-4),
        new LearningRateSchedule.Constant(), 1, false);
    Model previous = null;
    for (double d : new double[] {0.5, 0.3, 0.2}) {
      m = MaskApplier.apply(m, create().plan(m, context(d, 5)));
      if (previous != null) {
        for (var e : previous.masks().byParameter().entrySet()) {
          assertThat(m.masks().get(e.getKey()).keepsSubsetOf(e.getValue()))
              .as("%s only shrank", e.getKey()).isTrue();
        }
      }
      m = new Trainer(cfg, TrainingListener.NONE).train(m, DATA, DATA, null).model();
      for (var e : m.masks().byParameter().entrySet()) {
        float[] w = m.weights().get(e.getKey()).data();
        boolean[] keep = e.getValue().keep();
        for (int i = 0; i < w.length; i++) {
          if (!keep[i]) {
            assertThat(w[i]).isZero();
          }
        }
      }
      previous = m;
    }
  }

  /** The same seed gives the same plan, bit for bit. */
  @Test
  void theSameSeedGivesTheSamePlan() {
    Model m = small(supportedModels().get(0), 3);
    PruningPlan a = create().plan(m, context(0.3, 9));
    PruningPlan b = create().plan(m, context(0.3, 9));
    assertThat(a.masks()).isEqualTo(b.masks());
    assertThat(a.removals()).isEqualTo(b.removals());
  }

  /** Planning never changes the model it reads. */
  @Test
  void theInputModelIsNotChanged() {
    Model m = small(supportedModels().get(0), 4);
    Weights before = new Weights(copy(m.weights().tensors()));
    create().plan(m, context(0.3, 1));
    assertThat(m.weights()).isEqualTo(before);
    assertThat(m.masks().isEmpty()).isTrue();
  }

  /** An unknown option is rejected with a message naming it. */
  @Test
  void anUnknownOptionIsRejectedClearly() {
    assertThatThrownBy(() -> MethodRegistry.standard().create(method(), Map.of("no-such-option", "1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has no option no-such-option")
        .satisfies(e -> assertThat(((InvalidInputException) e).message(ParameterStyle.FLAG))
            .contains("has no option --no-such-option"));
  }

  private static Map<String, Tensor> copy(Map<String, Tensor> t) {
    Map<String, Tensor> c = new java.util.LinkedHashMap<>();
    t.forEach((k, v) -> c.put(k, v.copy()));
    return c;
  }
}
