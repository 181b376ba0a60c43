package dev.prunus.run;

import dev.prunus.data.DatasetId;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Initialization;
import dev.prunus.model.Weights;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import dev.prunus.train.TrainingConfig;
import java.util.List;

/**
 * Everything that determines a training run's result: the model and how it is built, the dataset, the
 * share of the training set held out for validation, the training configuration (whose seed also seeds
 * the initial weights and the validation split) and how the weights start. Stored in provenance.json, so a
 * run can be resumed or re-evaluated from its directory alone; runs written before {@code init} existed
 * read as {@link Initialization#KAIMING_NORMAL}, which they used.
 */
public record TrainingRunConfig(
    ModelId model, double width, List<Integer> vggHead, DatasetId dataset, double validationFraction,
    TrainingConfig training, Initialization init) {

  /** A run whose weights start {@link Initialization#KAIMING_NORMAL}, Prunus's default. */
  public TrainingRunConfig(ModelId model, double width, List<Integer> vggHead, DatasetId dataset,
      double validationFraction, TrainingConfig training) {
    this(model, width, vggHead, dataset, validationFraction, training, Initialization.KAIMING_NORMAL);
  }

  public TrainingRunConfig {
    vggHead = List.copyOf(vggHead);
    init = init == null ? Initialization.KAIMING_NORMAL : init;
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new dev.prunus.InvalidInputException("validation-fraction=" + validationFraction
          + " must be in [0, 1): e.g. 0.1 holds out a tenth of the training set");
    }
  }

  /** The initial weights of a run of this configuration. */
  public Weights initialWeights() {
    return init.initialize(architecture(), training.seed());
  }

  /** The architecture for this dataset's image shape and class count. */
  public Architecture architecture() {
    FeatureShape input = new FeatureShape(dataset.channels(), dataset.height(), dataset.width());
    return model.build(new ModelOptions(input, dataset.numClasses(), width, vggHead));
  }
}
