package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.util.Objects;

/**
 * A training set split into the part a model trains on and a validation part held out from it.
 *
 * <p>The split is seeded, stratified by class and deterministic: the same training set, fraction
 * and seed give the same two sets bit for bit. Each class gives up its share of the validation
 * images (largest-remainder rounding) and a seeded Fisher-Yates shuffle within each class picks
 * them (see {@code StratifiedSplit}). Only the training set is split; the dataset's test set is
 * never touched. Both parts keep the original order of the images.
 */
public record TrainValidationSplit(ImageSet train, ImageSet validation) {

  public TrainValidationSplit {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation");
  }

  /**
   * Holds out {@code round(validationFraction * trainingSet.size())} images, each class
   * contributing in proportion to its size.
   *
   * @throws InvalidInputException if {@code validationFraction} is not in [0, 1)
   */
  public static TrainValidationSplit of(
      ImageSet trainingSet, double validationFraction, long seed) {
    Objects.requireNonNull(trainingSet, "trainingSet");
    if (!(validationFraction >= 0.0 && validationFraction < 1.0)) {
      throw new InvalidInputException(
          "validationFraction=" + validationFraction + " must be in [0, 1): pass a fraction such"
              + " as 0.1 to hold out 10% of the training images, or 0 for no validation set");
    }
    int heldOut = (int) Math.round(validationFraction * trainingSet.size());
    StratifiedSplit.Parts parts =
        StratifiedSplit.split(trainingSet.labels(), trainingSet.numClasses(), heldOut, seed);
    return new TrainValidationSplit(
        trainingSet.subset(parts.kept()), trainingSet.subset(parts.heldOut()));
  }
}
