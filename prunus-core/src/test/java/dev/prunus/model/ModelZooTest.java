package dev.prunus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.measure.ModelCount;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Published parameter counts (METHODS.md B.6) are an oracle for every zoo architecture. */
class ModelZooTest {

  @ParameterizedTest(name = "{0}: {1} conv/linear params, {2} batch-norm params")
  @CsvSource({
    "lenet-300-100, 266610, 0",
    "lenet5,         61706, 0",
    "lenet5-caffe,  431080, 0",
    "vgg16,       14719818, 8448",
    "resnet20,      268346, 1376",
    "resnet56,      848954, 4064",
    "mlp15,         104074, 1792",   // 784*64 + 13*64*64 + (64*10 + 10); 14 batch norms of 64 (by hand)
  })
  void parameterCountsMatchThePublishedOnes(String model, long params, long batchNorm) {
    ModelCount c = ModelCounter.countDense(ModelId.fromName(model).build());
    assertThat(c.params()).isEqualTo(params);
    assertThat(c.batchNormParams()).isEqualTo(batchNorm);
  }

  @Test
  void resnetCountsWithBatchNormMatch() {
    assertThat(total(ModelId.RESNET20)).isEqualTo(269_722);
    assertThat(total(ModelId.RESNET56)).isEqualTo(853_018);
    assertThat(total(ModelId.RESNET18)).isEqualTo(11_173_962);
    assertThat(total(ModelId.VGG16)).isEqualTo(14_728_266);
  }

  @Test
  void vggHeadsMatchThePublishedCounts() {
    assertThat(vggWithHead(List.of(512))).isEqualTo(14_982_474);
    assertThat(vggWithHead(List.of(512, 512))).isEqualTo(15_245_130);
  }

  @Test
  void lenet5HasTheHandCountedMultiplyAdds() {
    // conv1 6*25*28*28 + conv2 16*6*25*10*10 + 400*120 + 120*84 + 84*10
    ModelCount c = ModelCounter.countDense(ModelId.LENET5.build());
    assertThat(c.denseFlops()).isEqualTo(117_600 + 240_000 + 48_000 + 10_080 + 840).isEqualTo(416_520);
    assertThat(c.layers()).extracting(l -> l.denseFlops())
        .containsExactly(117_600L, 240_000L, 48_000L, 10_080L, 840L);
    assertThat(c.maskedFlops()).isEqualTo(c.denseFlops());
    assertThat(c.structuredFlops()).isEqualTo(c.denseFlops());
  }

  @ParameterizedTest
  @EnumSource(ModelId.class)
  void everyModelTakesOneChannel28x28InputsAtQuarterWidth(ModelId id) {
    Architecture a = id.build(new ModelOptions(new FeatureShape(1, 28, 28), 10, 0.25, List.of()));
    assertThat(a.outputShape()).isEqualTo(new FeatureShape(10, 1, 1));
    assertThat(ModelCounter.countDense(a).params()).isLessThan(ModelCounter.countDense(id.build()).params());
  }

  @ParameterizedTest
  @EnumSource(ModelId.class)
  void everyModelTakesThreeChannel32x32Inputs(ModelId id) {
    Architecture a = id.build(new ModelOptions(new FeatureShape(3, 32, 32), 100, 0.5, List.of()));
    assertThat(a.outputShape()).isEqualTo(new FeatureShape(100, 1, 1));
  }

  @Test
  void resnet18Has100ClassCountOfThePaper() {
    Architecture a = ModelId.RESNET18.build(new ModelOptions(new FeatureShape(3, 32, 32), 100, 1.0, List.of()));
    ModelCount c = ModelCounter.countDense(a);
    assertThat(c.params() + c.batchNormParams()).isEqualTo(11_220_132);
  }

  @Test
  void unknownModelListsTheValidNames() {
    assertThatThrownBy(() -> ModelId.fromName("alexnet"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("alexnet")
        .hasMessageContaining("lenet-300-100, lenet5, lenet5-caffe, vgg16, resnet20, resnet56, resnet18, mlp15");
  }

  @Test
  void widthOutOfRangeIsRejected() {
    assertThatThrownBy(() -> ModelId.LENET5.build(new ModelOptions(new FeatureShape(1, 28, 28), 10, 0, List.of())))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("width=0.0");
  }

  @Test
  void kaimingInitIsSeededAndScaledByFanIn() {
    Architecture a = ModelId.LENET_300_100.build();
    Weights w1 = Initialization.KAIMING_NORMAL.initialize(a, 7);
    Weights w2 = Initialization.KAIMING_NORMAL.initialize(a, 7);
    Weights w3 = Initialization.KAIMING_NORMAL.initialize(a, 8);
    assertThat(w1).isEqualTo(w2);
    assertThat(w1.get("fc1.weight")).isNotEqualTo(w3.get("fc1.weight"));
    float[] d = w1.get("fc1.weight").data();
    double sumSq = 0;
    for (float x : d) {
      sumSq += x * x;
    }
    // variance 2/784 within 2% over 235,200 draws
    assertThat(sumSq / d.length).isCloseTo(2.0 / 784, org.assertj.core.data.Percentage.withPercentage(2));
    assertThat(w1.get("fc1.bias").data()).containsOnly(0f);
  }

  private static long total(ModelId id) {
    ModelCount c = ModelCounter.countDense(id.build());
    return c.params() + c.batchNormParams();
  }

  private static long vggWithHead(List<Integer> hidden) {
    return ModelCounter.countDense(ModelId.VGG16.build(new ModelOptions(new FeatureShape(3, 32, 32), 10, 1, hidden))).params();
  }
}
