package dev.prunus.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything the repository needs to know about one dataset: the files it keeps in the cache (in
 * the fixed order that defines {@link Dataset#sha256()}), the sources to try when the cache lacks
 * them, how to turn the cached files into train and test images, and which files a person can put
 * into the cache folder by hand.
 */
record DatasetRecipe(
    DatasetId id,
    List<ExpectedFile> files,
    List<DatasetSource> sources,
    Assembler assembler,
    String manualFiles) {

  /** Reads the verified cached files (given in the order of {@link #files}) into images. */
  @FunctionalInterface
  interface Assembler {
    Parts assemble(List<Path> files) throws IOException;
  }

  /** The training and test images of a dataset. */
  record Parts(ImageSet train, ImageSet test) {}

  DatasetRecipe {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(assembler, "assembler");
    Objects.requireNonNull(manualFiles, "manualFiles");
    files = List.copyOf(files);
    sources = List.copyOf(sources);
  }

  /** "a, b, c and d (raw, or gzipped as NAME.gz)" for the cached files. */
  static String plainOrGzipped(List<ExpectedFile> files) {
    List<String> names = files.stream().map(ExpectedFile::name).toList();
    String joined = names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and "
            + names.get(names.size() - 1);
    return joined + " (raw, or gzipped as NAME.gz)";
  }
}
