package dev.prunus.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;

/**
 * Extracts chosen files from a Debian package ({@code .deb}).
 *
 * <p>Layout: a .deb is an {@code ar} archive (magic {@code !<arch>\n}) holding {@code
 * debian-binary}, {@code control.tar.*} and {@code data.tar.xz} (or {@code data.tar.gz}, or an
 * uncompressed {@code data.tar}); the installed files are in the data tar, named like {@code
 * ./usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz}. Extraction goes through {@link
 * TarExtractor}, so it never writes outside the target folder.
 */
final class DebExtractor {

  private DebExtractor() {}

  /**
   * Extracts the files of the package's data archive whose names (without leading {@code ./})
   * satisfy {@code select}, keeping their relative paths under {@code targetDir}.
   *
   * @throws CorruptDatasetException if the file is not an ar archive or has no data.tar member
   */
  static List<Path> extract(Path deb, Path targetDir, Predicate<String> select) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(deb));
        ArArchiveInputStream ar = new ArArchiveInputStream(raw)) {
      for (ArArchiveEntry entry = nextEntry(ar, deb); entry != null; entry = nextEntry(ar, deb)) {
        String name = entry.getName();
        if (name.endsWith("/")) {
          name = name.substring(0, name.length() - 1);
        }
        if (name.equals("data.tar") || name.equals("data.tar.xz") || name.equals("data.tar.gz")) {
          return TarExtractor.extract(ar, deb.resolve(name), targetDir, select);
        }
        if (name.startsWith("data.tar.")) {
          throw CorruptDatasetException.of(
              deb, "a data.tar, data.tar.xz or data.tar.gz member",
              "'" + name + "', a compression Prunus does not read");
        }
      }
    }
    throw CorruptDatasetException.of(
        deb, "a Debian package with a data.tar.xz member", "no data.tar member");
  }

  private static ArArchiveEntry nextEntry(ArArchiveInputStream ar, Path deb) {
    try {
      return ar.getNextEntry();
    } catch (IOException e) {
      throw CorruptDatasetException.of(
          deb, "a Debian package (an ar archive starting with !<arch>)",
          "an unreadable one (" + e.getMessage() + ")", e);
    }
  }
}
