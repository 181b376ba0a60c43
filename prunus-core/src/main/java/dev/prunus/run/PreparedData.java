package dev.prunus.run;

import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetId;
import dev.prunus.data.ImageSet;
import dev.prunus.data.TrainValidationSplit;

/**
 * A dataset made ready for a run: the training set split (seeded, stratified) into train and validation
 * parts, and all three sets normalised with the dataset's per-channel mean and standard deviation. The
 * test set is used only for the final report, never to choose anything.
 */
public record PreparedData(Dataset source, ImageSet train, ImageSet validation, ImageSet test) {
  public static PreparedData of(Dataset d, double validationFraction, long seed) {
    TrainValidationSplit split = TrainValidationSplit.of(d.train(), validationFraction, seed);
    DatasetId id = d.id();
    return new PreparedData(
        d,
        split.train().normalized(id.mean(), id.std()),
        split.validation().normalized(id.mean(), id.std()),
        d.test().normalized(id.mean(), id.std()));
  }

  public Provenance.DatasetReference reference() {
    return new Provenance.DatasetReference(source.id().cliName(), source.sha256(), source.source());
  }

  /**
   * Checks that these are the data a run being resumed used ({@code used}, from its provenance): the same
   * files by SHA-256, so that its continuation computes what the uninterrupted run would have.
   */
  public void checkSameAs(Provenance.DatasetReference used) {
    if (!source.sha256().equals(used.sha256())) {
      throw new dev.prunus.InvalidInputException("the " + source.id().cliName() + " files now have SHA-256 "
          + source.sha256() + " but the run used " + used.sha256() + ": restore the original data");
    }
  }
}
