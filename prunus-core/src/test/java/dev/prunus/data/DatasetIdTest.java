package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatasetIdTest {

  @ParameterizedTest
  @EnumSource(DatasetId.class)
  void fromNameFindsEveryDatasetByItsCliName(DatasetId id) {
    assertThat(DatasetId.fromName(id.cliName())).isSameAs(id);
    assertThat(DatasetId.fromName(" " + id.cliName().toUpperCase() + " ")).isSameAs(id);
  }

  @Test
  void anUnknownNameListsTheValidOnes() {
    assertThatThrownBy(() -> DatasetId.fromName("foo"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("unknown dataset 'foo': valid datasets are mnist, mnist-sample,"
            + " fashion-mnist, cifar10, cifar100");
    assertThatThrownBy(() -> DatasetId.fromName(null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("valid datasets are");
  }

  @ParameterizedTest
  @EnumSource(DatasetId.class)
  void normalisationConstantsHaveOneValuePerChannelAndAreCopies(DatasetId id) {
    assertThat(id.mean()).hasSize(id.channels());
    assertThat(id.std()).hasSize(id.channels());
    for (float s : id.std()) {
      assertThat(s).isBetween(0.2f, 0.4f);
    }
    id.mean()[0] = 99f;
    assertThat(id.mean()[0]).isLessThan(1f);
    assertThat(id.description()).doesNotContain("\n").isNotBlank();
  }

  @Test
  void shapesClassesAndAugmentationAreThoseOfTheRealDatasets() {
    assertThat(DatasetId.MNIST.channels()).isEqualTo(1);
    assertThat(DatasetId.FASHION_MNIST.height()).isEqualTo(28);
    assertThat(DatasetId.MNIST_SAMPLE.width()).isEqualTo(28);
    assertThat(DatasetId.CIFAR10.channels()).isEqualTo(3);
    assertThat(DatasetId.CIFAR10.height()).isEqualTo(32);
    assertThat(DatasetId.CIFAR100.numClasses()).isEqualTo(100);
    assertThat(DatasetId.CIFAR10.numClasses()).isEqualTo(10);
    assertThat(DatasetId.CIFAR10.augment()).isTrue();
    assertThat(DatasetId.CIFAR100.augment()).isTrue();
    assertThat(DatasetId.MNIST.augment()).isFalse();
    assertThat(DatasetId.FASHION_MNIST.augment()).isFalse();
    assertThat(DatasetId.MNIST_SAMPLE.mean()).containsExactly(DatasetId.MNIST.mean());
    assertThat(DatasetId.FASHION_MNIST.mean()).containsExactly(0.2860406f);
    assertThat(DatasetId.FASHION_MNIST.std()).containsExactly(0.3530242f);
    assertThat(DatasetId.CIFAR100.mean()).containsExactly(0.5071f, 0.4865f, 0.4409f);
  }
}
