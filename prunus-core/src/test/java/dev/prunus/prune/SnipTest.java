package dev.prunus.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.data.ImageSet;
import dev.prunus.model.Architecture;
import dev.prunus.model.Initialization;
import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.model.Tensor;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.testing.SyntheticImages;
import dev.prunus.train.LossGradients;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SnipTest {
  @Nested
  class Contract extends MethodContract {
    @Override
    protected String method() {
      return "snip";
    }
  }

  /** The kept weights are exactly those of largest |w * g|, with g computed independently. */
  @Test
  void keepsTheLargestConnectionSensitivities() {
    Architecture a = ModelId.LENET_300_100.build();
    Model m = new Model(a, Initialization.KAIMING_NORMAL.initialize(a, 5));
    ImageSet data = SyntheticImages.bars(64, 10, 1, 28, 3);
    PruningPlan plan = MethodRegistry.standard().create("snip", Map.of("score-batch-size", "64"))
        .plan(m, new PruningContext(PruningTarget.ofDensity(0.05), 1, Optional.of(data)));
    int[] all = new int[64];
    for (int i = 0; i < 64; i++) {
      all[i] = i;
    }
    Map<String, Tensor> g = LossGradients.of(m, data, all);
    // the smallest kept score is at least the largest removed one, across all layers
    float minKept = Float.MAX_VALUE;
    float maxRemoved = 0;
    for (var e : plan.masks().byParameter().entrySet()) {
      float[] w = m.weights().get(e.getKey()).data();
      float[] gr = g.get(e.getKey()).data();
      Mask mask = e.getValue();
      for (int i = 0; i < w.length; i++) {
        float s = Math.abs(w[i] * gr[i]);
        if (mask.keep()[i]) {
          minKept = Math.min(minKept, s);
        } else {
          maxRemoved = Math.max(maxRemoved, s);
        }
      }
    }
    assertThat(minKept).isGreaterThanOrEqualTo(maxRemoved);
    assertThat(maxRemoved).isPositive();
  }

  @Test
  void withoutDataItSaysWhatItNeeds() {
    Architecture a = ModelId.LENET5.build();
    Model m = new Model(a, Initialization.KAIMING_NORMAL.initialize(a, 5));
    assertThatThrownBy(() -> MethodRegistry.standard().create("snip", Map.of())
            .plan(m, PruningContext.withoutData(PruningTarget.ofDensity(0.1), 1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("training data");
  }
}
