package dev.prunus.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.measure.ModelCount;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Model;
import dev.prunus.onnx.TorchvisionFixtures.Fixture;
import dev.prunus.prune.ChannelDependencies;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.LayerSelection;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.UnitGroup;
import dev.prunus.prune.method.L1Structured;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * torchvision's classifiers, exported by PyTorch 1.13 (bench/onnx_fixtures.py), against ONNX Runtime: the
 * imported model computes what ONNX Runtime computes on the original file, to 1e-4 of the largest logit;
 * Prunus's export of it computes what Prunus does; and so does the export after structured pruning of half
 * the channels (l1-structured, coupled groups together) and compaction. The parameter count is PyTorch's
 * own. Each row is printed as the README's table has it.
 */
class TorchvisionOracleTest {
  private static final double TOLERANCE = 1e-4;

  /** The models bench/onnx_fixtures.py exports (named here so that, without Python, each test shows as skipped). */
  static final List<String> MODELS = List.of("resnet18", "mobilenet_v2", "mobilenet_v3_small", "vgg11_bn",
      "squeezenet1_1", "shufflenet_v2_x0_5", "densenet121", "efficientnet_b0", "googlenet", "regnet_x_400mf",
      "mnasnet0_5");

  @Test
  void theScriptExportsEachModelTestedHere() {
    assertThat(TorchvisionFixtures.all()).extracting(Fixture::name).containsExactlyElementsOf(MODELS);
  }

  static List<String> models() {
    return MODELS;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void importedExportedAndPrunedModelsComputeWhatOnnxRuntimeDoes(String name) {
    Fixture f = TorchvisionFixtures.get(name);
    Model model = OnnxImport.read(f.file()).model();
    ModelCount dense = ModelCounter.count(model);
    assertThat(dense.params() + dense.batchNormParams()).as("PyTorch's parameter count").isEqualTo(f.parameters());
    FeatureShape in = model.architecture().input();
    int batch = f.batch() == null ? 2 : f.batch();
    float[] x = Forward.input(in, batch, 7);
    long[] shape = {batch, in.channels(), in.height(), in.width()};
    double imported = Forward.relativeDifference(Forward.logits(model, x, batch), OrtOracle.run(f.file(), x, shape));
    assertThat(imported).as("imported against ONNX Runtime on the original").isLessThan(TOLERANCE);

    float[] x2 = Forward.input(in, 2, 11);
    long[] shape2 = {2, in.channels(), in.height(), in.width()};
    float[] prunusDense = Forward.logits(model, x2, 2);
    double exported = Forward.relativeDifference(OrtOracle.run(OnnxExport.toProto(model).toByteArray(), x2, shape2),
        prunusDense);
    assertThat(exported).as("export against Prunus").isLessThan(TOLERANCE);

    PruningPlan plan = L1Structured.builder().optNorm(L1Structured.Norm.L1)
        .optCoupled(L1Structured.Coupled.TOGETHER).optLayers(LayerSelection.ALL).build()
        .plan(model, PruningContext.withoutData(PruningTarget.ofSparsity(0.5), 1));
    Model masked = MaskApplier.apply(model, plan);
    String pinned = pinned(model);
    model = null;
    Model compact = Compactor.compact(masked);
    float[] prunusMasked = Forward.logits(masked, x2, 2);
    masked = null;
    float[] prunusCompact = Forward.logits(compact, x2, 2);
    assertThat(Forward.relativeDifference(prunusCompact, prunusMasked)).as("compact against masked").isLessThan(TOLERANCE);
    double pruned = Forward.relativeDifference(OrtOracle.run(OnnxExport.toProto(compact).toByteArray(), x2, shape2),
        prunusCompact);
    assertThat(pruned).as("pruned and compacted export against Prunus").isLessThan(TOLERANCE);
    ModelCount small = ModelCounter.count(compact);
    assertThat(small.params()).as("compaction removes parameters").isLessThan(dense.params());
    System.out.printf(Locale.ROOT, "| %s | yes (opset %d) | %.1e | %,d -> %,d | %,d -> %,d | %s | %.1e |%n", f.name(),
        f.opset(), imported, dense.params(), small.params(), dense.denseFlops(), small.denseFlops(), pinned, pruned);
  }

  /** The groups that stay dense and why: the pinned groups counted by reason (the node for an operation). */
  private static String pinned(Model model) {
    Map<String, Integer> why = new TreeMap<>();
    for (UnitGroup g : ChannelDependencies.of(model.architecture()).groups()) {
      if (g.pin() == UnitGroup.Pin.OPERATION) {
        why.merge(g.pinnedBy().replaceFirst("^[^:]*: ", ""), 1, Integer::sum);
      } else if (g.pin() != UnitGroup.Pin.NONE) {
        why.merge(g.pin().name().toLowerCase(Locale.ROOT).replace('_', ' '), 1, Integer::sum);
      }
    }
    return why.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining("; "));
  }
}
