package dev.prunus.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prunus.model.Model;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.onnx.TorchvisionFixtures.Fixture;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.Scope;
import dev.prunus.prune.method.Magnitude;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safetensors export read back two ways that share nothing with the writer: in Java from the format's
 * description (an 8-byte little-endian header length, a JSON header of dtype, shape and data_offsets, the
 * data), and by PyTorch itself, which loads the file written for an imported torchvision ResNet-18 into the
 * same model with load_state_dict(strict=True), no key missing (batch norm fills in the num_batches_tracked
 * counters the file leaves out), and finds every tensor equal to its own.
 */
class SafetensorsExportTest {
  /** The tensors of a safetensors file, by name, as the format describes them. */
  static Map<String, Tensor> read(byte[] file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = b.getLong();
    assertThat((8 + headerLength) % 8).as("the data start 8-byte aligned").isZero();
    JsonNode header = new ObjectMapper().readTree(new String(file, 8, (int) headerLength, StandardCharsets.UTF_8));
    int dataStart = (int) (8 + headerLength);
    Map<String, Tensor> out = new java.util.LinkedHashMap<>();
    List<long[]> ranges = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("__metadata__")) {
        continue;
      }
      assertThat(e.getValue().get("dtype").asText()).isEqualTo("F32");
      long[] shape = new long[e.getValue().get("shape").size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = e.getValue().get("shape").get(i).asLong();
      }
      long begin = e.getValue().get("data_offsets").get(0).asLong();
      long end = e.getValue().get("data_offsets").get(1).asLong();
      assertThat(end - begin).isEqualTo(4 * Tensor.numel(shape));
      float[] v = new float[(int) Tensor.numel(shape)];
      ByteBuffer.wrap(file, (int) (dataStart + begin), (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN)
          .asFloatBuffer().get(v);
      out.put(e.getKey(), new Tensor(shape, v));
      ranges.add(new long[] {begin, end});
    }
    ranges.sort((x, y) -> Long.compare(x[0], y[0]));
    long next = 0;
    for (long[] r : ranges) {
      assertThat(r[0]).as("tensors lie back to back").isEqualTo(next);
      next = r[1];
    }
    assertThat(dataStart + next).as("the data end the file").isEqualTo(file.length);
    return out;
  }

  @Test
  void aMaskedModelsWeightsReadBackWithPyTorchNamesAndZerosWhereMasked() throws Exception {
    Model dense = OnnxExportTest.zoo(ModelId.RESNET20);
    Model masked = MaskApplier.apply(dense, Magnitude.builder().optScope(Scope.LAYER).build()
        .plan(dense, PruningContext.withoutData(PruningTarget.ofDensity(0.3), 1)));
    byte[] file = SafetensorsExport.toBytes(masked);
    Map<String, Tensor> back = read(file);
    Weights want = masked.masks().apply(masked.weights());
    assertThat(back).hasSameSizeAs(want.tensors());
    for (Map.Entry<String, Tensor> e : want.tensors().entrySet()) {
      assertThat(back.get(PyTorchNames.of(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(back).containsKeys("bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var")
        .doesNotContainKeys("bn1.gamma", "bn1.beta");
    float[] conv = back.get("layer1.0.conv1.weight").data();
    boolean[] keep = masked.masks().get("layer1.0.conv1.weight").keep();
    for (int i = 0; i < keep.length; i++) {
      if (!keep[i]) {
        assertThat(conv[i]).isZero();
      }
    }
    JsonNode meta = new ObjectMapper().readTree(new String(file, 8, (int) ByteBuffer.wrap(file)
        .order(ByteOrder.LITTLE_ENDIAN).getLong(), StandardCharsets.UTF_8)).get("__metadata__");
    assertThat(meta.get("format").asText()).isEqualTo("pt");
    assertThat(meta.get("architecture").asText()).isEqualTo("resnet20");
  }

  @Test
  void pyTorchLoadsTheImportedResNet18sWeightsIntoTorchvisionsModel(@TempDir Path tmp) throws Exception {
    Fixture resnet = TorchvisionFixtures.get("resnet18");
    String python = TorchvisionFixtures.python().orElse(null);
    Assumptions.assumeTrue(python != null, "no python3 with torch: PyTorch's side of this check cannot run");
    Path file = tmp.resolve("resnet18.safetensors");
    SafetensorsExport.write(OnnxImport.read(resnet.file()).model(), file);
    Process p = new ProcessBuilder(python, TorchvisionFixtures.script().toString(), "check-safetensors", "resnet18",
        file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    String[] lines = new String(out, StandardCharsets.UTF_8).strip().split("\n");
    JsonNode r = new ObjectMapper().readTree(lines[lines.length - 1]);
    assertThat(r.get("strict").asText()).as("load_state_dict(strict=True)").isEqualTo("loaded");
    assertThat(r.get("unexpected")).isEmpty();
    assertThat(r.get("missing")).as("batch norm fills in num_batches_tracked itself").isEmpty();
    assertThat(r.get("max_abs_difference").asDouble()).isZero();
    assertThat(r.get("tensors").asInt()).isEqualTo(102);
    assertThat(Files.size(file)).isGreaterThan(4L * 11_689_512);
  }
}
