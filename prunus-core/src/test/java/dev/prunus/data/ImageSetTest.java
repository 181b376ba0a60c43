package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prunus.InvalidInputException;
import org.junit.jupiter.api.Test;

class ImageSetTest {

  /** Three 2x2x2 images whose values are their flat index. */
  private static ImageSet threeImages() {
    float[] pixels = new float[3 * 8];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = i;
    }
    return new ImageSet(2, 2, 2, pixels, new int[] {0, 2, 1}, 3);
  }

  @Test
  void sizesFollowTheShape() {
    ImageSet set = threeImages();
    assertThat(set.size()).isEqualTo(3);
    assertThat(set.imageSize()).isEqualTo(8);
    assertThat(set.classCounts()).containsExactly(1, 1, 1);
  }

  @Test
  void rejectsPixelsThatDoNotMatchTheLabelsAndShape() {
    assertThatThrownBy(() -> new ImageSet(1, 2, 2, new float[7], new int[2], 2))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("pixels.length=7")
        .hasMessageContaining("= 8");
  }

  @Test
  void rejectsLabelsOutsideTheClasses() {
    assertThatThrownBy(() -> new ImageSet(1, 1, 1, new float[2], new int[] {0, 3}, 3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("labels[1]=3 must be in [0, 3)");
    assertThatThrownBy(() -> new ImageSet(1, 1, 1, new float[1], new int[] {-1}, 3))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new ImageSet(0, 1, 1, new float[0], new int[0], 3))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void subsetCopiesTheChosenImagesInOrder() {
    ImageSet set = threeImages();
    ImageSet subset = set.subset(new int[] {2, 0, 2});
    assertThat(subset.labels()).containsExactly(1, 0, 1);
    assertThat(subset.pixels()).hasSize(24);
    assertThat(subset.pixels()[0]).isEqualTo(16f);
    assertThat(subset.pixels()[8]).isEqualTo(0f);
    subset.pixels()[0] = -1f;
    assertThat(set.pixels()[16]).isEqualTo(16f);
    assertThatThrownBy(() -> set.subset(new int[] {3}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("subset index 3");
  }

  @Test
  void normalizedStandardisesEachChannelAndLeavesTheOriginal() {
    ImageSet set = threeImages();
    ImageSet normalized = set.normalized(new float[] {1f, 2f}, new float[] {2f, 4f});
    // image 1, channel 1, first pixel: flat index 8 + 4 = 12
    assertThat(normalized.pixels()[12]).isCloseTo((12f - 2f) / 4f, within(1e-6f));
    // image 2, channel 0, last pixel: flat index 16 + 3 = 19
    assertThat(normalized.pixels()[19]).isCloseTo((19f - 1f) / 2f, within(1e-6f));
    assertThat(set.pixels()[12]).isEqualTo(12f);
    assertThat(normalized.labels()).containsExactly(set.labels());
  }

  @Test
  void normalizedNeedsOnePositiveStdPerChannel() {
    ImageSet set = threeImages();
    assertThatThrownBy(() -> set.normalized(new float[] {0f}, new float[] {1f}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("one mean and one std per channel");
    assertThatThrownBy(() -> set.normalized(new float[] {0f, 0f}, new float[] {1f, 0f}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("std[1]=0.0");
  }

  @Test
  void equalityComparesContentsBitForBit() {
    assertThat(threeImages()).isEqualTo(threeImages());
    assertThat(threeImages()).hasSameHashCodeAs(threeImages());
    assertThat(threeImages()).isNotEqualTo(threeImages().subset(new int[] {0, 1, 1}));
    assertThat(threeImages().toString()).isEqualTo("ImageSet[3 x 2x2x2, 3 classes]");
  }
}
