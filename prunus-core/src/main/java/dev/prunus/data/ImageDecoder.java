package dev.prunus.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes a PNG or JPEG file (with the JDK's ImageIO) into CHW floats in [0, 1] with the channels asked
 * for.
 *
 * <p>A grey image's samples are read as stored ({@code value / (2^bits - 1)}), not through Java's
 * grey-to-sRGB conversion, which would brighten them. Any other image (RGB, palette, with or without
 * alpha) is read as 8-bit sRGB; alpha is dropped, not composited (as Pillow's {@code convert("RGB")}).
 * Asked for 3 channels, a grey image repeats its one channel; asked for 1, a colour image becomes its
 * luma {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601, the weights of Pillow's {@code convert("L")}
 * and torchvision's {@code Grayscale}), computed in float without rounding to 8 bits.
 */
final class ImageDecoder {
  private ImageDecoder() {}

  /** A decoded image: {@code pixels} is [channels, height, width]. */
  record Decoded(float[] pixels, int height, int width) {}

  /**
   * @param bytes the file's content, {@code file} its path for messages
   * @throws CorruptDatasetException if ImageIO cannot decode it (not an image, truncated, an unsupported
   *     kind such as a CMYK JPEG)
   */
  static Decoded decode(byte[] bytes, Path file, int channels) {
    BufferedImage image;
    try {
      // from memory: ImageIO.read(InputStream) would copy every file to a temporary cache file first
      image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
    } catch (IOException | RuntimeException e) {
      throw unreadable(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }
    if (image == null) {
      throw unreadable(file, "not a PNG or JPEG image", null);
    }
    int h = image.getHeight();
    int w = image.getWidth();
    int plane = h * w;
    float[] out = new float[channels * plane];
    if (isGrey(image.getColorModel())) {
      Raster raster = image.getRaster();
      double max = (1 << image.getColorModel().getComponentSize(0)) - 1;
      int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
      for (int c = 0; c < channels; c++) {
        for (int p = 0; p < plane; p++) {
          out[c * plane + p] = (float) (samples[p] / max);
        }
      }
      return new Decoded(out, h, w);
    }
    int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
    for (int p = 0; p < plane; p++) {
      float r = ((argb[p] >> 16) & 0xff) / 255f;
      float g = ((argb[p] >> 8) & 0xff) / 255f;
      float b = (argb[p] & 0xff) / 255f;
      if (channels == 1) {
        out[p] = 0.299f * r + 0.587f * g + 0.114f * b;
      } else {
        out[p] = r;
        out[plane + p] = g;
        out[2 * plane + p] = b;
      }
    }
    return new Decoded(out, h, w);
  }

  private static boolean isGrey(ColorModel model) {
    return !(model instanceof IndexColorModel)
        && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY
        && model.getNumColorComponents() == 1
        && model.getComponentSize(0) <= 16;
  }

  private static CorruptDatasetException unreadable(Path file, String why, Throwable cause) {
    return new CorruptDatasetException("cannot decode the image " + file + ": " + why
        + "; Prunus reads PNG and JPEG (RGB or grey): convert the file, or remove it from the folder", cause);
  }
}
