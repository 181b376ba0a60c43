package dev.prunus.run;

import dev.prunus.data.DatasetId;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import dev.prunus.train.TrainingConfig;
import java.util.List;

/**
 * Everything that determines a training run's result: the model and how it is built, the dataset, the
 * share of the training set held out for validation, and the training configuration (whose seed also
 * seeds the initial weights and the validation split). Stored in provenance.json, so a run can be resumed
 * or re-evaluated from its directory alone.
 */
public record TrainingRunConfig(
    ModelId model, double width, List<Integer> vggHead, DatasetId dataset, double validationFraction,
    TrainingConfig training) {

  public TrainingRunConfig {
    vggHead = List.copyOf(vggHead);
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new dev.prunus.InvalidInputException("validation-fraction=" + validationFraction
          + " must be in [0, 1): e.g. 0.1 holds out a tenth of the training set");
    }
  }

  /** The architecture for this dataset's image shape and class count. */
  public Architecture architecture() {
    FeatureShape input = new FeatureShape(dataset.channels(), dataset.height(), dataset.width());
    return model.build(new ModelOptions(input, dataset.numClasses(), width, vggHead));
  }
}
