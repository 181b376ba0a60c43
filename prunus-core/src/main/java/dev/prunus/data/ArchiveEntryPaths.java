package dev.prunus.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns archive entry names into paths inside an extraction folder, rejecting every name that
 * could land outside it: absolute names ({@code /etc/x}, {@code \x}, {@code C:x}), names with a
 * {@code ..} segment or a NUL character. Leading {@code ./} segments, as in Debian data archives,
 * are dropped.
 */
final class ArchiveEntryPaths {

  private ArchiveEntryPaths() {}

  /**
   * The entry's name without leading {@code ./} segments and with forward slashes, e.g. {@code
   * usr/share/datasets/x.gz} for {@code ./usr/share/datasets/x.gz}; empty for the root entry.
   *
   * @throws CorruptDatasetException if the name could escape the extraction folder
   */
  static String normalize(Path archive, String entryName) {
    String name = entryName.replace('\\', '/');
    boolean absolute = name.startsWith("/") || (name.length() >= 2 && name.charAt(1) == ':');
    if (absolute || name.indexOf('\0') >= 0) {
      throw escape(archive, entryName);
    }
    while (name.startsWith("./")) {
      name = name.substring(2);
    }
    if (name.equals(".")) {
      name = "";
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals("..")) {
        throw escape(archive, entryName);
      }
    }
    return name;
  }

  /**
   * The path of the entry inside {@code targetDir}, or empty for the root entry.
   *
   * @throws CorruptDatasetException if the name could escape {@code targetDir}
   */
  static Optional<Path> resolve(Path archive, Path targetDir, String entryName) {
    String name = normalize(archive, entryName);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Path root = targetDir.toAbsolutePath().normalize();
    Path resolved = root.resolve(name).normalize();
    if (!resolved.startsWith(root) || resolved.equals(root)) {
      throw escape(archive, entryName);
    }
    return Optional.of(resolved);
  }

  private static CorruptDatasetException escape(Path archive, String entryName) {
    return new CorruptDatasetException(
        "corrupt or malicious archive " + archive + ": entry '" + entryName.replace("\0", "\\0")
            + "' would be written outside the extraction folder (absolute path or '..'); nothing"
            + " from it is used. Delete the archive and fetch an intact copy");
  }
}
