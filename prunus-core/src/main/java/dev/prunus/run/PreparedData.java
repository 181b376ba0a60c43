package dev.prunus.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.data.Dataset;
import dev.prunus.data.Normalization;
import dev.prunus.data.TrainValidationSplit;
import dev.prunus.data.ImageSet;

/**
 * A dataset made ready for a run: the training set split (seeded, stratified) into train and validation
 * parts, and all three sets normalised with the dataset's per-channel mean and standard deviation. The
 * test set is used only for the final report, never to choose anything.
 */
public record PreparedData(Dataset source, ImageSet train, ImageSet validation, ImageSet test) {
  public static PreparedData of(Dataset d, double validationFraction, long seed) {
    TrainValidationSplit split = TrainValidationSplit.of(d.train(), validationFraction, seed);
    Normalization n = d.normalization();
    return new PreparedData(d, n.apply(split.train()), n.apply(split.validation()), n.apply(d.test()));
  }

  /**
   * Adds {@code data} to a run's metrics: the data's SHA-256, the normalisation the images were
   * standardised with, and (image folders) the class names by index.
   */
  public void describeIn(ObjectNode metrics) {
    ObjectNode data = metrics.putObject("data");
    data.put("sha256", source.sha256());
    data.set("normalization", Json.MAPPER.valueToTree(source.normalization()));
    if (!source.id().classNames().isEmpty()) {
      data.set("classes", Json.MAPPER.valueToTree(source.id().classNames()));
    }
  }

  public Provenance.DatasetReference reference() {
    return new Provenance.DatasetReference(source.id().cliName(), source.sha256(), source.source(),
        source.normalization(), source.id().classNames().isEmpty() ? null : source.id().classNames());
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
