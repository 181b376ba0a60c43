package dev.prunus.run;

import dev.prunus.HeapBudget;
import dev.prunus.data.DatasetRef;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Initialization;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;
import java.util.List;
import java.util.Locale;

/**
 * Everything that determines a training run's result: the model and how it is built, the dataset, the
 * share of the training set held out for validation, the training configuration (whose seed also seeds
 * the initial weights and the validation split) and how the weights start. Stored in provenance.json, so a
 * run can be resumed or re-evaluated from its directory alone; runs written before {@code init} existed
 * read as {@link Initialization#KAIMING_NORMAL}, which they used.
 */
public record TrainingRunConfig(
    ModelId model, double width, List<Integer> vggHead, DatasetRef dataset, double validationFraction,
    TrainingConfig training, Initialization init) {

  /** A run whose weights start {@link Initialization#KAIMING_NORMAL}, Prunus's default. */
  public TrainingRunConfig(ModelId model, double width, List<Integer> vggHead, DatasetRef dataset,
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

  /**
   * Checks, before anything is built, that training this model fits the Java heap ({@link HeapBudget}).
   * At a checkpoint the heap holds the initial weights, the current weights, the optimiser's state (SGD
   * with momentum one copy, Adam two), a byte of mask per parameter, and the bytes of the largest tensor
   * being written: {@code params * (4 * (2 + copies) + 1) + 4 * largest}. The activations live in
   * libtorch's memory, outside the heap.
   */
  public void checkHeap() {
    long params = 0;
    long largest = 0;
    for (long[] shape : architecture().parameterShapes().values()) {
      long n = Tensor.numel(shape);
      params += n;
      largest = Math.max(largest, n);
    }
    int copies = training.optimizer() instanceof OptimizerConfig.Adam ? 2
        : training.optimizer() instanceof OptimizerConfig.Sgd s && s.momentum() > 0 ? 1 : 0;
    HeapBudget.check(params * (4L * (2 + copies) + 1) + 4 * largest, String.format(Locale.ROOT,
        "training %s at --width %s (%,d parameters)", model.cliName(), width, params), "lower --width");
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
