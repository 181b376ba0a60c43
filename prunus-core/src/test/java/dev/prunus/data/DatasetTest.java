package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.prunus.InvalidInputException;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private static final String SHA = "ab".repeat(32);

  private static ImageSet images(int c, int h, int w, int classes) {
    return new ImageSet(c, h, w, new float[c * h * w], new int[1], classes);
  }

  @Test
  void acceptsImagesOfTheDatasetsShape() {
    assertThatNoException().isThrownBy(() -> new Dataset(
        DatasetId.CIFAR100, images(3, 32, 32, 100), images(3, 32, 32, 100), SHA, "test"));
  }

  @Test
  void rejectsImagesOfAnotherShapeOrClassCount() {
    assertThatThrownBy(() -> new Dataset(
        DatasetId.MNIST, images(1, 28, 28, 10), images(3, 32, 32, 10), SHA, "test"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("mnist test images are 3x32x32 with 10 classes; the dataset needs 1x28x28"
            + " with 10 classes");
    assertThatThrownBy(() -> new Dataset(
        DatasetId.CIFAR10, images(3, 32, 32, 100), images(3, 32, 32, 10), SHA, "test"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cifar10 train images");
  }

  @Test
  void rejectsAChecksumThatIsNotSha256Hex() {
    assertThatThrownBy(() -> new Dataset(
        DatasetId.MNIST, images(1, 28, 28, 10), images(1, 28, 28, 10), "ABC", "test"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("64 lower-case hex digits");
  }
}
