package dev.prunus.data;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The recipes of the IDX datasets, MNIST and Fashion-MNIST: four files, {@code
 * train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and
 * {@code t10k-labels-idx1-ubyte} (60,000 and 10,000 images of 28x28; see {@link IdxReader}).
 *
 * <p>Fashion-MNIST is verified by the SHA-256 of each decompressed file (confirmed on the files
 * of the Debian package), so every source and compression is held to the same bytes. Its sources
 * are tried local first, not URLs first, so
 * that a machine that has the data never waits on the network: the installed Debian package
 * {@code dataset-fashion-mnist} ({@code /usr/share/datasets/fashion-mnist}, gzipped files), then
 * the Fashion-MNIST project's URLs, then {@code apt-get download dataset-fashion-mnist}.
 *
 * <p>MNIST has no trusted SHA-256 of its decompressed files here, so a download is verified by the
 * MD5 of each .gz archive as published (the values torchvision's {@code MNIST.resources} lists),
 * and the decompressed files, including files put by hand into the cache folder, by their exact
 * sizes, magic numbers and header counts; label ranges are checked when they are read.
 */
final class IdxRecipes {
  static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
  static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  /** SHA-256 of Fashion-MNIST's decompressed files, in the order above. */
  static final List<Checksum> FASHION_MNIST_SHA256 = List.of(
      Checksum.sha256("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
      Checksum.sha256("bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
      Checksum.sha256("5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
      Checksum.sha256("0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"));

  /** MD5 of MNIST's published .gz archives, in the order above (torchvision's values). */
  static final List<Checksum> MNIST_GZ_MD5 = List.of(
      Checksum.md5("f68b3c2dcbeaaa9fbdd348bbdeb94873"),
      Checksum.md5("d53e105ee54ea40749a09fcbcd1e9432"),
      Checksum.md5("9fb629c4189551a2d022fa330f9573f3"),
      Checksum.md5("ec29112dd5afa0611ce80d1b7f02629c"));

  static final Path FASHION_MNIST_DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");
  static final String FASHION_MNIST_PACKAGE = "dataset-fashion-mnist";
  static final String FASHION_MNIST_URL =
      "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
  static final List<String> MNIST_MIRRORS = List.of(
      "http://yann.lecun.com/exdb/mnist/", "https://ossci-datasets.s3.amazonaws.com/mnist/");

  private static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(5);

  private IdxRecipes() {}

  static DatasetRecipe fashionMnist() {
    List<DatasetSource> sources = List.of(
        new LocalDirectorySource(
            FASHION_MNIST_DEBIAN_DIR,
            "debian package " + FASHION_MNIST_PACKAGE + " (installed, " + FASHION_MNIST_DEBIAN_DIR
                + ")"),
        new MirrorSource(
            "Fashion-MNIST project URLs (" + FASHION_MNIST_URL + ")",
            List.of(FASHION_MNIST_URL), remoteGz(null)),
        new AptDownloadSource(
            FASHION_MNIST_PACKAGE, "usr/share/datasets/fashion-mnist", CLIENT_TIMEOUT));
    return recipe(DatasetId.FASHION_MNIST, 60_000, 10_000, FASHION_MNIST_SHA256, sources);
  }

  static DatasetRecipe mnist() {
    List<DatasetSource> sources = List.of(
        new MirrorSource(
            "MNIST mirrors (" + String.join(", ", MNIST_MIRRORS) + ")",
            MNIST_MIRRORS, remoteGz(MNIST_GZ_MD5)));
    return recipe(DatasetId.MNIST, 60_000, 10_000, null, sources);
  }

  /**
   * An IDX recipe with the given image counts.
   *
   * @param contentSha256 SHA-256 of the four decompressed files in the order above, or null
   */
  static DatasetRecipe recipe(
      DatasetId id, int trainCount, int testCount, List<Checksum> contentSha256,
      List<DatasetSource> sources) {
    int rows = id.height();
    int cols = id.width();
    List<ExpectedFile> files = List.of(
        new ExpectedFile(
            TRAIN_IMAGES, IdxReader.IMAGES_HEADER + (long) trainCount * rows * cols,
            checksum(contentSha256, 0), FormatCheck.idxImages(trainCount, rows, cols)),
        new ExpectedFile(
            TRAIN_LABELS, IdxReader.LABELS_HEADER + (long) trainCount,
            checksum(contentSha256, 1), FormatCheck.idxLabels(trainCount)),
        new ExpectedFile(
            TEST_IMAGES, IdxReader.IMAGES_HEADER + (long) testCount * rows * cols,
            checksum(contentSha256, 2), FormatCheck.idxImages(testCount, rows, cols)),
        new ExpectedFile(
            TEST_LABELS, IdxReader.LABELS_HEADER + (long) testCount,
            checksum(contentSha256, 3), FormatCheck.idxLabels(testCount)));
    DatasetRecipe.Assembler assembler = paths -> new DatasetRecipe.Parts(
        IdxReader.read(paths.get(0), paths.get(1), id.numClasses()),
        IdxReader.read(paths.get(2), paths.get(3), id.numClasses()));
    return new DatasetRecipe(
        id, files, sources, assembler, DatasetRecipe.plainOrGzipped(files));
  }

  private static Checksum checksum(List<Checksum> checksums, int index) {
    return checksums == null ? null : checksums.get(index);
  }

  private static List<RemoteFile> remoteGz(List<Checksum> md5s) {
    List<String> names = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    List<RemoteFile> files = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      files.add(new RemoteFile(names.get(i) + ".gz", md5s == null ? null : md5s.get(i)));
    }
    return files;
  }
}
