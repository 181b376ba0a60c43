package dev.prunus.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Files already on this machine, in a folder such as {@code /usr/share/datasets/fashion-mnist},
 * where the Debian package {@code dataset-fashion-mnist} installs them (gzipped). Nothing is
 * copied until the repository has verified them.
 */
record LocalDirectorySource(Path dir, String description) implements DatasetSource {

  LocalDirectorySource {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(description, "description");
  }

  @Override
  public Path deliver(Path scratch) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "folder does not exist");
    }
    return dir;
  }
}
