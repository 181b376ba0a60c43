package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The options of an image folder as a person writes them, on the command line ({@code --image-size 28x28
 * --channels 1 --mean 0.5 --std 0.25}) or as the keys of a dataset in an experiment file (the same names
 * without the dashes); every one may be null for its default. {@link #build} parses and checks them and
 * looks at the folder ({@link ImageFolder.Builder}).
 *
 * @param imageSize {@code HxW}, e.g. {@code 28x28} (default: the size of the first training image)
 * @param channels 1 (grey) or 3 (RGB, the default)
 * @param resize {@code stretch} (default) or {@code center-crop} ({@link ResizeRule})
 * @param mean per-channel means, comma separated, e.g. {@code 0.485,0.456,0.406}; with {@code std}
 * @param std per-channel standard deviations, comma separated (default for both: measured)
 * @param testFraction share of each class held out for testing when the folder has no test sub-folder
 * @param name the short name of run directories (default: the folder's name)
 */
public record ImageFolderOptions(
    String imageSize, Integer channels, String resize, String mean, String std, Double testFraction, String name) {

  /** No option given: every default. */
  public static final ImageFolderOptions DEFAULTS = new ImageFolderOptions(null, null, null, null, null, null, null);

  /** Whether any option is given (they apply only to image folders). */
  public boolean any() {
    return !equals(DEFAULTS);
  }

  /**
   * The image folder at {@code root} with these options.
   *
   * @throws InvalidInputException naming the option, the rule and the fix
   */
  public ImageFolder build(Path root) {
    ImageFolder.Builder b = ImageFolder.builder(root);
    if (imageSize != null) {
      int[] hw = parseImageSize(imageSize);
      b.optImageSize(hw[0], hw[1]);
    }
    if (channels != null) {
      if (channels != 1 && channels != 3) {
        throw new InvalidInputException("channels=" + channels + " must be 1 (grey) or 3 (RGB)");
      }
      b.optChannels(channels);
    }
    if (resize != null) {
      b.optResize(ResizeRule.fromName(resize));
    }
    if ((mean == null) != (std == null)) {
      throw new InvalidInputException("give both mean and std (one value per channel each), or neither to measure"
          + " them on the training images");
    }
    if (mean != null) {
      b.optNormalization(new Normalization(parseFloats("mean", mean), parseFloats("std", std)));
    }
    if (testFraction != null) {
      b.optTestFraction(testFraction);
    }
    if (name != null) {
      b.optName(name);
    }
    return b.build();
  }

  /** {@code HxW} (or one number for a square) as {height, width}. */
  static int[] parseImageSize(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x", -1);
    try {
      if (parts.length == 1 || parts.length == 2) {
        int h = Integer.parseInt(parts[0].trim());
        int w = Integer.parseInt(parts[parts.length - 1].trim());
        if (h >= 1 && w >= 1 && h <= ImageFolder.MAX_SIDE && w <= ImageFolder.MAX_SIDE) {
          return new int[] {h, w};
        }
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidInputException("image-size='" + text + "' must be HxW (height x width, each in [1, "
        + ImageFolder.MAX_SIDE + "]), e.g. 28x28 or 224x224");
  }

  private static float[] parseFloats(String what, String text) {
    String[] parts = text.split(",", -1);
    float[] out = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Float.parseFloat(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new InvalidInputException(what + "='" + text + "' must be numbers separated by commas, one per"
            + " channel, e.g. 0.485,0.456,0.406 for RGB or 0.5 for grey");
      }
    }
    return out;
  }
}
