package dev.prunus.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * One file a dataset needs, as stored in the cache: its name, its decompressed size in bytes, the
 * checksum of its decompressed content (null where no trusted value is known: then the size and
 * the format check stand alone) and a structural format check.
 *
 * <p>{@link #verify} runs the checks from cheapest to dearest (size, checksum, format) and returns
 * the SHA-256 of the content, which identifies the data in {@link Dataset#sha256()}.
 */
record ExpectedFile(String name, long size, Checksum contentChecksum, FormatCheck format) {

  ExpectedFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
      throw new IllegalArgumentException("file name '" + name + "' must be a plain file name");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size of " + name + " must be >= 0, was " + size);
    }
  }

  /**
   * Checks a decompressed candidate for this file.
   *
   * @return the lower-case hex SHA-256 of its content
   * @throws CorruptDatasetException on a wrong size, checksum or format
   */
  String verify(Path candidate) throws IOException {
    long found = Files.size(candidate);
    if (found != size) {
      throw CorruptDatasetException.of(
          candidate, String.format(Locale.ROOT, "%,d bytes", size),
          String.format(Locale.ROOT, "%,d bytes", found));
    }
    String sha256 = Checksum.sha256Hex(candidate);
    if (contentChecksum != null) {
      String actual = contentChecksum.algorithm() == Checksum.Algorithm.SHA256
          ? sha256 : contentChecksum.compute(candidate);
      if (!actual.equals(contentChecksum.hex())) {
        throw CorruptDatasetException.of(
            candidate, contentChecksum.algorithm().displayName() + " " + contentChecksum.hex()
                + " of the decompressed content", actual);
      }
    }
    format.check(candidate);
    return sha256;
  }
}
