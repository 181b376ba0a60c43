package dev.prunus.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A cheap structural check of a decompressed dataset file (magic number, header, exact length),
 * run without reading the whole content. Throws {@link CorruptDatasetException} naming the file.
 */
@FunctionalInterface
interface FormatCheck {

  void check(Path file) throws IOException;

  /** No structural check (the content checksum and the reader do the work). */
  static FormatCheck none() {
    return file -> {};
  }

  /** An IDX images file with exactly {@code count} images of {@code rows x cols}. */
  static FormatCheck idxImages(int count, int rows, int cols) {
    return file -> IdxReader.checkImages(file, count, rows, cols);
  }

  /** An IDX labels file with exactly {@code count} labels. */
  static FormatCheck idxLabels(int count) {
    return file -> IdxReader.checkLabels(file, count);
  }

  /** A CIFAR binary file of exactly {@code records} records with {@code labelBytes} labels. */
  static FormatCheck cifarRecords(int records, int labelBytes) {
    return file -> CifarBinaryReader.checkRecords(file, records, labelBytes);
  }
}
