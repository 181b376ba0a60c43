package dev.prunus.golden;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prunus.model.Architecture;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.prune.ChannelDependencies;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.UnitGroup;
import dev.prunus.prune.UnitRemoval;
import dev.prunus.train.NoGradient;
import dev.prunus.train.TrainableNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prunus's graph operations against torch.nn.functional: {@code bench/golden_graphs.py} wrote small
 * networks as Prunus architectures (depthwise, grouped, dilated and rectangular convolutions, ReLU6, hard
 * swish, squeeze-excitation, concatenation, channel shuffle, pooling with padding and ceil rounding) and
 * ran them in PyTorch; Prunus must give the same logits to 1e-4 of the largest. Each network is then
 * structurally pruned (every other removable group dropped) and compacted: the compact model must compute
 * what the masked one does, which checks the channel analysis and compaction on every operation.
 */
class GraphGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One network of the golden file. */
  record Case(String name, Architecture architecture, int batch, double[] logits) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in = GraphGoldenTest.class.getResourceAsStream("/dev/prunus/golden/graph-logits.json")) {
      List<Case> cases = new ArrayList<>();
      for (JsonNode c : JSON.readTree(in).get("cases")) {
        Architecture a = JSON.treeToValue(c.get("architecture"), Architecture.class);
        double[] logits = new double[c.get("logits").size()];
        for (int i = 0; i < logits.length; i++) {
          logits[i] = c.get("logits").get(i).asDouble();
        }
        cases.add(new Case(a.name(), a, c.get("batch").asInt(), logits));
      }
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void logitsEqualPyTorchs(Case c) {
    float[] got = forward(new Model(c.architecture(), GoldenValues.weights(c.architecture())), c.batch());
    assertThat(got).hasSize(c.logits().length);
    double scale = 0;
    double diff = 0;
    for (int i = 0; i < got.length; i++) {
      scale = Math.max(scale, Math.abs(c.logits()[i]));
      diff = Math.max(diff, Math.abs(got[i] - c.logits()[i]));
    }
    assertThat(diff / scale).as("largest difference over the largest logit").isLessThan(1e-4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void structuredPruningCompactsToTheSameOutputs(Case c) {
    Model dense = new Model(c.architecture(), GoldenValues.weights(c.architecture()));
    List<UnitGroup> groups = ChannelDependencies.of(c.architecture()).groups();
    List<UnitRemoval> drops = new ArrayList<>();
    for (int i = 0; i < groups.size(); i += 2) {
      if (groups.get(i).removable()) {
        UnitGroup.Member m = groups.get(i).members().get(0);
        drops.add(UnitRemoval.drop(m.layer(), m.unit()));
      }
    }
    assertThat(drops).as("%s has removable groups", c.name()).isNotEmpty();
    Model masked = MaskApplier.apply(dense, new PruningPlan("test", Masks.NONE, drops, Map.of()));
    Model compact = Compactor.compact(masked);
    assertThat(compact.architecture().parameterShapes().values().stream().mapToLong(s -> dev.prunus.model.Tensor.numel(s)).sum())
        .as("compaction removes parameters")
        .isLessThan(dense.architecture().parameterShapes().values().stream().mapToLong(s -> dev.prunus.model.Tensor.numel(s)).sum());
    float[] want = forward(masked, c.batch());
    float[] got = forward(compact, c.batch());
    double scale = 0;
    double diff = 0;
    for (int i = 0; i < got.length; i++) {
      scale = Math.max(scale, Math.abs(want[i]));
      diff = Math.max(diff, Math.abs(got[i] - want[i]));
    }
    assertThat(diff / scale).as("compact against masked").isLessThan(1e-5);
  }

  private static float[] forward(Model model, int batch) {
    Architecture a = model.architecture();
    float[] x = GoldenValues.input(a, batch);
    try (NDManager m = NDManager.newBaseManager(); TrainableNetwork net = TrainableNetwork.of(model, m)) {
      return NoGradient.compute(() -> net.forward(m.create(x, new Shape(batch, a.input().channels(),
          a.input().height(), a.input().width())), false).toFloatArray());
    }
  }
}
