package dev.prunus.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetId;
import dev.prunus.data.ImageFolder;
import dev.prunus.data.Normalization;
import dev.prunus.prune.MethodRegistry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment file may name image folders beside catalogue datasets; their runs are named by a short name. */
class ExperimentFolderDatasetTest {
  @TempDir Path dir;

  @BeforeEach
  void folders() throws IOException {
    for (String path : List.of("data/shapes/circle/1.png", "data/shapes/square/1.png", "other/shapes/a/1.png",
        "other/shapes/b/1.png")) {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      ImageIO.write(new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }
  }

  private ExperimentSpec read(String datasets) throws IOException {
    Path file = Files.writeString(dir.resolve("exp.yaml"), "models: [lenet5]\n" + datasets
        + "densities: [0.5]\nmethods: [magnitude]\n");
    return ExperimentFile.read(file, MethodRegistry.standard());
  }

  @Test
  void foldersAreReadBesideCatalogueNamesWithPathsFromTheFilesFolder() throws IOException {
    ExperimentSpec s = read("""
        datasets:
          - mnist-sample
          - folder:data/shapes
          - folder: other/shapes
            image-size: 28x28
            channels: 1
            mean: [0.5]
            std: 0.25
            test-fraction: 0.5
            name: other
        """);
    assertThat(s.datasets()).hasSize(3);
    assertThat(s.datasets().get(0)).isSameAs(DatasetId.MNIST_SAMPLE);
    ImageFolder plain = (ImageFolder) s.datasets().get(1);
    assertThat(plain.root()).isEqualTo(dir.resolve("data/shapes").toAbsolutePath());
    assertThat(plain.classNames()).containsExactly("circle", "square");
    assertThat(new int[] {plain.channels(), plain.height(), plain.width()}).containsExactly(3, 10, 12);
    assertThat(plain.normalization()).isNull();
    ImageFolder given = (ImageFolder) s.datasets().get(2);
    assertThat(new int[] {given.channels(), given.height(), given.width()}).containsExactly(1, 28, 28);
    assertThat(given.normalization()).isEqualTo(new Normalization(new float[] {0.5f}, new float[] {0.25f}));
    assertThat(given.testFraction()).isEqualTo(0.5);
    assertThat(ExperimentGrid.expand(s, dir.resolve("out"))).extracting(PlannedRun::id).contains(
        "dense/lenet5_mnist-sample_s1", "dense/lenet5_shapes_s1", "dense/lenet5_other_s1",
        "magnitude/lenet5_other_d0.5_s1");
  }

  @Test
  void twoFoldersWithOneNameOrABadKeyAreRefusedAtTheirLine() {
    assertThatThrownBy(() -> read("datasets: [folder:data/shapes, folder:other/shapes]\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("two datasets are named 'shapes' in run directories: give the folder a distinct `name:`");
    assertThatThrownBy(() -> read("datasets:\n  - folder: data/shapes\n    colour: red\n"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("exp.yaml:4: unknown key 'colour' in datasets[0]");
    assertThatThrownBy(() -> read("datasets:\n  - folder: data/shapes\n    image-size: big\n"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("image-size='big' must be HxW");
    assertThatThrownBy(() -> read("datasets: [folder:missing]\n"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("missing does not exist");
  }
}
