package dev.prunus.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON header of a {@link TensorFile}, checked before anything it declares is allocated: an object
 * with an optional {@code meta} object and a {@code tensors} array whose entries each have a string
 * {@code name} (unique among the tensors, and among the masks), a {@code shape} of whole numbers in {@code [0, 2^31)}, and a {@code dtype} of
 * {@code f32} or {@code mask}; every tensor must fit one Java array. {@link #dataBytes()} is what the
 * entries occupy after the header, computed without overflow, so a reader can compare it with the file's
 * length before reading a byte of data.
 */
record TensorFileHeader(JsonNode meta, List<Entry> entries) {
  /** One declared tensor or mask. */
  record Entry(String name, long[] shape, boolean isMask, int size) {
    /** Bytes of data: 4 per float, or the mask's bits packed eight to a byte. */
    long bytes() {
      return isMask ? (size + 7L) / 8 : 4L * size;
    }
  }

  /** Why a header is not valid: the parse stops at the first problem. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /** Largest number of values in one tensor: its floats must fit a Java array and its bytes an int. */
  static final int MAX_VALUES = (Integer.MAX_VALUE - 8) / 4;

  long dataBytes() {
    long total = 0;
    for (Entry e : entries) {
      total += e.bytes(); // at most entries x 2^31, far from overflowing a long
    }
    return total;
  }

  static TensorFileHeader parse(byte[] utf8, ObjectMapper json) throws Invalid {
    JsonNode root;
    try {
      root = json.readTree(new String(utf8, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new Invalid("its header is not JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new Invalid("its header is not a JSON object");
    }
    JsonNode meta = root.get("meta");
    if (meta != null && !meta.isNull() && !meta.isObject()) {
      throw new Invalid("its header's meta is not an object");
    }
    JsonNode tensors = root.get("tensors");
    if (tensors == null || !tensors.isArray()) {
      throw new Invalid("its header has no tensors list");
    }
    List<Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode e : tensors) {
      Entry entry = entry(e, entries.size());
      if (!names.add((entry.isMask() ? "mask " : "tensor ") + entry.name())) {
        throw new Invalid("its header names " + (entry.isMask() ? "mask '" : "tensor '") + entry.name() + "' twice");
      }
      entries.add(entry);
    }
    return new TensorFileHeader(meta == null || meta.isNull() ? json.createObjectNode() : (ObjectNode) meta,
        List.copyOf(entries));
  }

  private static Entry entry(JsonNode e, int index) throws Invalid {
    String where = "tensor " + index + " of its header";
    if (!e.isObject() || !e.path("name").isTextual()) {
      throw new Invalid(where + " has no name");
    }
    String name = e.get("name").asText();
    String dtype = e.path("dtype").asText("");
    if (!dtype.equals("f32") && !dtype.equals("mask")) {
      throw new Invalid("tensor '" + name + "' has dtype '" + dtype + "', not f32 or mask");
    }
    JsonNode s = e.get("shape");
    if (s == null || !s.isArray()) {
      throw new Invalid("tensor '" + name + "' has no shape");
    }
    long[] shape = new long[s.size()];
    long size = 1;
    for (int i = 0; i < shape.length; i++) {
      JsonNode d = s.get(i);
      if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0 || d.asLong() > Integer.MAX_VALUE) {
        throw new Invalid("tensor '" + name + "' has shape " + s + ": dimensions must be whole numbers in [0, 2^31)");
      }
      shape[i] = d.asLong();
      size *= shape[i]; // size stays below 2^30 and each factor below 2^31: the product fits a long
      if (size > MAX_VALUES) {
        throw new Invalid("tensor '" + name + "' has shape " + s + ": more than " + MAX_VALUES + " values");
      }
    }
    return new Entry(name, shape, dtype.equals("mask"), (int) size);
  }
}
