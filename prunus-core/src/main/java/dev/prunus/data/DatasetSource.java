package dev.prunus.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One place a dataset's files can come from: a local folder, a download, a package client.
 *
 * <p>A source only delivers files; the repository verifies them (checksums, formats) and caches
 * them. Failures are reported with one line each: an {@link IOException} for a source that cannot
 * be reached or run, a {@link CorruptDatasetException} for one that delivers damaged data.
 */
interface DatasetSource {

  /** A few words naming the source, e.g. {@code "apt-get download dataset-fashion-mnist"}. */
  String description();

  /**
   * Delivers the dataset's files into a folder and returns that folder. Each file lies there
   * under its expected name, raw or gzipped (then with {@code .gz} appended).
   *
   * @param scratch an empty private folder for downloads and extraction, deleted afterwards
   */
  Path deliver(Path scratch) throws IOException;
}
