package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetId;
import dev.prunus.io.ModelFile;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningTarget;
import dev.prunus.train.LearningRateSchedule;
import dev.prunus.train.OptimizerConfig;
import dev.prunus.train.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A model file is read as part of its run only if it is that run's: the zoo model, width, input and classes
 * its provenance records, and, for stamped files, the dataset and seed (which draws the validation split).
 */
class RunFileCheckTest {
  private static TrainingRunConfig config(ModelId m, DatasetId d, long seed) {
    return new TrainingRunConfig(m, 0.5, List.of(), d, 0.1, new TrainingConfig(1, 32,
        new OptimizerConfig.Sgd(0.01, 0.9, false, 0), new LearningRateSchedule.Constant(), seed, false));
  }

  /** A run directory whose provenance records {@code config}, holding nothing else yet. */
  private static RunDirectory run(Path dir, TrainingRunConfig config) throws Exception {
    Files.createDirectories(dir);
    new Provenance("train", List.of("prunus", "train"), Json.MAPPER.valueToTree(config), config.training().seed(),
        new Provenance.DatasetReference(config.dataset().cliName(), "0".repeat(64), "test"), Map.of(), null, "now")
        .write(dir.resolve(RunDirectory.PROVENANCE));
    return new RunDirectory(dir);
  }

  private static Model model(TrainingRunConfig c) {
    return new Model(c.architecture(), c.initialWeights());
  }

  /** A model file as a run of {@code c} writes it: stamped. */
  private static void write(Path file, Model m, TrainingRunConfig c) {
    ModelFile.write(file, m, Map.of(), RunFileCheck.stamped(Json.MAPPER.createObjectNode(), c));
  }

  @ParameterizedTest
  @EnumSource(ModelId.class)
  void everyZooArchitectureIsNamedAsItsModel(ModelId m) {
    assertThat(m.build().name()).isEqualTo(m.cliName());
  }

  @Test
  void theRunsOwnFileIsRead(@TempDir Path tmp) throws Exception {
    TrainingRunConfig c = config(ModelId.LENET5, DatasetId.FASHION_MNIST, 1);
    RunDirectory run = run(tmp.resolve("run"), c);
    write(run.model(), model(c), c);
    assertThat(run.readModel().architecture()).isEqualTo(c.architecture());
  }

  @Test
  void aModelOfAnotherArchitectureIsRefusedNamingBothFiles(@TempDir Path tmp) throws Exception {
    TrainingRunConfig c = config(ModelId.LENET5, DatasetId.FASHION_MNIST, 1);
    RunDirectory run = run(tmp.resolve("run"), c);
    TrainingRunConfig other = config(ModelId.LENET_300_100, DatasetId.FASHION_MNIST, 1);
    write(run.model(), model(other), other);
    assertThatThrownBy(run::readModel).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(run.model() + " does not belong to its run: it holds lenet-300-100 (width 0.5, input 1x28x28, "
            + "10 classes) trained on fashion-mnist, seed 1, but " + run.provenance() + " records lenet5 (width 0.5) on "
            + "fashion-mnist, seed 1 (model lenet-300-100, not lenet5)");
  }

  /** MNIST and Fashion-MNIST have the same shape: only the stamp tells them apart. */
  @Test
  void aModelOfAnotherDatasetOrSeedIsRefusedByItsStamp(@TempDir Path tmp) throws Exception {
    TrainingRunConfig c = config(ModelId.LENET5, DatasetId.FASHION_MNIST, 1);
    RunDirectory run = run(tmp.resolve("run"), c);
    TrainingRunConfig mnist = config(ModelId.LENET5, DatasetId.MNIST, 1);
    write(run.checkpoint(), model(mnist), mnist);
    assertThatThrownBy(() -> run.readModelFile(run.checkpoint())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("(dataset mnist, not fashion-mnist)");
    TrainingRunConfig seed2 = config(ModelId.LENET5, DatasetId.FASHION_MNIST, 2);
    write(run.initial(), model(seed2), seed2);
    assertThatThrownBy(() -> run.readModelFile(run.initial())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("(seed 2, not 1 (the seed draws the validation split))");
    ModelFile.write(run.initial(), model(seed2)); // unstamped, as files written before the stamp: architecture only
    assertThat(run.readModelFile(run.initial()).model().architecture()).isEqualTo(c.architecture());
  }

  @Test
  void aModelOfAnotherWidthOrShapeIsRefused(@TempDir Path tmp) throws Exception {
    TrainingRunConfig c = config(ModelId.LENET5, DatasetId.FASHION_MNIST, 1);
    RunDirectory run = run(tmp.resolve("run"), c);
    TrainingRunConfig cifar = config(ModelId.LENET5, DatasetId.CIFAR10, 1);
    ModelFile.write(run.model(), model(cifar));
    assertThatThrownBy(run::readModel).hasMessageContaining("input 3x32x32 with 10 classes, not fashion-mnist's 1x28x28 with 10");
    TrainingRunConfig wide = new TrainingRunConfig(ModelId.LENET5, 1.0, List.of(), DatasetId.FASHION_MNIST, 0.1,
        c.training());
    ModelFile.write(run.model(), model(wide));
    assertThatThrownBy(run::readModel).hasMessageContaining("width 1.0, not 0.5");
  }

  /** A pruning run with --compact saves a smaller architecture of the same model: still its own. */
  @Test
  void aCompactedModelOfTheRunIsRead(@TempDir Path tmp) throws Exception {
    TrainingRunConfig c = config(ModelId.LENET_300_100, DatasetId.FASHION_MNIST, 1);
    RunDirectory run = run(tmp.resolve("run"), c);
    Model m = model(c);
    PruningPlan halve = MethodRegistry.standard().create("l1-structured", Map.of())
        .plan(m, PruningContext.withoutData(PruningTarget.ofDensity(0.5), 1));
    Model compact = Compactor.compact(MaskApplier.apply(m, halve));
    assertThat(compact.architecture().name()).isEqualTo("lenet-300-100" + Compactor.SUFFIX);
    write(run.model(), compact, c);
    assertThat(run.readModel().architecture()).isEqualTo(compact.architecture());
  }
}
