package dev.prunus.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.model.Mask;
import dev.prunus.model.Tensor;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Prunus's container for named tensors and masks with a JSON header.
 *
 * <p>Layout: the 8 magic bytes {@code "PRUNUS\x01\n"}; a big-endian int {@code n} and {@code n} bytes of
 * UTF-8 JSON {@code {"meta": {...}, "tensors": [{"name", "shape", "dtype": "f32"|"mask"}]}}; then each
 * tensor's data in header order, {@code f32} as little-endian floats and {@code mask} as bits packed
 * eight to a byte (least significant first); finally a big-endian long holding the CRC-32 of every
 * preceding byte. A truncated or altered file fails the CRC and is rejected. Files are written
 * atomically.
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

  public static Contents read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new InvalidInputException("no file " + path + ": expected a Prunus tensor file there");
    }
    try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      CRC32 crc = new CRC32();
      DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw corrupt(path, "it does not start with the Prunus magic bytes");
      }
      int n = in.readInt();
      if (n <= 0 || n > (1 << 28)) {
        throw corrupt(path, "its header length " + n + " is impossible");
      }
      byte[] headerBytes = new byte[n];
      in.readFully(headerBytes);
      JsonNode header = JSON.readTree(new String(headerBytes, StandardCharsets.UTF_8));
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      Map<String, Mask> masks = new LinkedHashMap<>();
      for (JsonNode e : header.get("tensors")) {
        long[] shape = JSON.convertValue(e.get("shape"), long[].class);
        int size = (int) Tensor.numel(shape);
        String name = e.get("name").asText();
        if (e.get("dtype").asText().equals("f32")) {
          byte[] bytes = new byte[size * 4];
          in.readFully(bytes);
          float[] d = new float[size];
          ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(d);
          tensors.put(name, new Tensor(shape, d));
        } else {
          byte[] bytes = new byte[(size + 7) / 8];
          in.readFully(bytes);
          masks.put(name, new Mask(shape, unpack(bytes, size)));
        }
      }
      long expected = crc.getValue();
      long stored = new DataInputStream(raw).readLong();
      if (stored != expected || raw.read() != -1) {
        throw corrupt(path, "its checksum does not match its content");
      }
      return new Contents(header.get("meta"), tensors, masks);
    } catch (EOFException e) {
      throw corrupt(path, "it is truncated");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
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
