package dev.prunus.run;

import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetRef;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.train.TrainingConfig;
import java.nio.file.Path;

/**
 * The run a pruning or fine-tuning run starts from, whatever made it: {@code prunus train}, {@code prunus
 * prune} or {@code prunus import}. It gives the child's {@link TrainingRunConfig}: the parent's model (a
 * zoo model or an imported one), on the parent's dataset or, for an imported model, which has none, on
 * the dataset the user names.
 *
 * @param kind the parent's provenance kind: {@code train}, {@code prune} or {@value ImportConfig#KIND}
 * @param training the parent's training configuration; null for an import
 * @param imported the parent's import; null unless {@code kind} is {@value ImportConfig#KIND}
 */
public record ParentRun(RunDirectory directory, String kind, TrainingRunConfig training, ImportConfig imported) {
  /**
   * The run in {@code path}.
   *
   * @throws InvalidInputException if it is not a finished Prunus run
   */
  public static ParentRun open(Path path) {
    RunDirectory dir = RunDirectory.open(path);
    Provenance p = Provenance.read(dir.provenance());
    return switch (p.kind()) {
      case ImportConfig.KIND -> new ParentRun(dir, p.kind(), null, p.configAs(ImportConfig.class));
      case "prune" -> new ParentRun(dir, p.kind(), p.configAs(PruneRunConfig.class).training(), null);
      case "train" -> new ParentRun(dir, p.kind(), TrainingRun.config(p), null);
      default -> throw new InvalidInputException(path + " is a run of kind '" + p.kind() + "', which no model can "
          + "start from: give a run of prunus train, prune or import");
    };
  }

  /** True for a model made by {@code prunus import}, which has no dataset of its own. */
  public boolean isImport() {
    return imported != null;
  }

  /**
   * The configuration of a child run training with {@code training}: the parent's model, on {@code dataset}
   * (null: the parent's), with {@code validationFraction} (null: the parent's, or 0.1 for an import).
   *
   * @throws InvalidInputException for an imported parent without a dataset
   */
  public TrainingRunConfig child(DatasetRef dataset, Double validationFraction, TrainingConfig trainingConfig) {
    if (isImport()) {
      if (dataset == null) {
        throw new InvalidInputException(directory.path() + " holds an imported model, which has no dataset: name the "
            + "data to train and evaluate it on with --dataset (a folder:PATH of your images, or a catalogue dataset)");
      }
      return TrainingRunConfig.ofImported(imported.architecture(), dataset,
          validationFraction == null ? 0.1 : validationFraction, trainingConfig);
    }
    return new TrainingRunConfig(training.model(), training.width(), training.vggHead(),
        dataset == null ? training.dataset() : dataset,
        validationFraction == null ? training.validationFraction() : validationFraction, trainingConfig,
        training.init(), training.imported());
  }

  /**
   * Checks that {@code dataset}'s images and classes fit a model of architecture {@code arch}.
   *
   * @throws InvalidInputException naming both and the fix
   */
  public static void checkFits(Architecture arch, DatasetRef dataset) {
    FeatureShape images = new FeatureShape(dataset.channels(), dataset.height(), dataset.width());
    if (!arch.input().equals(images) || arch.numClasses() != dataset.numClasses()) {
      throw new InvalidInputException("model " + arch.name() + " takes " + arch.input() + " images of "
          + arch.numClasses() + " classes, but " + dataset.cliName() + " has " + images + " images of "
          + dataset.numClasses() + " classes: resize a folder dataset with --image-size " + arch.input().height() + "x"
          + arch.input().width() + " --channels " + arch.input().channels()
          + (arch.numClasses() != dataset.numClasses()
              ? ", and give the model " + dataset.numClasses() + " classes (prunus import --classes "
                  + dataset.numClasses() + ")"
              : ""));
    }
  }
}
