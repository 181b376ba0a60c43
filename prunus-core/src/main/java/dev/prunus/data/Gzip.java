package dev.prunus.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads files that may or may not be gzip-compressed, telling them apart by gzip's magic bytes
 * {@code 1f 8b} rather than by their name, so a dataset file is accepted raw or gzipped under
 * either name.
 */
final class Gzip {
  private static final int BUFFER = 1 << 16;

  private Gzip() {}

  /** Whether the file starts with the gzip magic bytes {@code 1f 8b}. */
  static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  /** A buffered stream of the file's content, decompressed when the file is gzipped. */
  static InputStream open(Path file) throws IOException {
    boolean gzip = isGzip(file);
    InputStream raw = Files.newInputStream(file);
    try {
      return gzip
          ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER)
          : new BufferedInputStream(raw, BUFFER);
    } catch (IOException e) {
      raw.close();
      throw CorruptDatasetException.of(file, "a gzip stream", "an unreadable header", e);
    }
  }

  /**
   * Writes the file's content, decompressed when gzipped, to {@code target} (replacing it).
   *
   * @return the number of bytes written
   * @throws CorruptDatasetException for a damaged or truncated gzip stream
   */
  static long decompress(Path source, Path target) throws IOException {
    try (InputStream in = open(source);
        OutputStream out = Files.newOutputStream(target)) {
      return in.transferTo(out);
    } catch (ZipException | EOFException e) {
      throw CorruptDatasetException.of(
          source, "a complete gzip stream", "a damaged or truncated one (" + e.getMessage() + ")",
          e);
    }
  }
}
