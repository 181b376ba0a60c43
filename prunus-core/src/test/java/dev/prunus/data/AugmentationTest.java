package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {
  private static final int N = 6;
  private static final int C = 3;
  private static final int H = 5;
  private static final int W = 4;

  /** A batch whose values are distinct and positive: 1 + flat index. */
  private static float[] batch() {
    float[] batch = new float[N * C * H * W];
    for (int i = 0; i < batch.length; i++) {
      batch[i] = 1 + i;
    }
    return batch;
  }

  private static float at(float[] batch, int n, int c, int y, int x) {
    return batch[((n * C + c) * H + y) * W + x];
  }

  @Test
  void padZeroWithoutFlipIsTheIdentity() {
    float[] batch = batch();
    Augmentation.randomCropFlip(batch, N, C, H, W, 0, 0.0, null, new SplittableRandom(1));
    assertThat(batch).containsExactly(batch());
  }

  @Test
  void aCertainFlipReversesEveryRow() {
    float[] batch = batch();
    float[] original = batch();
    Augmentation.randomCropFlip(batch, N, C, H, W, 0, 1.0, null, new SplittableRandom(1));
    for (int n = 0; n < N; n++) {
      for (int c = 0; c < C; c++) {
        for (int y = 0; y < H; y++) {
          for (int x = 0; x < W; x++) {
            assertThat(at(batch, n, c, y, x)).isEqualTo(at(original, n, c, y, W - 1 - x));
          }
        }
      }
    }
  }

  @Test
  void aCropShiftsEachImageAsAWholeAndFillsTheBorderWithZero() {
    float[] original = batch();
    Set<String> shifts = new HashSet<>();
    SplittableRandom rng = new SplittableRandom(3);
    for (int round = 0; round < 10; round++) {
      float[] batch = batch();
      Augmentation.randomCropFlip(batch, N, C, H, W, 2, 0.0, null, rng);
      assertThat(batch).hasSize(original.length);
      for (int n = 0; n < N; n++) {
        shifts.add(findShift(batch, original, n, 2, new float[C]));
      }
    }
    assertThat(shifts).as("offsets seen").hasSizeGreaterThan(5).contains("0,0");
  }

  @Test
  void aPerChannelFillPadsEachChannelWithItsValue() {
    float[] batch = batch();
    float[] fill = {-1f, -2f, -3f};
    Augmentation.randomCropFlip(batch, N, C, H, W, 3, 0.0, fill, new SplittableRandom(11));
    for (int n = 0; n < N; n++) {
      assertThat(findShift(batch, batch(), n, 3, fill)).matches("-?\\d,-?\\d");
    }
  }

  @Test
  void theSameRandomStateGivesTheSameBatch() {
    float[] a = batch();
    float[] b = batch();
    Augmentation.randomCropFlip(a, N, C, H, W, 4, new SplittableRandom(9));
    Augmentation.randomCropFlip(b, N, C, H, W, 4, new SplittableRandom(9));
    assertThat(a).containsExactly(b);
    assertThat(a).isNotEqualTo(batch());
  }

  @Test
  void leavesValuesBeyondTheBatchAlone() {
    float[] buffer = new float[(N + 1) * C * H * W];
    java.util.Arrays.fill(buffer, 5f);
    Augmentation.randomCropFlip(buffer, N, C, H, W, 4, new SplittableRandom(2));
    for (int i = N * C * H * W; i < buffer.length; i++) {
      assertThat(buffer[i]).isEqualTo(5f);
    }
  }

  @Test
  void rejectsBadArgumentsWithTheRule() {
    SplittableRandom rng = new SplittableRandom(1);
    assertThatThrownBy(() -> Augmentation.randomCropFlip(new float[10], 1, 3, 2, 2, 1, rng))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs 12");
    assertThatThrownBy(() -> Augmentation.randomCropFlip(new float[12], 1, 3, 2, 2, -1, rng))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("pad=-1 must be >= 0");
    assertThatThrownBy(() -> Augmentation.randomCropFlip(
        new float[12], 1, 3, 2, 2, 1, 1.5, null, rng))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("flipProbability=1.5 must be in [0, 1]");
    assertThatThrownBy(() -> Augmentation.randomCropFlip(
        new float[12], 1, 3, 2, 2, 1, 0.5, new float[2], rng))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("one per channel (3)");
  }

  /** The offset "dy,dx" under which image n of batch is original's image n shifted and padded. */
  private static String findShift(float[] batch, float[] original, int n, int pad, float[] fill) {
    for (int dy = -pad; dy <= pad; dy++) {
      for (int dx = -pad; dx <= pad; dx++) {
        if (matches(batch, original, n, dy, dx, fill)) {
          return dy + "," + dx;
        }
      }
    }
    throw new AssertionError("image " + n + " is not a shifted copy of the original");
  }

  private static boolean matches(float[] batch, float[] original, int n, int dy, int dx,
      float[] fill) {
    for (int c = 0; c < C; c++) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int sy = y + dy;
          int sx = x + dx;
          float expected = sy >= 0 && sy < H && sx >= 0 && sx < W
              ? at(original, n, c, sy, sx) : fill[c];
          if (at(batch, n, c, y, x) != expected) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
