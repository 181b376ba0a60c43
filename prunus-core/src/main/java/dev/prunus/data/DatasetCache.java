package dev.prunus.data;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache folder of one dataset ({@code $PRUNUS_HOME/datasets/<name>}): it finds files a source
 * delivered (raw, or gzipped under the name plus {@code .gz}), verifies them, and stores them
 * decompressed under their plain names.
 *
 * <p>A file is written to a temporary file in the cache folder first and moved into place with an
 * atomic rename only after it (and every other file delivered with it) passed every check, so the
 * cache never holds a partial or unverified file under a final name. A cached file that fails its
 * re-verification is deleted and reported.
 */
final class DatasetCache {
  private static final Logger LOG = LoggerFactory.getLogger(DatasetCache.class);

  private final Path dir;

  DatasetCache(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** Where the decompressed file lives in the cache. */
  Path path(ExpectedFile file) {
    return dir.resolve(file.name());
  }

  /** Whether every file is in the cache with its expected size (a cheap check, no checksum). */
  boolean hasAll(List<ExpectedFile> files) {
    for (ExpectedFile file : files) {
      Path path = path(file);
      try {
        if (!Files.isRegularFile(path) || Files.size(path) != file.size()) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /**
   * Verifies the cached decompressed copy of {@code file}.
   *
   * @return its SHA-256, or empty when it is not cached
   * @throws CorruptDatasetException if it fails verification; the corrupt copy has been deleted
   */
  Optional<String> verifyCached(ExpectedFile file) throws IOException {
    Path path = path(file);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(file.verify(path));
    } catch (CorruptDatasetException e) {
      Files.deleteIfExists(path);
      LOG.warn("deleted corrupt cached file {}: {}", path, e.getMessage());
      throw new CorruptDatasetException(
          e.getMessage() + " (the cached copy was deleted; it is fetched again)", e);
    }
  }

  /** The delivered form of {@code file} in {@code folder}: its plain name, else name + .gz. */
  static Optional<Path> locate(Path folder, ExpectedFile file) {
    Path plain = folder.resolve(file.name());
    if (Files.isRegularFile(plain)) {
      return Optional.of(plain);
    }
    Path gz = folder.resolve(file.name() + ".gz");
    return Files.isRegularFile(gz) ? Optional.of(gz) : Optional.empty();
  }

  /**
   * Decompresses {@code candidate} (when gzipped) into the cache, verifies it and moves it into
   * place atomically, replacing any older copy.
   *
   * @return the SHA-256 of the content
   * @throws CorruptDatasetException if the candidate fails verification (nothing is stored)
   */
  String store(ExpectedFile file, Path candidate) throws IOException {
    return storeAll(List.of(file), List.of(candidate)).get(0);
  }

  /**
   * Stores several files together: all are decompressed and verified into temporary files first,
   * and only when every one passed are they moved into place (each move atomic), so one source's
   * files land together or not at all.
   *
   * @return the SHA-256 of each file's content, in order
   * @throws CorruptDatasetException if a candidate fails verification (nothing is stored)
   */
  List<String> storeAll(List<ExpectedFile> files, List<Path> candidates) throws IOException {
    Files.createDirectories(dir);
    List<Path> temps = new ArrayList<>();
    try {
      List<String> sha256s = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        ExpectedFile file = files.get(i);
        Path temp = Files.createTempFile(dir, "." + file.name() + ".", ".part");
        temps.add(temp);
        sha256s.add(decompressAndVerify(file, candidates.get(i), temp));
      }
      for (int i = 0; i < files.size(); i++) {
        moveIntoPlace(temps.get(i), path(files.get(i)));
      }
      return sha256s;
    } finally {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static String decompressAndVerify(ExpectedFile file, Path candidate, Path temp)
      throws IOException {
    Gzip.decompress(candidate, temp);
    try {
      return file.verify(temp);
    } catch (CorruptDatasetException e) {
      String shown = Gzip.isGzip(candidate) ? candidate + " (decompressed)" : candidate.toString();
      throw new CorruptDatasetException(e.getMessage().replace(temp.toString(), shown), e);
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes the cached copies of {@code files}, e.g. after their content proved unreadable. */
  void delete(List<ExpectedFile> files) throws IOException {
    for (ExpectedFile file : files) {
      Files.deleteIfExists(path(file));
    }
  }
}
