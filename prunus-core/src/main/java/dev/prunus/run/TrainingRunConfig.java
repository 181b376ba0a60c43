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
 *
 * <p>The model is a zoo model ({@code model}, {@code width}, {@code vggHead}), or, for a run that
 * fine-tunes or prunes an imported one, {@code imported}: the name the import gave its architecture
 * ({@link ImportConfig#architecture()}; {@code model} is then null). Such a run never builds its
 * architecture: it starts from its parent run's model.
 */
public record TrainingRunConfig(
    ModelId model, double width, List<Integer> vggHead, DatasetRef dataset, double validationFraction,
    TrainingConfig training, Initialization init, String imported) {

  /** A run whose weights start {@link Initialization#KAIMING_NORMAL}, Prunus's default. */
  public TrainingRunConfig(ModelId model, double width, List<Integer> vggHead, DatasetRef dataset,
      double validationFraction, TrainingConfig training) {
    this(model, width, vggHead, dataset, validationFraction, training, Initialization.KAIMING_NORMAL);
  }

  /** A run of zoo model {@code model}. */
  public TrainingRunConfig(ModelId model, double width, List<Integer> vggHead, DatasetRef dataset,
      double validationFraction, TrainingConfig training, Initialization init) {
    this(model, width, vggHead, dataset, validationFraction, training, init, null);
  }

  /** A run that goes on from an imported model named {@code imported}, on {@code dataset}. */
  public static TrainingRunConfig ofImported(String imported, DatasetRef dataset, double validationFraction,
      TrainingConfig training) {
    return new TrainingRunConfig(null, 1, List.of(), dataset, validationFraction, training,
        Initialization.KAIMING_NORMAL, imported);
  }

  public TrainingRunConfig {
    vggHead = vggHead == null ? List.of() : List.copyOf(vggHead);
    init = init == null ? Initialization.KAIMING_NORMAL : init;
    if ((model == null) == (imported == null)) {
      throw new dev.prunus.InvalidInputException("a run trains a zoo model or an imported one: give exactly one of "
          + "model and imported");
    }
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
    checkHeap(architecture());
  }

  /** {@link #checkHeap()} for the model {@code arch} the run starts from (an imported one's). */
  public void checkHeap(Architecture arch) {
    long params = 0;
    long largest = 0;
    for (long[] shape : arch.parameterShapes().values()) {
      long n = Tensor.numel(shape);
      params += n;
      largest = Math.max(largest, n);
    }
    int copies = training.optimizer() instanceof OptimizerConfig.Adam ? 2
        : training.optimizer() instanceof OptimizerConfig.Sgd s && s.momentum() > 0 ? 1 : 0;
    HeapBudget.check(params * (4L * (2 + copies) + 1) + 4 * largest, String.format(Locale.ROOT,
        "training %s at --width %s (%,d parameters)", modelName(), width, params), "lower --width");
  }

  /** The initial weights of a run of this configuration. */
  public Weights initialWeights() {
    return init.initialize(architecture(), training.seed());
  }

  /** The zoo model's name, or the imported model's. */
  public String modelName() {
    return model != null ? model.cliName() : imported;
  }

  /**
   * The architecture for this dataset's image shape and class count.
   *
   * @throws IllegalStateException for an imported model, whose architecture is its run's
   */
  public Architecture architecture() {
    if (model == null) {
      throw new IllegalStateException("the architecture of imported model " + imported + " is its parent run's");
    }
    FeatureShape input = new FeatureShape(dataset.channels(), dataset.height(), dataset.width());
    return model.build(new ModelOptions(input, dataset.numClasses(), width, vggHead));
  }
}
