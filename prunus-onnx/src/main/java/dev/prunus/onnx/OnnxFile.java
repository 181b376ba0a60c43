package dev.prunus.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.prunus.InvalidInputException;
import dev.prunus.onnx.proto.OnnxProto.ModelProto;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an .onnx file into its protobuf message ({@code onnx.ModelProto}, classes generated from the ONNX
 * specification's onnx.proto at build time). A file that is not one, or is cut short, is refused with an
 * {@link InvalidInputException} naming it.
 */
public final class OnnxFile {
  private OnnxFile() {}

  public static ModelProto read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + " is not a file: give the path of an .onnx model");
    }
    ModelProto m;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      CodedInputStream coded = CodedInputStream.newInstance(in);
      coded.setSizeLimit(Integer.MAX_VALUE);
      m = ModelProto.parseFrom(coded);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidInputException(file + " is not an ONNX model, or it is cut short (" + e.getMessage()
          + "): give a complete .onnx file, e.g. from torch.onnx.export", e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
    }
    if (!m.hasGraph() || m.getGraph().getNodeCount() == 0) {
      throw new InvalidInputException(file + " is not an ONNX model: it holds no graph of nodes; give an .onnx file, "
          + "e.g. from torch.onnx.export");
    }
    if (m.getOpsetImportCount() == 0) {
      throw new InvalidInputException(file + " is not an ONNX model: it declares no operator set (opset_import)");
    }
    return m;
  }
}
