package dev.prunus.golden;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Model;
import dev.prunus.model.Tensor;
import dev.prunus.model.Weights;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import dev.prunus.train.NoGradient;
import dev.prunus.train.TrainableNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every zoo model's forward pass against PyTorch's: {@code bench/golden_zoo.py} wrote each model again in
 * PyTorch from its published description and stored the logits of a fixed input under fixed weights
 * (float64, eval mode); Prunus must give them to 1e-4 of the largest logit. This covers what Prunus's own
 * tests cannot: convolution padding and strides, pooling, batch norm on running statistics, option-A and
 * projection shortcuts, zero-padding of 28x28 inputs, flatten order, and channel counts with a remainder
 * over oneDNN's blocks of 16.
 */
class ZooGoldenTest {
  private static final double TOLERANCE = 1e-4;

  /** One model of the golden file, named by model, width and input for the test report. */
  record Case(JsonNode json) {
    @Override
    public String toString() {
      return json.get("model").asText() + " width " + json.get("width") + " input " + json.get("input");
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in = ZooGoldenTest.class.getResourceAsStream("/dev/prunus/golden/zoo-logits.json")) {
      JsonNode doc = new ObjectMapper().readTree(in);
      List<Case> cases = new ArrayList<>();
      doc.get("cases").forEach(c -> cases.add(new Case(c)));
      return cases.stream();
    }
  }

  @Test
  void everyZooModelHasAGoldenCase() throws IOException {
    List<String> covered = cases().map(c -> c.json().get("model").asText()).distinct().toList();
    assertThat(covered).containsExactlyInAnyOrder(
        java.util.Arrays.stream(ModelId.values()).map(ModelId::cliName).toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logitsEqualPyTorchs(Case golden) {
    JsonNode c = golden.json();
    JsonNode in = c.get("input");
    FeatureShape input = new FeatureShape(in.get(0).asInt(), in.get(1).asInt(), in.get(2).asInt());
    Architecture arch = ModelId.fromName(c.get("model").asText())
        .build(new ModelOptions(input, c.get("classes").asInt(), c.get("width").asDouble(), List.of()));
    Weights weights = GoldenValues.weights(arch);
    assertThat(weights.tensors()).as("the same tensors as PyTorch's model").hasSize(c.get("tensors").asInt());
    int batch = c.get("batch").asInt();
    long[] shape = {batch, input.channels(), input.height(), input.width()};
    float[] x = GoldenValues.of("input", (int) Tensor.numel(shape), 0, 1);
    float[] logits;
    try (NDManager m = NDManager.newBaseManager(); TrainableNetwork net = TrainableNetwork.of(new Model(arch, weights), m)) {
      NDArray xs = m.create(x, new Shape(shape));
      logits = NoGradient.compute(() -> net.forward(xs, false).toFloatArray());
    }
    JsonNode expected = c.get("logits");
    assertThat(logits).hasSize(expected.size());
    double scale = 0;
    double diff = 0;
    for (int i = 0; i < logits.length; i++) {
      scale = Math.max(scale, Math.abs(expected.get(i).asDouble()));
      diff = Math.max(diff, Math.abs(logits[i] - expected.get(i).asDouble()));
    }
    assertThat(diff / scale).as("largest difference over the largest logit (%s)", c.get("model")).isLessThan(TOLERANCE);
  }
}
