package dev.prunus.data;

import java.nio.file.Path;

/** The built-in recipe of each dataset; {@code cacheDir} is where files put by hand are sought. */
final class DatasetCatalog {

  private DatasetCatalog() {}

  static DatasetRecipe recipe(DatasetId id, Path cacheDir) {
    return switch (id) {
      case MNIST -> IdxRecipes.mnist();
      case MNIST_SAMPLE -> MnistSampleRecipe.create();
      case FASHION_MNIST -> IdxRecipes.fashionMnist();
      case CIFAR10 -> CifarRecipes.cifar10(cacheDir);
      case CIFAR100 -> CifarRecipes.cifar100(cacheDir);
    };
  }
}
