package dev.prunus.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.data.Dataset;
import dev.prunus.data.ImageSet;
import dev.prunus.data.InMemoryImages;
import dev.prunus.data.Normalization;
import dev.prunus.data.TrainValidationSplit;
import dev.prunus.prune.schedule.Schedule;

/**
 * A dataset made ready for a run: the training set split (seeded, stratified) into train and validation
 * parts, and all three sets normalised with the dataset's per-channel mean and standard deviation. The
 * test set is used only for the final report, never to choose anything.
 *
 * <p>The data may be a loaded {@link Dataset} (the catalogue's, an image folder) or any images a Java
 * program holds: {@code PreparedData.of(train, test, 0.1, 42)} for {@link ImageSet}s of any shape.
 */
public record PreparedData(Dataset source, ImageSet train, ImageSet validation, ImageSet test) {
  /**
   * {@code d}'s training images split into train and validation, all three sets standardised with
   * {@code d}'s normalisation.
   *
   * @param validationFraction the share of the training images held out for validation, in [0, 1)
   * @param seed the seed of the split
   */
  public static PreparedData of(Dataset d, double validationFraction, long seed) {
    TrainValidationSplit split = TrainValidationSplit.of(d.train(), validationFraction, seed);
    Normalization n = d.normalization();
    return new PreparedData(d, n.apply(split.train()), n.apply(split.validation()), n.apply(d.test()));
  }

  /**
   * Images held in memory, prepared as a dataset's are: {@code train} split into train and validation, and
   * all standardised with the per-channel mean and standard deviation measured on all of {@code train}.
   * Pixels are expected in [0, 1], as datasets are read; the two sets must have the same image shape and
   * class count.
   *
   * @throws dev.prunus.InvalidInputException for sets of different shapes or class counts, a channel with
   *     no spread, or a fraction outside [0, 1)
   */
  public static PreparedData of(ImageSet train, ImageSet test, double validationFraction, long seed) {
    return of(train, test, Normalization.measure(train), validationFraction, seed);
  }

  /** As {@link #of(ImageSet, ImageSet, double, long)}, standardised with {@code normalization}. */
  public static PreparedData of(ImageSet train, ImageSet test, Normalization normalization, double validationFraction,
      long seed) {
    Dataset d = new Dataset(InMemoryImages.like("images", train), train, test, InMemoryImages.sha256(train, test),
        "in-memory images", normalization);
    return of(d, validationFraction, seed);
  }

  /** The three sets, as a pruning {@link Schedule} takes them. */
  public Schedule.Data splits() {
    return new Schedule.Data(train, validation, test);
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
