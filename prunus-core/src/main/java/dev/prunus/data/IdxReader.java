package dev.prunus.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST, raw or gzipped (detected by gzip's magic bytes).
 *
 * <p>Layout, all integers 32-bit big-endian:
 *
 * <ul>
 *   <li>images: magic {@code 0x00000803} (unsigned bytes, 3 dimensions), count, rows, columns, then
 *       count * rows * columns unsigned bytes, image after image, each row-major;
 *   <li>labels: magic {@code 0x00000801} (unsigned bytes, 1 dimension), count, then count unsigned
 *       bytes.
 * </ul>
 *
 * A file with another magic number, a header that disagrees with what is expected, too few bytes or
 * trailing bytes is rejected with a {@link CorruptDatasetException} naming the file.
 */
public final class IdxReader {
  /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
  public static final int IMAGES_MAGIC = 0x00000803;
  /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
  public static final int LABELS_MAGIC = 0x00000801;
  /** Header bytes of an images file: magic, count, rows, columns. */
  public static final int IMAGES_HEADER = 16;
  /** Header bytes of a labels file: magic, count. */
  public static final int LABELS_HEADER = 8;

  /** The raw content of an IDX images file: {@code count} images of {@code rows x cols} bytes. */
  public record IdxImages(int count, int rows, int cols, byte[] pixels) {}

  private IdxReader() {}

  /** Reads an images file (raw or gzipped). */
  public static IdxImages readImages(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(Gzip.open(file))) {
      checkMagic(file, readHeaderInt(in, file), IMAGES_MAGIC);
      int count = readHeaderInt(in, file);
      int rows = readHeaderInt(in, file);
      int cols = readHeaderInt(in, file);
      if (count < 0 || rows <= 0 || cols <= 0) {
        throw CorruptDatasetException.of(
            file, "a positive image count and size",
            count + " images of " + rows + "x" + cols);
      }
      long size = (long) count * rows * cols;
      if (size > Integer.MAX_VALUE - 8) {
        throw CorruptDatasetException.of(
            file, "at most 2 GB of pixels", count + " images of " + rows + "x" + cols);
      }
      byte[] pixels = readBody(in, file, (int) size, IMAGES_HEADER);
      return new IdxImages(count, rows, cols, pixels);
    }
  }

  /** Reads a labels file (raw or gzipped); one byte per label. */
  public static byte[] readLabels(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(Gzip.open(file))) {
      checkMagic(file, readHeaderInt(in, file), LABELS_MAGIC);
      int count = readHeaderInt(in, file);
      if (count < 0) {
        throw CorruptDatasetException.of(file, "a non-negative label count", String.valueOf(count));
      }
      return readBody(in, file, count, LABELS_HEADER);
    }
  }

  /**
   * Reads an images file and its labels file into an {@link ImageSet} of 1-channel images with
   * values {@code byte / 255}.
   *
   * @throws CorruptDatasetException if the counts differ or a label is outside [0, numClasses)
   */
  public static ImageSet read(Path imagesFile, Path labelsFile, int numClasses)
      throws IOException {
    IdxImages images = readImages(imagesFile);
    byte[] rawLabels = readLabels(labelsFile);
    if (rawLabels.length != images.count()) {
      throw CorruptDatasetException.of(
          labelsFile, images.count() + " labels, one per image in " + imagesFile.getFileName(),
          rawLabels.length + " labels");
    }
    int[] labels = new int[rawLabels.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = rawLabels[i] & 0xFF;
      if (labels[i] >= numClasses) {
        throw CorruptDatasetException.of(
            labelsFile, "labels in [0, " + numClasses + ")",
            "label " + labels[i] + " at index " + i);
      }
    }
    byte[] raw = images.pixels();
    float[] pixels = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      pixels[i] = (raw[i] & 0xFF) / 255f;
    }
    return new ImageSet(1, images.rows(), images.cols(), pixels, labels, numClasses);
  }

  /**
   * Checks a raw (not gzipped) images file without reading its pixels: magic, header and exact
   * length.
   */
  static void checkImages(Path file, int count, int rows, int cols) throws IOException {
    int[] header = readRawHeader(file, 4);
    checkMagic(file, header[0], IMAGES_MAGIC);
    if (header[1] != count || header[2] != rows || header[3] != cols) {
      throw CorruptDatasetException.of(
          file, count + " images of " + rows + "x" + cols,
          "a header announcing " + header[1] + " images of " + header[2] + "x" + header[3]);
    }
    checkLength(file, IMAGES_HEADER + (long) count * rows * cols);
  }

  /** Checks a raw (not gzipped) labels file without reading its labels: magic, count, length. */
  static void checkLabels(Path file, int count) throws IOException {
    int[] header = readRawHeader(file, 2);
    checkMagic(file, header[0], LABELS_MAGIC);
    if (header[1] != count) {
      throw CorruptDatasetException.of(
          file, count + " labels", "a header announcing " + header[1] + " labels");
    }
    checkLength(file, LABELS_HEADER + (long) count);
  }

  private static int[] readRawHeader(Path file, int ints) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      int[] header = new int[ints];
      for (int i = 0; i < ints; i++) {
        header[i] = readHeaderInt(in, file);
      }
      return header;
    }
  }

  private static void checkLength(Path file, long expected) throws IOException {
    long size = Files.size(file);
    if (size != expected) {
      throw CorruptDatasetException.of(
          file, String.format(Locale.ROOT, "%,d bytes", expected),
          String.format(Locale.ROOT, "%,d bytes", size));
    }
  }

  private static void checkMagic(Path file, int found, int expected) {
    if (found != expected) {
      throw CorruptDatasetException.of(
          file, String.format(Locale.ROOT, "IDX magic number 0x%08x", expected),
          String.format(Locale.ROOT, "0x%08x", found));
    }
  }

  private static int readHeaderInt(DataInputStream in, Path file) throws IOException {
    try {
      return in.readInt();
    } catch (EOFException | ZipException e) {
      throw CorruptDatasetException.of(file, "a complete IDX header", "a truncated file", e);
    }
  }

  /** Reads exactly {@code length} body bytes and checks that nothing follows them. */
  private static byte[] readBody(InputStream in, Path file, int length, int header)
      throws IOException {
    try {
      byte[] body = in.readNBytes(length);
      if (body.length < length) {
        throw CorruptDatasetException.of(
            file,
            String.format(Locale.ROOT, "%,d bytes of content", header + (long) length),
            String.format(Locale.ROOT, "only %,d (truncated)", header + (long) body.length));
      }
      long trailing = in.transferTo(OutputStream.nullOutputStream());
      if (trailing > 0) {
        throw CorruptDatasetException.of(
            file,
            String.format(Locale.ROOT, "%,d bytes of content", header + (long) length),
            String.format(Locale.ROOT, "%,d trailing bytes after them", trailing));
      }
      return body;
    } catch (EOFException | ZipException e) {
      throw CorruptDatasetException.of(
          file, "a complete gzip stream", "a damaged or truncated one (" + e.getMessage() + ")",
          e);
    }
  }
}
