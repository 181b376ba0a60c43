package dev.prunus.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.prunus.InvalidInputException;
import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningFixtures;
import dev.prunus.prune.PruningTarget;
import dev.prunus.train.NoGradient;
import dev.prunus.train.TrainableNetwork;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sparse path against a hand-computed product and against libtorch on a masked LeNet-300-100. */
class SparseNetworkTest {
  @Test
  void aCsrProductTouchesOnlyTheKeptWeights() {
    // W = [[1, 2, 3], [4, 5, 6]] keeping (0,0), (0,2), (1,1); x = [[1, 1, 1], [2, 0, -1]]; b = [10, 20]
    float[] w = {1, 2, 3, 4, 5, 6};
    Mask m = new Mask(new long[] {2, 3}, new boolean[] {true, false, true, false, true, false});
    CsrMatrix csr = CsrMatrix.of(w, 2, 3, m);
    assertThat(csr.nonzeros()).isEqualTo(3);
    assertThat(csr.density()).isEqualTo(0.5);
    assertThat(csr.multiply(new float[] {1, 1, 1, 2, 0, -1}, 2, new float[] {10, 20}))
        .containsExactly(1 + 3 + 10, 5 + 20, 2 - 3 + 10, 20);
    assertThat(CsrMatrix.of(new float[] {0, 2, 0, 0, 0, 6}, 2, 3, null).nonzeros()).as("no mask: the non-zeros")
        .isEqualTo(2);
  }

  @Test
  void aMaskedMultilayerPerceptronGivesLibtorchsLogits() {
    Model dense = PruningFixtures.randomized(ModelId.LENET_300_100.build(), 4);
    Model masked = MaskApplier.apply(dense, MethodRegistry.standard().create("magnitude", Map.of())
        .plan(dense, PruningContext.withoutData(PruningTarget.ofDensity(0.05), 1)));
    assertThat(SparseNetwork.supports(masked.architecture())).isTrue();
    SparseNetwork sparse = SparseNetwork.of(masked);
    for (int batch : new int[] {1, 3}) {
      float[] x = new float[batch * 784];
      SplittableRandom r = new SplittableRandom(batch);
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) r.nextDouble(-1, 1);
      }
      float[] input = x.clone();
      float[] got = sparse.forward(x, batch);
      assertThat(x).as("the input is not changed").isEqualTo(input);
      float[] want;
      try (NDManager m = NDManager.newBaseManager(); TrainableNetwork net = TrainableNetwork.of(masked, m)) {
        want = NoGradient.compute(() -> net.forward(m.create(x, new Shape(batch, 1, 28, 28)), false).toFloatArray());
      }
      assertThat(got).hasSameSizeAs(want);
      double scale = 0;
      double diff = 0;
      for (int i = 0; i < got.length; i++) {
        scale = Math.max(scale, Math.abs(want[i]));
        diff = Math.max(diff, Math.abs(got[i] - want[i]));
      }
      assertThat(diff / scale).as("batch %d", batch).isLessThan(1e-5);
    }
  }

  @Test
  void aConvolutionalNetworkIsNotTakenBySilentlyFallingBack() {
    Model lenet = PruningFixtures.randomized(ModelId.LENET5.build(), 1);
    assertThat(SparseNetwork.supports(lenet.architecture())).isFalse();
    assertThatThrownBy(() -> SparseNetwork.of(lenet)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fully connected networks only");
  }
}
