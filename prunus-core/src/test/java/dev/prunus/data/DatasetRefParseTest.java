package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a person names a dataset: a catalogue name, or folder:PATH with the folder's options. */
class DatasetRefParseTest {
  private static final ImageFolderOptions GREY_28 = new ImageFolderOptions("28x28", 1, null, null, null, null, null);

  @Test
  void aCatalogueNameOrAFolderRelativeToTheBase(@TempDir Path base) {
    assertThat(DatasetRef.parse(" Fashion-MNIST ", ImageFolderOptions.DEFAULTS, base)).isSameAs(DatasetId.FASHION_MNIST);
    ImageFiles.png(base.resolve("shapes/circle/1.png"), ImageFiles.solid(5, 7, 0));
    ImageFiles.png(base.resolve("shapes/square/1.png"), ImageFiles.solid(5, 7, 0));
    ImageFolder f = (ImageFolder) DatasetRef.parse("folder:shapes", GREY_28, base);
    assertThat(f.root()).isEqualTo(base.resolve("shapes").toAbsolutePath());
    assertThat(f.cliName()).isEqualTo("folder:" + base.resolve("shapes").toAbsolutePath());
    assertThat(f.shortName()).isEqualTo("shapes");
    assertThat(new int[] {f.channels(), f.height(), f.width(), f.numClasses()}).containsExactly(1, 28, 28, 2);
    ImageFolder defaults = (ImageFolder) DatasetRef.parse("folder:" + base.resolve("shapes"), ImageFolderOptions.DEFAULTS,
        null);
    assertThat(new int[] {defaults.channels(), defaults.height(), defaults.width()}).containsExactly(3, 7, 5);
  }

  @Test
  void folderOptionsNeedAFolderAndAFolderNeedsAPath() {
    assertThatThrownBy(() -> DatasetRef.parse("mnist", GREY_28, null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("apply to folder:PATH datasets only; mnist has fixed images: drop them");
    assertThatThrownBy(() -> DatasetRef.parse(null, GREY_28, null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("name one with folder:PATH");
    assertThatThrownBy(() -> DatasetRef.parse("folder: ", ImageFolderOptions.DEFAULTS, null))
        .hasMessageContaining("folder: needs a path");
    assertThatThrownBy(() -> DatasetRef.parse("mnst", ImageFolderOptions.DEFAULTS, null))
        .hasMessageContaining("unknown dataset 'mnst': valid datasets are mnist, mnist-sample");
    assertThatThrownBy(() -> new ImageFolderOptions(null, null, null, "0.5", null, null, null).build(Path.of(".")))
        .hasMessageContaining("give both mean and std");
  }
}
