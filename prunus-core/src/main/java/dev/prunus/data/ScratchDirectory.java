package dev.prunus.data;

import dev.prunus.io.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private temporary folder for one fetch attempt (downloads, package files, extracted archives),
 * deleted with everything in it on {@link #close()}, whether the attempt succeeded or not. Links
 * inside it are deleted, never followed.
 */
final class ScratchDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScratchDirectory.class);

  private final Path path;

  private ScratchDirectory(Path path) {
    this.path = path;
  }

  /** A new empty folder named {@code .fetch-*} inside {@code parent}. */
  static ScratchDirectory create(Path parent) throws IOException {
    Files.createDirectories(parent);
    return new ScratchDirectory(Files.createTempDirectory(parent, ".fetch-"));
  }

  Path path() {
    return path;
  }

  /** Deletes the folder; a failure is logged, not thrown, so it never hides the fetch's result. */
  @Override
  public void close() {
    try {
      FileTrees.delete(path);
    } catch (IOException e) {
      LOG.warn("could not delete the temporary folder {}: {}", path, Failures.reason(e));
    }
  }

  /**
   * The one file whose name ends with {@code suffix} that {@code command} wrote into {@code dir} (the
   * first by name if there are several), or an IOException saying the command left none.
   */
  static Path fileWrittenBy(Path dir, String suffix, String command) throws IOException {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix))
          .sorted()
          .findFirst()
          .orElseThrow(() -> new IOException("'" + command + "' succeeded but left no " + suffix + " file"));
    }
  }

}
