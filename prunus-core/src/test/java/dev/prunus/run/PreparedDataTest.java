package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetRef;
import dev.prunus.data.DatasetRepository;
import dev.prunus.data.ImageSet;
import dev.prunus.data.InMemoryImages;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PreparedData#of(ImageSet, ImageSet, double, long)}: any images a Java program holds, not only datasets. */
class PreparedDataTest {
  /** {@code n} images of 3x5x7 in 4 classes (label i % 4), pixels drawn in [0, 1) from {@code seed}. */
  private static ImageSet images(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] pixels = new float[n * 3 * 5 * 7];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) r.nextDouble();
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 4;
    }
    return new ImageSet(3, 5, 7, pixels, labels, 4);
  }

  @Test
  void imagesOfAnyShapeAreSplitAndStandardisedWithTheTrainingImagesStatistics() {
    ImageSet train = images(40, 1);
    ImageSet test = images(12, 2);
    PreparedData p = PreparedData.of(train, test, 0.25, 9);

    assertThat(p.train().size()).isEqualTo(30);
    assertThat(p.validation().size()).isEqualTo(10);
    assertThat(java.util.Arrays.stream(p.validation().classCounts()).boxed()).allSatisfy(n -> assertThat(n).isBetween(2, 3));
    assertThat(p.test().labels()).isEqualTo(test.labels());

    // oracle: the per-channel mean and population std of the raw training pixels, computed here
    int plane = 5 * 7;
    for (int c = 0; c < 3; c++) {
      double sum = 0;
      double squares = 0;
      for (int i = 0; i < 40; i++) {
        for (int j = 0; j < plane; j++) {
          double v = train.pixels()[(i * 3 + c) * plane + j];
          sum += v;
          squares += v * v;
        }
      }
      double mean = sum / (40.0 * plane);
      double std = Math.sqrt(squares / (40.0 * plane) - mean * mean);
      int at = (5 * 3 + c) * plane + 11; // test image 5, channel c, pixel 11
      assertThat((double) p.test().pixels()[at]).isCloseTo((test.pixels()[at] - mean) / std, within(1e-5));
    }
    // the standardised training images (train and validation together) have mean 0 and std 1 per channel
    double all = 0;
    for (ImageSet s : new ImageSet[] {p.train(), p.validation()}) {
      for (int i = 0; i < s.size(); i++) {
        for (int j = 0; j < plane; j++) {
          all += s.pixels()[(i * 3) * plane + j];
        }
      }
    }
    assertThat(all / (40.0 * plane)).isCloseTo(0, within(1e-5));
  }

  @Test
  void theSameImagesAndSeedGiveTheSameSplitAndTheChecksumSeesOnePixel() {
    ImageSet train = images(40, 1);
    ImageSet test = images(12, 2);
    assertThat(PreparedData.of(train, test, 0.25, 9)).isEqualTo(PreparedData.of(images(40, 1), images(12, 2), 0.25, 9));
    float[] changed = test.pixels().clone();
    changed[100] += 0.5f;
    ImageSet test2 = new ImageSet(3, 5, 7, changed, test.labels(), 4);
    assertThat(InMemoryImages.sha256(train, test)).isEqualTo(InMemoryImages.sha256(images(40, 1), images(12, 2)))
        .isNotEqualTo(InMemoryImages.sha256(train, test2)).matches("[0-9a-f]{64}");
  }

  @Test
  void theMetricsNameTheImagesAndTheirNormalisation() {
    PreparedData p = PreparedData.of(images(40, 1), images(12, 2), 0.25, 9);
    ObjectNode metrics = Json.MAPPER.createObjectNode();
    p.describeIn(metrics);
    assertThat(metrics.path("data").path("sha256").asText()).isEqualTo(InMemoryImages.sha256(images(40, 1), images(12, 2)));
    assertThat(metrics.path("data").path("normalization").path("mean").size()).isEqualTo(3);
    assertThat(p.reference().id()).isEqualTo("images:images");
  }

  @Test
  void setsOfDifferentShapesAreRefused() {
    ImageSet gray = new ImageSet(1, 5, 7, new float[12 * 35], new int[12], 4);
    assertThatThrownBy(() -> PreparedData.of(images(40, 1), gray, 0.25, 9))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("test images are 1x5x7")
        .hasMessageContaining("needs 3x5x7");
    assertThatThrownBy(() -> PreparedData.of(images(40, 1), images(12, 2), 1.0, 9))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("validationFraction=1.0");
  }

  @Test
  void inMemoryImagesCannotBeLoadedOrReadBackFromAFile(@TempDir Path home) throws Exception {
    DatasetRef ref = InMemoryImages.like("images", images(4, 1));
    assertThatThrownBy(() -> new DatasetRepository(home).load(ref))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("held in memory");
    String json = Json.MAPPER.writeValueAsString(ref);
    assertThat(json).isEqualTo("\"images:images\"");
    assertThatThrownBy(() -> Json.MAPPER.readValue(json, DatasetRef.class))
        .hasStackTraceContaining("cannot be loaded from a file");
  }
}
