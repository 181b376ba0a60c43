package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the real Fashion-MNIST from its Debian sources into temporary homes: the installed package
 * (/usr/share/datasets/fashion-mnist), and the package fetched with {@code apt-get download}. Needs
 * apt-get able to fetch dataset-fashion-mnist, and ideally the package installed (the project's
 * machines have both).
 */
class FashionMnistIntegrationTest {
  /** SHA-256 over the four documented per-file SHA-256 hex strings, in recipe order. */
  static final String FASHION_MNIST_SHA256 =
      "d1fd84a877f3b78fa9a171b3de73f93e7b6f69ed94bada3feae9d96821401f5c";

  @Test
  void loadsTheRealDataFromTheInstalledDebianPackageThenFromTheCache(@TempDir Path home) {
    DatasetRepository repository = new DatasetRepository(home);
    assertThat(repository.isCached(DatasetId.FASHION_MNIST)).isFalse();

    Dataset dataset = repository.load(DatasetId.FASHION_MNIST);

    // the installed package where it is installed, else the package fetched with apt-get
    assertThat(dataset.source()).containsAnyOf(
        "debian package dataset-fashion-mnist (installed",
        "apt-get download dataset-fashion-mnist");
    assertRealFashionMnist(dataset);
    assertThat(repository.isCached(DatasetId.FASHION_MNIST)).isTrue();
    assertThat(repository.cacheDir(DatasetId.FASHION_MNIST))
        .isEqualTo(home.resolve("datasets").resolve("fashion-mnist"));

    Dataset again = repository.load(DatasetId.FASHION_MNIST);
    assertThat(again.source()).isEqualTo("cache");
    assertThat(again.sha256()).isEqualTo(dataset.sha256());
    assertThat(again.test()).isEqualTo(dataset.test());
  }

  @Test
  void theHardCodedNormalisationConstantsAreTheTrainingSetStatistics(@TempDir Path home) {
    ImageSet train = new DatasetRepository(home).load(DatasetId.FASHION_MNIST).train();
    double sum = 0;
    double sumOfSquares = 0;
    for (float v : train.pixels()) {
      sum += v;
      sumOfSquares += (double) v * v;
    }
    double mean = sum / train.pixels().length;
    double std = Math.sqrt(sumOfSquares / train.pixels().length - mean * mean);
    assertThat(mean).isCloseTo(DatasetId.FASHION_MNIST.mean()[0], within(1e-6));
    assertThat(std).isCloseTo(DatasetId.FASHION_MNIST.std()[0], within(1e-6));
    // what an image folder of these images measures for its normalisation
    Normalization measured = Normalization.measure(train);
    assertThat(measured.mean()[0]).isCloseTo(DatasetId.FASHION_MNIST.mean()[0], within(1e-6f));
    assertThat(measured.std()[0]).isCloseTo(DatasetId.FASHION_MNIST.std()[0], within(1e-6f));
  }

  @Test
  void loadsTheRealDataFromAPackageFetchedWithAptGetDownload(@TempDir Path home) {
    DatasetRecipe real = IdxRecipes.fashionMnist();
    DatasetSource apt = real.sources().stream()
        .filter(s -> s instanceof AptDownloadSource).findFirst().orElseThrow();
    DatasetRecipe aptOnly = new DatasetRecipe(
        real.id(), real.files(), List.of(apt), real.assembler(), real.manualFiles());
    DatasetRepository repository = new DatasetRepository(home, (id, dir) -> aptOnly);

    Dataset dataset = repository.load(DatasetId.FASHION_MNIST);

    assertThat(dataset.source()).isEqualTo("apt-get download dataset-fashion-mnist");
    assertRealFashionMnist(dataset);
    assertThat(apt).isEqualTo(new AptDownloadSource(
        "dataset-fashion-mnist", "usr/share/datasets/fashion-mnist", Duration.ofMinutes(5)));
  }

  @Test
  void leavesOnlyTheDecompressedFilesInTheCacheFolder(@TempDir Path home) throws Exception {
    DatasetRepository repository = new DatasetRepository(home);
    repository.load(DatasetId.FASHION_MNIST);
    try (var files = Files.list(repository.cacheDir(DatasetId.FASHION_MNIST))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
              "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    }
  }

  private static void assertRealFashionMnist(Dataset dataset) {
    assertThat(dataset.id()).isEqualTo(DatasetId.FASHION_MNIST);
    for (ImageSet set : List.of(dataset.train(), dataset.test())) {
      assertThat(set.channels()).isEqualTo(1);
      assertThat(set.height()).isEqualTo(28);
      assertThat(set.width()).isEqualTo(28);
      assertThat(set.numClasses()).isEqualTo(10);
    }
    assertThat(dataset.train().size()).isEqualTo(60_000);
    assertThat(dataset.test().size()).isEqualTo(10_000);
    assertThat(dataset.train().classCounts()).containsOnly(6_000);
    assertThat(dataset.test().classCounts()).containsOnly(1_000);
    String documented = Checksum.sha256Hex(
        "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"
            + "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"
            + "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"
            + "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");
    assertThat(dataset.sha256()).isEqualTo(documented).isEqualTo(FASHION_MNIST_SHA256);
  }
}
