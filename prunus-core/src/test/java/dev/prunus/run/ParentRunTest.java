package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetId;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether a dataset fits a model a run starts from, and the refusal when it does not. */
class ParentRunTest {
  @Test
  void aDatasetFitsAModelOfItsImagesAndClasses() {
    ParentRun.checkFits(ModelId.LENET5.build(), DatasetId.FASHION_MNIST);
    Architecture cifar = ModelId.RESNET20.build(new ModelOptions(new FeatureShape(3, 32, 32), 100, 0.25, List.of()));
    ParentRun.checkFits(cifar, DatasetId.CIFAR100);
  }

  @Test
  void aDatasetOfOtherImagesOrClassesIsRefusedWithTheFix() {
    assertThatThrownBy(() -> ParentRun.checkFits(ModelId.RESNET20.build(), DatasetId.MNIST_SAMPLE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("takes 3x32x32 images of 10 classes, but mnist-sample has 1x28x28 images of 10")
        .hasMessageContaining("--image-size 32x32 --channels 3")
        .hasMessageNotContaining("--classes");
    assertThatThrownBy(() -> ParentRun.checkFits(ModelId.RESNET20.build(), DatasetId.CIFAR100))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("give the model 100 classes (prunus import --classes 100)");
  }

  @Test
  void aRunOfAnImportedModelNamesItsArchitectureNotAZooModel() {
    TrainingRunConfig c = TrainingRunConfig.ofImported("resnet18", DatasetId.CIFAR10, 0.1,
        new dev.prunus.train.TrainingConfig(1, 32, new dev.prunus.train.OptimizerConfig.Sgd(0.01, 0.9, false, 0),
            dev.prunus.train.LearningRateSchedule.parse("constant"), 1, false));
    assertThat(c.modelName()).isEqualTo("resnet18");
    assertThat(c.model()).isNull();
    assertThatThrownBy(c::architecture).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is its parent run's");
    assertThatThrownBy(() -> new TrainingRunConfig(ModelId.LENET5, 1, List.of(), DatasetId.MNIST, 0.1, c.training(),
        c.init(), "resnet18")).isInstanceOf(InvalidInputException.class).hasMessageContaining("exactly one of");
  }
}
