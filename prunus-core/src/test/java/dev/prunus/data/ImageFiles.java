package dev.prunus.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writes small PNG and JPEG files with known pixels for the image-folder tests. */
final class ImageFiles {
  private ImageFiles() {}

  /** A w x h RGB image of one colour (0xRRGGBB). */
  static BufferedImage solid(int width, int height, int rgb) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    return image;
  }

  /** A w x h 8-bit grey image whose pixel (x, y) is {@code value[y][x]}. */
  static BufferedImage grey(int[][] value) {
    BufferedImage image = new BufferedImage(value[0].length, value.length, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < value.length; y++) {
      for (int x = 0; x < value[0].length; x++) {
        image.getRaster().setSample(x, y, 0, value[y][x]);
      }
    }
    return image;
  }

  static Path png(Path file, BufferedImage image) {
    return write(file, image, "png");
  }

  /** A JPEG at quality 1.0 (the least loss ImageIO's encoder gives). */
  static Path jpeg(Path file, BufferedImage image) {
    try {
      Files.createDirectories(file.getParent());
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(1.0f);
      try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(file))) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(image, null, null), param);
      } finally {
        writer.dispose();
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path file, BufferedImage image, String format) {
    try {
      Files.createDirectories(file.getParent());
      if (!ImageIO.write(image, format, file.toFile())) {
        throw new IllegalStateException("no " + format + " writer");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
