package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Reads the "binary version" files of CIFAR-10 and CIFAR-100 (raw or gzipped).
 *
 * <p>A file is a sequence of fixed-size records with no header. CIFAR-10 records are 3,073 bytes:
 * one label byte (0-9), then 3,072 pixel bytes. CIFAR-100 records are 3,074 bytes: the coarse label
 * (0-19), the fine label (0-99), then the 3,072 pixel bytes; Prunus uses the fine label. The pixels
 * are 1,024 red, then 1,024 green, then 1,024 blue values, each plane row-major over 32x32: already
 * CHW, so they are copied in order and scaled by 1/255. CIFAR-10's archive holds {@code
 * data_batch_1.bin} .. {@code data_batch_5.bin} (10,000 records each) and {@code test_batch.bin};
 * CIFAR-100's holds {@code train.bin} (50,000) and {@code test.bin} (10,000).
 */
public final class CifarBinaryReader {
  /** Pixel bytes per record: 3 channels x 32 x 32. */
  public static final int PIXELS = 3 * 32 * 32;

  private CifarBinaryReader() {}

  /** Bytes per record with {@code labelBytes} label bytes (1 for CIFAR-10, 2 for CIFAR-100). */
  public static int recordSize(int labelBytes) {
    checkLabelBytes(labelBytes);
    return labelBytes + PIXELS;
  }

  /**
   * Reads the records of {@code files}, in order, into one 3x32x32 {@link ImageSet}.
   *
   * @param labelBytes 1 (CIFAR-10: the label) or 2 (CIFAR-100: coarse then fine; fine is used)
   * @param numClasses 10 or 100; a (fine) label outside [0, numClasses) is corruption, and so is a
   *     CIFAR-100 coarse label outside [0, 20)
   * @throws CorruptDatasetException for a file whose length is not a whole number of records
   */
  public static ImageSet read(List<Path> files, int labelBytes, int numClasses)
      throws IOException {
    int recordSize = recordSize(labelBytes);
    long total = 0;
    for (Path file : files) {
      total += recordCount(file, recordSize);
    }
    if (total * PIXELS > Integer.MAX_VALUE - 8) {
      throw new InvalidInputException(
          "CIFAR files hold " + total + " records: more than fit in one array");
    }
    float[] pixels = new float[(int) total * PIXELS];
    int[] labels = new int[(int) total];
    byte[] record = new byte[recordSize];
    int index = 0;
    for (Path file : files) {
      try (InputStream in = Gzip.open(file)) {
        int recordInFile = 0;
        for (int n = in.readNBytes(record, 0, recordSize); n > 0;
            n = in.readNBytes(record, 0, recordSize)) {
          if (n < recordSize) {
            throw CorruptDatasetException.of(
                file, "whole records of " + recordSize + " bytes", "a truncated last record");
          }
          if (index == total) {
            throw new CorruptDatasetException(
                "CIFAR file " + file + " grew while being read: expected " + total + " records");
          }
          labels[index] = label(file, record, labelBytes, numClasses, recordInFile++);
          int offset = index * PIXELS;
          for (int p = 0; p < PIXELS; p++) {
            pixels[offset + p] = (record[labelBytes + p] & 0xFF) / 255f;
          }
          index++;
        }
      } catch (EOFException | ZipException e) {
        throw CorruptDatasetException.of(
            file, "a complete gzip stream", "a damaged or truncated one (" + e.getMessage() + ")",
            e);
      }
    }
    if (index != total) {
      throw new CorruptDatasetException(
          "CIFAR files shrank while being read: expected " + total + " records, read " + index);
    }
    return new ImageSet(3, 32, 32, pixels, labels, numClasses);
  }

  /** Checks a raw (not gzipped) file's length without reading it: exactly {@code records}. */
  static void checkRecords(Path file, int records, int labelBytes) throws IOException {
    long expected = (long) records * recordSize(labelBytes);
    long size = Files.size(file);
    if (size != expected) {
      throw CorruptDatasetException.of(
          file,
          String.format(Locale.ROOT, "%,d bytes (%,d records of %d)", expected, records,
              recordSize(labelBytes)),
          String.format(Locale.ROOT, "%,d bytes", size));
    }
  }

  private static long recordCount(Path file, int recordSize) throws IOException {
    long length;
    if (Gzip.isGzip(file)) {
      try (InputStream in = Gzip.open(file)) {
        length = in.transferTo(OutputStream.nullOutputStream());
      } catch (EOFException | ZipException e) {
        throw CorruptDatasetException.of(
            file, "a complete gzip stream", "a damaged or truncated one (" + e.getMessage() + ")",
            e);
      }
    } else {
      length = Files.size(file);
    }
    if (length % recordSize != 0) {
      throw CorruptDatasetException.of(
          file, "a whole number of " + recordSize + "-byte records",
          String.format(Locale.ROOT, "%,d bytes (%,d records and %d bytes over)", length,
              length / recordSize, length % recordSize));
    }
    return length / recordSize;
  }

  private static int label(Path file, byte[] record, int labelBytes, int numClasses, int index) {
    if (labelBytes == 2) {
      int coarse = record[0] & 0xFF;
      if (coarse >= 20) {
        throw CorruptDatasetException.of(
            file, "coarse labels in [0, 20)", "coarse label " + coarse + " in record " + index);
      }
    }
    int label = record[labelBytes - 1] & 0xFF;
    if (label >= numClasses) {
      throw CorruptDatasetException.of(
          file, "labels in [0, " + numClasses + ")", "label " + label + " in record " + index);
    }
    return label;
  }

  private static void checkLabelBytes(int labelBytes) {
    if (labelBytes != 1 && labelBytes != 2) {
      throw new InvalidInputException(
          "labelBytes=" + labelBytes + " must be 1 (CIFAR-10) or 2 (CIFAR-100)");
    }
  }
}
