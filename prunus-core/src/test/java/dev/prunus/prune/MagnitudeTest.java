package dev.prunus.prune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.model.Architecture;
import dev.prunus.model.Initialization;
import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.model.Tensor;
import dev.prunus.model.zoo.ModelId;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MagnitudeTest {
  @Nested
  class GlobalContract extends MethodContract {
    @Override
    protected String method() {
      return "magnitude";
    }
  }

  @Nested
  class LayerwiseContract extends MethodContract {
    @Override
    protected String method() {
      return "magnitude";
    }

    @Override
    protected Map<String, String> options() {
      return Map.of("scope", "layer");
    }
  }

  /** Layer-wise, each layer keeps exactly its largest |w|: a hand-made weight vector. */
  @Test
  void keepsTheLargestMagnitudesOfEachLayer() {
    Architecture a = ModelId.LENET_300_100.build();
    Model m = new Model(a, Initialization.KAIMING_NORMAL.initialize(a, 1));
    float[] w = new float[10 * 100];
    for (int i = 0; i < w.length; i++) {
      w[i] = (i % 2 == 0 ? 1 : -1) * i; // |w| grows with the index
    }
    m = new Model(a, m.weights().with("fc3.weight", new Tensor(new long[] {10, 100}, w)));
    PruningPlan plan = MethodRegistry.standard().create("magnitude", Map.of("scope", "layer"))
        .plan(m, PruningContext.withoutData(PruningTarget.ofDensity(0.1), 0));
    Mask fc3 = plan.masks().get("fc3.weight");
    assertThat(fc3.kept()).isEqualTo(100);
    for (int i = 0; i < 1000; i++) {
      assertThat(fc3.keep()[i]).as("entry %d", i).isEqualTo(i >= 900);
    }
  }

  /** Global: one threshold across layers, except for the floor each layer keeps. */
  @Test
  void globalScopeKeepsTheFloorOfEveryLayer() {
    Architecture a = ModelId.LENET_300_100.build();
    Model m = new Model(a, Initialization.KAIMING_NORMAL.initialize(a, 1));
    PruningPlan plan = MethodRegistry.standard().create("magnitude", Map.of("min-layer-density", "0.05"))
        .plan(m, PruningContext.withoutData(PruningTarget.ofDensity(0.1), 0));
    long kept = 0;
    for (Mask mask : plan.masks().byParameter().values()) {
      assertThat(mask.kept()).isGreaterThanOrEqualTo((int) Math.ceil(0.05 * mask.size()));
      kept += mask.kept();
    }
    // the floors (11,760 + 1,500 + 50) take half the budget of 26,620; the rest goes to the global ranking
    assertThat(kept).isEqualTo(Math.round(0.1 * 266_200));
  }

  /** Global scope cannot go below its floor: a lower target is refused, naming both ways out. */
  @Test
  void aTargetBelowTheFloorIsRefused() {
    Architecture a = ModelId.LENET_300_100.build();
    PruningMethod global = MethodRegistry.standard().create("magnitude", Map.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> global.check(a, PruningTarget.ofDensity(0.008)))
        .isInstanceOf(dev.prunus.InvalidInputException.class)
        .hasMessageContaining("density 0.008 is below magnitude's minLayerDensity=0.01")
        .hasMessageContaining("pass minLayerDensity=0.004");
    global.check(a, PruningTarget.ofDensity(0.01));
    MethodRegistry.standard().create("magnitude", Map.of("min-layer-density", "0.002"))
        .check(a, PruningTarget.ofDensity(0.008));
    MethodRegistry.standard().create("magnitude", Map.of("scope", "layer")).check(a, PruningTarget.ofDensity(0.001));
  }
}
