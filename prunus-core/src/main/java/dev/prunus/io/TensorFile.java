package dev.prunus.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.model.Mask;
import dev.prunus.model.Tensor;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Prunus's container for named tensors and masks with a JSON header.
 *
 * <p>Layout: the 8 magic bytes {@code "PRUNUS\x01\n"}; a big-endian int {@code n} and {@code n} bytes of
 * UTF-8 JSON {@code {"meta": {...}, "tensors": [{"name", "shape", "dtype": "f32"|"mask"}]}}; then each
 * tensor's data in header order, {@code f32} as little-endian floats and {@code mask} as bits packed
 * eight to a byte (least significant first); finally a big-endian long holding the CRC-32 of every
 * preceding byte. A truncated, altered or forged file is rejected ({@link #read}) before its header is
 * trusted with an allocation. Files are written atomically.
 */
public final class TensorFile {
  private static final byte[] MAGIC = {'P', 'R', 'U', 'N', 'U', 'S', 1, '\n'};
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a file holds. */
  public record Contents(JsonNode meta, Map<String, Tensor> tensors, Map<String, Mask> masks) {}

  private TensorFile() {}

  public static void write(Path path, JsonNode meta, Map<String, Tensor> tensors, Map<String, Mask> masks) {
    ObjectNode header = JSON.createObjectNode();
    header.set("meta", meta == null ? JSON.createObjectNode() : meta);
    ArrayNode list = header.putArray("tensors");
    tensors.forEach((name, t) -> entry(list, name, t.shape(), "f32"));
    masks.forEach((name, m) -> entry(list, name, m.shape(), "mask"));
    byte[] headerBytes;
    try {
      headerBytes = JSON.writeValueAsBytes(header);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.write(path, raw -> {
      CRC32 crc = new CRC32();
      DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
      out.write(MAGIC);
      out.writeInt(headerBytes.length);
      out.write(headerBytes);
      for (Tensor t : tensors.values()) {
        ByteBuffer b = ByteBuffer.allocate(t.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(t.data());
        out.write(b.array());
      }
      for (Mask m : masks.values()) {
        out.write(pack(m.keep()));
      }
      out.flush();
      new DataOutputStream(raw).writeLong(crc.getValue());
    });
  }

  /**
   * Reads a file, trusting nothing in it until it is checked: the magic bytes, a header length within the
   * file, a well-formed header ({@link TensorFileHeader}) whose tensors add up to exactly the file's
   * length, and the CRC over every byte; only then is any tensor allocated, so a damaged or forged file
   * costs no more memory than its own size.
   *
   * @throws InvalidInputException naming the file and what is wrong with it
   */
  public static Contents read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new InvalidInputException("no file " + path + ": expected a Prunus tensor file there");
    }
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long length = ch.size();
      ByteBuffer start = ByteBuffer.allocate((int) Math.min(length, MAGIC.length + 4));
      readFully(ch, start, 0);
      byte[] magic = java.util.Arrays.copyOf(start.array(), Math.min(start.capacity(), MAGIC.length));
      if (!java.util.Arrays.equals(magic, java.util.Arrays.copyOf(MAGIC, magic.length))) {
        throw corrupt(path, "it does not start with the Prunus magic bytes");
      }
      long fixed = MAGIC.length + 4 + 8;
      if (length < fixed) {
        throw corrupt(path, "it is truncated (" + length + " bytes)");
      }
      int n = start.getInt(MAGIC.length);
      if (n <= 0 || n > (1 << 28)) {
        throw corrupt(path, "its header length " + n + " is impossible");
      }
      if (fixed + n > length) {
        throw corrupt(path, "it is truncated (its header alone needs " + (fixed + n) + " bytes, the file has "
            + length + ")");
      }
      ByteBuffer headerBytes = ByteBuffer.allocate(n);
      readFully(ch, headerBytes, MAGIC.length + 4);
      TensorFileHeader header = null;
      String invalid = null;
      try {
        header = TensorFileHeader.parse(headerBytes.array(), JSON);
      } catch (TensorFileHeader.Invalid e) {
        invalid = e.getMessage();
      }
      long declared = header == null ? -1 : fixed + n + header.dataBytes();
      if (!checksumMatches(ch, length)) {
        throw corrupt(path, declared > length ? "it is truncated (its header declares " + declared
            + " bytes, the file has " + length + ")" : "its checksum does not match its content");
      }
      if (invalid != null) {
        throw corrupt(path, invalid);
      }
      if (declared != length) {
        throw corrupt(path, "its header declares " + declared + " bytes, but the file has " + length);
      }
      return readData(ch, header, MAGIC.length + 4L + n);
    } catch (EOFException e) {
      throw corrupt(path, "it is truncated"); // it shrank while being read
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
    }
  }

  /** The tensors and masks the header lists, in its order, read from {@code offset} on. */
  private static Contents readData(FileChannel ch, TensorFileHeader header, long offset) throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    Map<String, Mask> masks = new LinkedHashMap<>();
    ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    long at = offset;
    for (TensorFileHeader.Entry e : header.entries()) {
      if (e.isMask()) {
        ByteBuffer bits = ByteBuffer.allocate((int) e.bytes());
        readFully(ch, bits, at);
        masks.put(e.name(), new Mask(e.shape(), unpack(bits.array(), e.size())));
      } else {
        float[] d = new float[e.size()];
        for (int done = 0; done < d.length; ) {
          int count = Math.min(chunk.capacity() / 4, d.length - done);
          chunk.clear().limit(count * 4);
          readFully(ch, chunk, at + 4L * done);
          chunk.flip().asFloatBuffer().get(d, done, count);
          done += count;
        }
        tensors.put(e.name(), new Tensor(e.shape(), d));
      }
      at += e.bytes();
    }
    return new Contents(header.meta(), tensors, masks);
  }

  /** Whether the big-endian long in the last 8 bytes is the CRC-32 of the bytes before it. */
  private static boolean checksumMatches(FileChannel ch, long length) throws IOException {
    CRC32 crc = new CRC32();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    long end = length - 8;
    for (long at = 0; at < end; ) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), end - at));
      readFully(ch, buffer, at);
      at += buffer.position();
      buffer.flip();
      crc.update(buffer);
    }
    ByteBuffer stored = ByteBuffer.allocate(8);
    readFully(ch, stored, end);
    return stored.getLong(0) == crc.getValue();
  }

  /** Fills {@code b} (to its limit) from the channel at {@code position}. */
  private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
    long at = position;
    while (b.hasRemaining()) {
      int r = ch.read(b, at);
      if (r < 0) {
        throw new EOFException();
      }
      at += r;
    }
  }

  private static InvalidInputException corrupt(Path path, String why) {
    return new InvalidInputException(
        path + " is not a valid Prunus tensor file: " + why + ". Re-create it (re-run the command that wrote it)");
  }

  private static void entry(ArrayNode list, String name, long[] shape, String dtype) {
    ObjectNode o = list.addObject();
    o.put("name", name);
    ArrayNode s = o.putArray("shape");
    for (long d : shape) {
      s.add(d);
    }
    o.put("dtype", dtype);
  }

  private static byte[] pack(boolean[] bits) {
    byte[] b = new byte[(bits.length + 7) / 8];
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        b[i >> 3] |= (byte) (1 << (i & 7));
      }
    }
    return b;
  }

  private static boolean[] unpack(byte[] b, int size) {
    boolean[] bits = new boolean[size];
    for (int i = 0; i < size; i++) {
      bits[i] = (b[i >> 3] & (1 << (i & 7))) != 0;
    }
    return bits;
  }
}
