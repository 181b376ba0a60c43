package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainValidationSplitTest {

  /** {@code count} 1x1x1 images whose single value is their index, labels cycling over 3. */
  private static ImageSet indexed(int count, int[] labels) {
    float[] pixels = new float[count];
    for (int i = 0; i < count; i++) {
      pixels[i] = i;
    }
    return new ImageSet(1, 1, 1, pixels, labels, 3);
  }

  private static ImageSet unbalanced() {
    // 60 of class 0, 30 of class 1, 10 of class 2, interleaved
    int[] labels = new int[100];
    for (int i = 0; i < 100; i++) {
      labels[i] = i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2;
    }
    return indexed(100, labels);
  }

  @Test
  void theSameSeedGivesTheSameSplitBitForBit() {
    TrainValidationSplit a = TrainValidationSplit.of(unbalanced(), 0.2, 42);
    TrainValidationSplit b = TrainValidationSplit.of(unbalanced(), 0.2, 42);
    assertThat(a).isEqualTo(b);
    TrainValidationSplit c = TrainValidationSplit.of(unbalanced(), 0.2, 43);
    assertThat(c.validation()).isNotEqualTo(a.validation());
  }

  @Test
  void eachClassGivesItsShareAndTheTwoPartsCoverTheSetOnce() {
    TrainValidationSplit split = TrainValidationSplit.of(unbalanced(), 0.2, 7);
    assertThat(split.validation().size()).isEqualTo(20);
    assertThat(split.train().size()).isEqualTo(80);
    assertThat(split.validation().classCounts()).containsExactly(12, 6, 2);
    Set<Float> seen = new HashSet<>();
    for (float v : split.train().pixels()) {
      seen.add(v);
    }
    for (float v : split.validation().pixels()) {
      assertThat(seen.add(v)).as("image %s in both parts", v).isTrue();
    }
    assertThat(seen).hasSize(100);
    float[] train = split.train().pixels();
    float[] sorted = train.clone();
    Arrays.sort(sorted);
    assertThat(train).as("original order kept").containsExactly(sorted);
  }

  @Test
  void fractionZeroHoldsNothingOut() {
    TrainValidationSplit split = TrainValidationSplit.of(unbalanced(), 0.0, 1);
    assertThat(split.validation().size()).isZero();
    assertThat(split.train()).isEqualTo(unbalanced());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.0, 1.5, Double.NaN})
  void aFractionOutsideZeroToOneIsRejectedWithTheRule(double fraction) {
    assertThatThrownBy(() -> TrainValidationSplit.of(unbalanced(), fraction, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("validationFraction=" + fraction + " must be in [0, 1)");
  }

  @Test
  void sharesAreRoundedByLargestRemainderToTheExactTotal() {
    // 3 classes of sizes 1, 1, 1; hold out 2: remainders tie, lower classes win
    StratifiedSplit.Parts parts = StratifiedSplit.split(new int[] {2, 1, 0}, 3, 2, 5);
    assertThat(parts.heldOut()).containsExactly(1, 2);
    assertThat(parts.kept()).containsExactly(0);
    assertThatThrownBy(() -> StratifiedSplit.split(new int[] {0}, 1, 2, 5))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("held-out count 2 must be in [0, 1]");
  }
}
