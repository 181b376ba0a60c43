package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * An expected digest of a file's bytes: SHA-256 or MD5, as lower-case hex.
 *
 * <p>Which bytes a checksum covers is decided by where it is used, and each use says so: a cached
 * file's checksum ({@code ExpectedFile}) covers its decompressed content, so any compression of the
 * same data passes; a download's checksum ({@code MirrorSource}, {@code ArchiveSource}) covers the
 * archive exactly as published, because the well-known published digests of MNIST and CIFAR are
 * MD5s of their .gz / .tar.gz archives.
 */
public record Checksum(Algorithm algorithm, String hex) {

  /** A digest algorithm and the length of its hex form. */
  public enum Algorithm {
    SHA256("SHA-256", 64),
    MD5("MD5", 32);

    private final String javaName;
    private final int hexLength;

    Algorithm(String javaName, int hexLength) {
      this.javaName = javaName;
      this.hexLength = hexLength;
    }

    MessageDigest newDigest() {
      try {
        return MessageDigest.getInstance(javaName);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(javaName + " is required on every Java platform", e);
      }
    }

    /** The name used in messages, e.g. {@code SHA-256}. */
    public String displayName() {
      return javaName;
    }
  }

  /** Normalises the hex to lower case and checks its length and digits. */
  public Checksum {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
    hex = hex.toLowerCase(Locale.ROOT);
    if (hex.length() != algorithm.hexLength || !hex.chars().allMatch(Checksum::isHexDigit)) {
      throw new InvalidInputException(
          algorithm.displayName() + " checksum '" + hex + "' must be " + algorithm.hexLength
              + " hex digits");
    }
  }

  public static Checksum sha256(String hex) {
    return new Checksum(Algorithm.SHA256, hex);
  }

  public static Checksum md5(String hex) {
    return new Checksum(Algorithm.MD5, hex);
  }

  /** The digest of {@code file}'s bytes (as stored, not decompressed) with this algorithm. */
  public String compute(Path file) throws IOException {
    return digestHex(algorithm, file);
  }

  /** Lower-case hex digest of a file's bytes. */
  public static String digestHex(Algorithm algorithm, Path file) throws IOException {
    MessageDigest digest = algorithm.newDigest();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Lower-case hex SHA-256 of a file's bytes. */
  public static String sha256Hex(Path file) throws IOException {
    return digestHex(Algorithm.SHA256, file);
  }

  /** Lower-case hex SHA-256 of a string's US-ASCII bytes. */
  public static String sha256Hex(String text) {
    MessageDigest digest = Algorithm.SHA256.newDigest();
    return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Lower-case hex SHA-256 of {@code bytes}. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(Algorithm.SHA256.newDigest().digest(bytes));
  }

  @Override
  public String toString() {
    return algorithm.displayName() + " " + hex;
  }

  private static boolean isHexDigit(int ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
  }
}
