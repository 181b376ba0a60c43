package dev.prunus.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Writes tiny files in the IDX format, byte for byte as MNIST's, for tests. */
final class IdxFiles {

  private IdxFiles() {}

  /** Pixel value of image {@code i} at flat position {@code p}: distinct and predictable. */
  static int pixel(int i, int p) {
    return (i * 31 + p * 7) & 0xFF;
  }

  /** An images file: magic 0x803, count, rows, cols, then the pixels from {@link #pixel}. */
  static byte[] images(int count, int rows, int cols) {
    ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * cols);
    buffer.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
    for (int i = 0; i < count; i++) {
      for (int p = 0; p < rows * cols; p++) {
        buffer.put((byte) pixel(i, p));
      }
    }
    return buffer.array();
  }

  /** A labels file: magic 0x801, count, then one byte per label. */
  static byte[] labels(int... labels) {
    ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
    buffer.putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
    for (int label : labels) {
      buffer.put((byte) label);
    }
    return buffer.array();
  }

  /** Labels 0, 1, 2, ... cycling through {@code numClasses}. */
  static int[] cyclicLabels(int count, int numClasses) {
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % numClasses;
    }
    return labels;
  }

  static byte[] gzip(byte[] content) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
        out.write(content);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
