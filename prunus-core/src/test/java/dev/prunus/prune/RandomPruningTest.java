package dev.prunus.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.io.ModelFile;
import dev.prunus.model.Architecture;
import dev.prunus.model.Initialization;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.run.RunDirectory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomPruningTest {
  @Nested
  class LayerwiseContract extends MethodContract {
    @Override
    protected String method() {
      return "random";
    }
  }

  @Nested
  class GlobalContract extends MethodContract {
    @Override
    protected String method() {
      return "random";
    }

    @Override
    protected Map<String, String> options() {
      return Map.of("scope", "global");
    }
  }

  /** Per-layer densities are met exactly, so random masks can match another method's layer profile. */
  @Test
  void perLayerDensitiesAreMet() {
    Architecture a = ModelId.LENET_300_100.build();
    Model m = new Model(a, Initialization.KAIMING_NORMAL.initialize(a, 1));
    PruningPlan plan = MethodRegistry.standard().create("random", Map.of("densities", "fc1=0.05,fc2=0.3"))
        .plan(m, PruningContext.withoutData(PruningTarget.ofDensity(0.5), 4));
    assertThat(plan.masks().get("fc1.weight").kept()).isEqualTo(Math.round(0.05 * 235_200));
    assertThat(plan.masks().get("fc2.weight").kept()).isEqualTo(Math.round(0.3 * 30_000));
    assertThat(plan.masks().get("fc3.weight").kept()).isEqualTo(500);
  }

  /** {@code --match RUN} reads the run's model file and copies the density of each of its masked layers. */
  @Test
  void matchCopiesTheLayerDensitiesOfAnotherRunsModel(@TempDir Path run) {
    Architecture a = ModelId.LENET_300_100.build();
    Model m = new Model(a, Initialization.KAIMING_NORMAL.initialize(a, 1));
    Model pruned = MaskApplier.apply(m, MethodRegistry.standard().create("random", Map.of("densities", "fc1=0.05,fc2=0.3"))
        .plan(m, PruningContext.withoutData(PruningTarget.ofDensity(0.5), 4)));
    ModelFile.write(run.resolve(RunDirectory.MODEL), pruned);
    PruningPlan plan = MethodRegistry.standard().create("random", Map.of("match", run.toString()))
        .plan(m, PruningContext.withoutData(PruningTarget.ofDensity(0.9), 7));
    for (String layer : new String[] {"fc1.weight", "fc2.weight", "fc3.weight"}) {
      assertThat(plan.masks().get(layer).kept()).as(layer).isEqualTo(pruned.masks().get(layer).kept());
    }
    assertThat(plan.masks().get("fc1.weight")).isNotEqualTo(pruned.masks().get("fc1.weight"));
  }

  @Test
  void differentSeedsGiveDifferentMasks() {
    Architecture a = ModelId.LENET5.build();
    Model m = new Model(a, Initialization.KAIMING_NORMAL.initialize(a, 1));
    PruningMethod r = MethodRegistry.standard().create("random", Map.of());
    assertThat(r.plan(m, PruningContext.withoutData(PruningTarget.ofDensity(0.5), 1)).masks())
        .isNotEqualTo(r.plan(m, PruningContext.withoutData(PruningTarget.ofDensity(0.5), 2)).masks());
  }

  @Test
  void aLayerTheModelDoesNotHaveIsNamed() {
    Architecture a = ModelId.LENET5.build();
    Model m = new Model(a, Initialization.KAIMING_NORMAL.initialize(a, 1));
    assertThatThrownBy(() -> MethodRegistry.standard().create("random", Map.of("densities", "fc9=0.1"))
            .plan(m, PruningContext.withoutData(PruningTarget.ofDensity(0.5), 1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("fc9");
  }
}
