package dev.prunus.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.prunus.InvalidInputException;
import dev.prunus.model.zoo.ModelId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each initialisation against its formula, on LeNet-5-Caffe (conv1 1x5x5, conv2 20x5x5 inputs, fc1 800). */
class InitializationTest {
  private static final Architecture CAFFE = ModelId.LENET5_CAFFE.build();

  @Test
  void kaimingNormalIsBitForBitWhatEveryEarlierRunStartedFrom() {
    // values of the former KaimingInitializer (lenet5-caffe, seed 1), which every run before --init used
    Weights w = Initialization.KAIMING_NORMAL.initialize(CAFFE, 1);
    assertThat(w.get("conv1.weight").data()[0]).isEqualTo(-0.42960992f);
    assertThat(sum(w.get("conv1.weight").data())).isEqualTo(0.3181263356236741);
    assertThat(w.get("fc1.weight").data()[0]).isEqualTo(0.07245185f);
    assertThat(sum(w.get("fc1.weight").data())).isEqualTo(-33.39257939235759);
    assertThat(w.get("fc1.bias").data()).containsOnly(0f);
  }

  @ParameterizedTest
  @EnumSource(Initialization.class)
  void weightsHaveTheFormulasSpreadAndBiasesTheirRule(Initialization init) {
    Weights w = init.initialize(CAFFE, 7);
    float[] fc1 = w.get("fc1.weight").data(); // fan_in 800, fan_out 500
    float[] conv2 = w.get("conv2.weight").data(); // fan_in 20*25 = 500, fan_out 50*25 = 1250
    double fc1Std = switch (init) {
      case KAIMING_NORMAL, KAIMING_UNIFORM -> Math.sqrt(2.0 / 800);
      case XAVIER_UNIFORM -> Math.sqrt(2.0 / (800 + 500));
      case TORCH_DEFAULT -> 1 / Math.sqrt(800) / Math.sqrt(3);
    };
    assertThat(std(fc1)).as("std of fc1 (400,000 draws)").isCloseTo(fc1Std, offset(fc1Std * 0.01));
    assertThat(mean(fc1)).isCloseTo(0, offset(fc1Std * 0.01));
    if (init != Initialization.KAIMING_NORMAL) {
      double bound = switch (init) {
        case KAIMING_UNIFORM -> Math.sqrt(6.0 / 500);
        case XAVIER_UNIFORM -> Math.sqrt(6.0 / (500 + 1250));
        default -> 1 / Math.sqrt(500);
      };
      assertThat(maxAbs(conv2)).as("uniform within its bound").isLessThanOrEqualTo(bound).isGreaterThan(bound * 0.99);
    }
    float[] bias = w.get("fc1.bias").data();
    if (init == Initialization.TORCH_DEFAULT) {
      assertThat(maxAbs(bias)).isLessThanOrEqualTo(1 / Math.sqrt(800)).isGreaterThan(0.9 / Math.sqrt(800));
      assertThat(std(bias)).isCloseTo(1 / Math.sqrt(800) / Math.sqrt(3), offset(0.15 / Math.sqrt(800)));
    } else {
      assertThat(bias).containsOnly(0f);
    }
    assertThat(init.initialize(CAFFE, 7).tensors()).as("same seed, same weights")
        .allSatisfy((name, t) -> assertThat(t.data()).isEqualTo(w.get(name).data()));
    assertThat(init.initialize(CAFFE, 8).get("fc1.weight").data()).isNotEqualTo(fc1);
  }

  @Test
  void batchNormStartsAtTheIdentity() {
    Weights w = Initialization.TORCH_DEFAULT.initialize(ModelId.RESNET20.build(), 1);
    assertThat(w.get("bn1.gamma").data()).containsOnly(1f);
    assertThat(w.get("bn1.beta").data()).containsOnly(0f);
    assertThat(w.get("bn1.running_var").data()).containsOnly(1f);
  }

  @Test
  void anUnknownNameListsTheValidOnes() {
    assertThat(Initialization.fromName("torch-default")).isEqualTo(Initialization.TORCH_DEFAULT);
    assertThatThrownBy(() -> Initialization.fromName("he"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'he'")
        .hasMessageContaining("valid initialisations are kaiming-normal, kaiming-uniform, xavier-uniform, torch-default");
  }

  private static double sum(float[] a) {
    double s = 0;
    for (float v : a) {
      s += v;
    }
    return s;
  }

  private static double mean(float[] a) {
    return sum(a) / a.length;
  }

  private static double std(float[] a) {
    double m = mean(a);
    double s = 0;
    for (float v : a) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / a.length);
  }

  private static double maxAbs(float[] a) {
    double m = 0;
    for (float v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
