package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The resampling filter against PyTorch 1.13's {@code interpolate(mode="bilinear", align_corners=False,
 * antialias=True)} and torchvision 0.14's {@code Resize(S) + CenterCrop(S)} on float tensors (the
 * oracle: the values below were printed by them for the input {@link #ramp}), and its invariants.
 */
class ImageResizeTest {
  /** The oracle's input: value {@code ((i * 37) % 101) / 100} at flat index i of [c, h, w]. */
  static float[] ramp(int c, int h, int w) {
    float[] x = new float[c * h * w];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (((i * 37) % 101) / 100.0);
    }
    return x;
  }

  @Test
  void shrinkingMatchesPyTorchAntialiasedBilinear() {
    assertThat(ImageResize.resize(ramp(1, 7, 5), 1, 7, 5, 3, 4)).containsExactly(new float[] {
        0.433750000f, 0.378452381f, 0.599702381f, 0.394107143f, 0.518235294f, 0.454803922f, 0.470588235f,
        0.654705882f, 0.498750000f, 0.569702381f, 0.412202381f, 0.513214286f}, within(2e-7f));
    assertThat(ImageResize.resize(ramp(1, 10, 10), 1, 10, 10, 3, 3)).containsExactly(new float[] {
        0.410620511f, 0.481694915f, 0.586716461f, 0.445564972f, 0.471666667f, 0.571949153f, 0.444337834f,
        0.461638418f, 0.557181844f}, within(2e-7f));
  }

  @Test
  void mixedScalingOfTwoChannelsMatchesPyTorch() {
    float[] expected = {
        0.336250000f, 0.470000000f, 0.603750000f, 0.357031250f, 0.453958333f, 0.569296875f, 0.402500000f,
        0.431041667f, 0.520078125f, 0.590000000f, 0.408125000f, 0.470859375f, 0.659140625f, 0.455347222f,
        0.461093750f, 0.609921875f, 0.572708333f, 0.490781250f, 0.560703125f, 0.500694444f, 0.449453125f,
        0.526250000f, 0.435555556f, 0.415000000f, 0.573750000f, 0.623333333f, 0.336250000f, 0.539296875f,
        0.607291667f, 0.467500000f, 0.490078125f, 0.584375000f, 0.623437500f, 0.440859375f, 0.561458333f,
        0.495312500f, 0.431093750f, 0.538541667f, 0.485546875f, 0.460781250f, 0.515625000f, 0.594140625f,
        0.419453125f, 0.492708333f, 0.560703125f, 0.385000000f, 0.476666667f, 0.526250000f};
    assertThat(ImageResize.resize(ramp(2, 5, 9), 2, 5, 9, 8, 3)).containsExactly(expected, within(2e-7f));
  }

  @Test
  void enlargingIsBilinearInterpolationWithRepeatedBorders() {
    float[] y = ImageResize.resize(ramp(1, 3, 3), 1, 3, 3, 7, 7);
    assertThat(Arrays.copyOf(y, 7)).containsExactly(new float[] {
        0.000000000f, 0.052857143f, 0.211428571f, 0.370000000f, 0.528571429f, 0.687142857f, 0.740000000f},
        within(2e-7f));
    assertThat(Arrays.copyOfRange(y, 42, 49)).containsExactly(new float[] {
        0.200000000f, 0.252857143f, 0.411428571f, 0.570000000f, 0.728571429f, 0.887142857f, 0.940000000f},
        within(2e-7f));
  }

  @Test
  void centerCropMatchesTorchvisionResizeThenCenterCrop() {
    // 6x9 (wider): the height goes to 4, the width to floor(4 * 9 / 6) = 6, then the middle 4 columns
    assertThat(ImageResize.apply(ResizeRule.CENTER_CROP, ramp(1, 6, 9), 1, 6, 9, 4, 4)).containsExactly(new float[] {
        0.447638929f, 0.364861101f, 0.547638893f, 0.464861125f, 0.480370402f, 0.491111100f, 0.380864233f,
        0.528765440f, 0.614444435f, 0.625185132f, 0.427654326f, 0.376049340f, 0.572361171f, 0.601805568f,
        0.461944461f, 0.449305564f}, within(3e-7f));
    // 9x5 (taller): the width goes to 3, the height to floor(3 * 9 / 5) = 5, then the middle 3 rows
    assertThat(ImageResize.apply(ResizeRule.CENTER_CROP, ramp(1, 9, 5), 1, 9, 5, 3, 3)).containsExactly(new float[] {
        0.509732127f, 0.448888898f, 0.563392818f, 0.488571405f, 0.416470557f, 0.641428530f, 0.566607118f,
        0.568888903f, 0.403839231f}, within(3e-7f));
  }

  @Test
  void aUniformImageStaysUniformAndTheSameSizeIsTheIdentity() {
    float[] grey = new float[3 * 5 * 7];
    Arrays.fill(grey, 0.3f);
    for (ResizeRule rule : ResizeRule.values()) {
      for (int[] size : new int[][] {{2, 2}, {11, 4}, {5, 7}, {1, 1}}) {
        float[] y = ImageResize.apply(rule, grey, 3, 5, 7, size[0], size[1]);
        assertThat(y).hasSize(3 * size[0] * size[1]).containsOnly(0.3f);
      }
      float[] x = ramp(3, 5, 7);
      assertThat(ImageResize.apply(rule, x, 3, 5, 7, 5, 7)).containsExactly(x);
    }
  }
}
