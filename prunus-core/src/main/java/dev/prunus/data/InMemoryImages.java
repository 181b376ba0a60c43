package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Images a Java caller holds in memory, as {@link ImageSet}s of any shape and class count, rather than a
 * catalogue dataset or an image folder: what {@link dev.prunus.run.PreparedData#of(ImageSet, ImageSet, double,
 * long)} prepares. Its data are identified by {@link #sha256}, over the shapes, labels and pixel bits. It is
 * not a name to load: {@link DatasetRepository#load(DatasetRef)} refuses it, and a file that records it
 * ({@code images:NAME}) cannot be read back as a dataset.
 *
 * @param name what the images are called in messages and metrics, e.g. {@code images} or {@code sensors}
 */
public record InMemoryImages(String name, int channels, int height, int width, int numClasses) implements DatasetRef {
  /** The prefix of its {@link #cliName()}: {@code images:NAME}. */
  public static final String PREFIX = "images:";

  /** Checks the name (letters, digits, '-', '_' or '.') and a positive shape and class count. */
  public InMemoryImages {
    if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
      throw new InvalidInputException("{{name='" + name + "'}} must be letters, digits, '.', '_' or '-', e.g. images");
    }
    if (channels <= 0 || height <= 0 || width <= 0 || numClasses <= 0) {
      throw new InvalidInputException("images of " + channels + "x" + height + "x" + width + " with " + numClasses
          + " classes: the shape and the class count must be positive");
    }
  }

  /** The images named {@code name}, with the shape and class count of {@code images}. */
  public static InMemoryImages like(String name, ImageSet images) {
    return new InMemoryImages(name, images.channels(), images.height(), images.width(), images.numClasses());
  }

  /**
   * The lower-case hex SHA-256 of {@code sets} in order: for each, its shape, class count and size as
   * big-endian ints, then its labels, then the bits of its pixels. Equal sets give equal digests; a change
   * of one pixel or label changes it.
   */
  public static String sha256(ImageSet... sets) {
    MessageDigest digest = Checksum.Algorithm.SHA256.newDigest();
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    for (ImageSet s : sets) {
      for (int v : new int[] {s.channels(), s.height(), s.width(), s.numClasses(), s.size()}) {
        buffer = put(digest, buffer, v);
      }
      for (int label : s.labels()) {
        buffer = put(digest, buffer, label);
      }
      for (float p : s.pixels()) {
        buffer = put(digest, buffer, Float.floatToIntBits(p));
      }
    }
    buffer.flip();
    digest.update(buffer);
    return HexFormat.of().formatHex(digest.digest());
  }

  private static ByteBuffer put(MessageDigest digest, ByteBuffer buffer, int value) {
    if (buffer.remaining() < Integer.BYTES) {
      buffer.flip();
      digest.update(buffer);
      buffer.clear();
    }
    return buffer.putInt(value);
  }

  @Override
  public String cliName() {
    return PREFIX + name;
  }

  @Override
  public String shortName() {
    return name;
  }

  @Override
  public List<String> classNames() {
    return List.of();
  }

  /** No augmentation: the caller's images are whatever they are. */
  @Override
  public boolean augment() {
    return false;
  }
}
