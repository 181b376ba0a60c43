package dev.prunus.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.io.AtomicFiles;
import dev.prunus.model.Model;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import dev.prunus.run.Versions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a model's weights, and only its weights, as a safetensors file: an 8-byte little-endian header
 * length, a JSON header naming each tensor's {@code dtype} ({@code F32}), {@code shape} and
 * {@code data_offsets} (from the start of the data, end exclusive), padded with spaces to 8 bytes, then
 * the tensors' little-endian float32 values back to back. Names are PyTorch's ({@link PyTorchNames}): a
 * model imported from PyTorch loads with {@code model.load_state_dict(tensors)}, strict included. Batch
 * norm's {@code num_batches_tracked} counters are not written: they count training steps, which Prunus does
 * not keep, and PyTorch (1.13, checked in the tests) fills them in with 0 itself when a state dict carries no
 * version metadata, as one read from a file does; it reads them only to average running statistics when a
 * batch norm's momentum is None (torchvision's never is), never in eval mode. Masked weights are written as
 * zeros; a compacted model with its smaller shapes (it then loads only into a network of those shapes). The
 * header's {@code __metadata__} names the format ({@code pt}), the architecture and Prunus's version.
 */
public final class SafetensorsExport {
  private SafetensorsExport() {}

  /** Writes {@code model}'s weights to {@code file} atomically. */
  public static void write(Model model, Path file) {
    AtomicFiles.write(file, out -> write(model, out));
  }

  /** The file's bytes. */
  public static byte[] toBytes(Model model) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      write(model, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(Model model, OutputStream out) throws IOException {
    Weights weights = model.masks().apply(model.weights());
    ObjectNode header = new ObjectMapper().createObjectNode();
    ObjectNode meta = header.putObject("__metadata__");
    meta.put("format", "pt");
    meta.put("architecture", model.architecture().name());
    meta.put("producer", "prunus " + Versions.prunus());
    long offset = 0;
    for (Map.Entry<String, Tensor> e : weights.tensors().entrySet()) {
      ObjectNode t = header.putObject(PyTorchNames.of(e.getKey()));
      t.put("dtype", "F32");
      var shape = t.putArray("shape");
      for (long d : e.getValue().shape()) {
        shape.add(d);
      }
      long end = offset + 4L * e.getValue().size();
      t.putArray("data_offsets").add(offset).add(end);
      offset = end;
    }
    byte[] json = new ObjectMapper().writeValueAsBytes(header);
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
    out.write(length.array());
    out.write(json);
    out.write(" ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII));
    ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (Tensor t : weights.tensors().values()) {
      for (float v : t.data()) {
        if (!chunk.hasRemaining()) {
          out.write(chunk.array(), 0, chunk.position());
          chunk.clear();
        }
        chunk.putFloat(v);
      }
    }
    out.write(chunk.array(), 0, chunk.position());
  }
}
