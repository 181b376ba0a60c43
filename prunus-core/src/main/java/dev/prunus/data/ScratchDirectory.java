package dev.prunus.data;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
      deleteRecursively(path);
    } catch (IOException e) {
      LOG.warn("could not delete the temporary folder {}: {}", path, Failures.reason(e));
    }
  }

  /** Deletes a file or a folder tree; does nothing if it does not exist. */
  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
