package dev.prunus.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Extracts chosen regular files from a tar archive, plain or compressed with gzip ({@code .tgz},
 * {@code .tar.gz}) or xz ({@code .tar.xz}); the compression is detected from the magic bytes
 * ({@code 1f 8b} for gzip, {@code fd 37 7a 58 5a 00} for xz).
 *
 * <p>Every entry name is checked by {@link ArchiveEntryPaths}, selected or not, so an archive with
 * an entry such as {@code ../../evil} or {@code /etc/passwd} is rejected as a whole and nothing is
 * ever written outside the target folder. Only regular files and folders are created: symbolic and
 * hard links are skipped. A truncated or damaged archive is reported as a {@link
 * CorruptDatasetException}; a failure to write is reported as the {@link IOException} it is.
 */
final class TarExtractor {
  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
  private static final byte[] XZ_MAGIC = {(byte) 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00};

  private TarExtractor() {}

  /**
   * Extracts the regular files of {@code archive} whose normalised names (without leading
   * {@code ./}) satisfy {@code select}, keeping their relative paths under {@code targetDir}.
   *
   * @return the extracted files, in archive order
   */
  static List<Path> extract(Path archive, Path targetDir, Predicate<String> select)
      throws IOException {
    try (InputStream in = Files.newInputStream(archive)) {
      return extract(in, archive, targetDir, select);
    }
  }

  /**
   * As {@link #extract(Path, Path, Predicate)} for a stream (which is not closed); {@code
   * archiveName} names the archive in messages.
   */
  static List<Path> extract(
      InputStream archiveStream, Path archiveName, Path targetDir, Predicate<String> select)
      throws IOException {
    List<Path> written = new ArrayList<>();
    TarArchiveInputStream tar;
    try {
      tar = new TarArchiveInputStream(decompressed(archiveStream));
    } catch (IOException e) {
      throw corrupt(archiveName, e);
    }
    for (TarArchiveEntry entry = nextEntry(tar, archiveName); entry != null;
        entry = nextEntry(tar, archiveName)) {
      String name = ArchiveEntryPaths.normalize(archiveName, entry.getName());
      var target = ArchiveEntryPaths.resolve(archiveName, targetDir, entry.getName());
      if (target.isEmpty()) {
        continue;
      }
      if (entry.isDirectory()) {
        if (select.test(name)) {
          Files.createDirectories(target.get());
        }
      } else if (entry.isFile() && !entry.isLink() && !entry.isSymbolicLink()
          && select.test(name)) {
        Files.createDirectories(target.get().getParent());
        copyEntry(tar, archiveName, target.get());
        written.add(target.get());
      }
    }
    return written;
  }

  /** The archive stream, decompressed when it starts with the gzip or xz magic bytes. */
  static InputStream decompressed(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(XZ_MAGIC.length);
    byte[] head = buffered.readNBytes(XZ_MAGIC.length);
    buffered.reset();
    if (startsWith(head, GZIP_MAGIC)) {
      return new GzipCompressorInputStream(buffered, true);
    }
    if (startsWith(head, XZ_MAGIC)) {
      return new XZCompressorInputStream(buffered);
    }
    return buffered;
  }

  private static TarArchiveEntry nextEntry(TarArchiveInputStream tar, Path archiveName) {
    try {
      return tar.getNextEntry();
    } catch (IOException | IllegalArgumentException e) {
      throw corrupt(archiveName, e);
    }
  }

  /** Copies the current entry; read failures are corruption, write failures stay IOExceptions. */
  private static void copyEntry(TarArchiveInputStream tar, Path archiveName, Path target)
      throws IOException {
    byte[] buffer = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(target)) {
      while (true) {
        int n;
        try {
          n = tar.read(buffer);
        } catch (IOException e) {
          throw corrupt(archiveName, e);
        }
        if (n < 0) {
          return;
        }
        out.write(buffer, 0, n);
      }
    }
  }

  private static CorruptDatasetException corrupt(Path archiveName, Exception e) {
    return CorruptDatasetException.of(
        archiveName, "a complete tar archive (plain, gzip or xz)",
        "a damaged or truncated one (" + e.getMessage() + ")", e);
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
