package dev.prunus.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.measure.InferenceBenchmark;
import dev.prunus.measure.InferenceEngine;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.prune.Compactor;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningTarget;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * ONNX Runtime as a timing engine: found by the service loader, it runs what Prunus computes (the same
 * batch libtorch and the sparse path get, the exported masked and compacted forms, with ONNX Runtime's
 * graph optimisations on), and the benchmark times it beside the other forms.
 */
class OrtInferenceTest {
  private static Model masked(ModelId id) {
    Model dense = OnnxExportTest.zoo(id);
    return MaskApplier.apply(dense, MethodRegistry.standard().create("l1-structured", Map.of())
        .plan(dense, PruningContext.withoutData(PruningTarget.ofSparsity(0.5), 1)));
  }

  private static void computesWhatPrunusComputes(Model m, int batch) {
    FeatureShape in = m.architecture().input();
    float[] x = InferenceEngine.input(batch * (int) in.size(), 5);
    try (OrtInference.Session s = (OrtInference.Session) new OrtInference().withThreads(1).prepare(m, batch, 5)
        .orElseThrow()) {
      assertThat(Forward.relativeDifference(s.output(), Forward.logits(m, x, batch))).isLessThan(1e-4);
    }
  }

  @Test
  void theServiceLoaderFindsIt() {
    assertThat(ServiceLoader.load(InferenceEngine.class).stream().map(p -> p.get().id()))
        .containsExactly(OrtInference.ID);
  }

  @Test
  void maskedAndCompactedModelsComputeInOnnxRuntimeWhatTheyComputeInPrunus() {
    Model masked = masked(ModelId.RESNET20);
    Model compact = Compactor.compact(masked);
    assertThat(compact.weights().get("layer1.0.conv1.weight").shape()[0]).as("really compacted").isLessThan(16);
    computesWhatPrunusComputes(masked, 3);
    computesWhatPrunusComputes(compact, 3);
    computesWhatPrunusComputes(OnnxExportTest.zoo(ModelId.LENET_300_100), 1);
  }

  @Test
  void theBenchmarkTimesItBesideTheOtherForms() {
    Model masked = masked(ModelId.LENET5);
    List<InferenceBenchmark.Measurement> m = new InferenceBenchmark(List.of(1, 4), 3, 1).run(List.of(
        new InferenceBenchmark.Candidate("masked", masked, new OrtInference()),
        new InferenceBenchmark.Candidate("compacted", Compactor.compact(masked), new OrtInference().withThreads(2))),
        1);
    assertThat(m).extracting(x -> x.form() + "/" + x.engine() + "/" + x.batch())
        .containsExactly("masked/onnxruntime/1", "compacted/onnxruntime/1", "masked/onnxruntime/4",
            "compacted/onnxruntime/4");
    assertThat(m).allSatisfy(x -> assertThat(x.p90Ms()).isGreaterThanOrEqualTo(x.medianMs()).isPositive());
  }

  @Test
  void aThreadCountBelowOneIsRefused() {
    assertThatThrownBy(() -> new OrtInference().withThreads(0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("threads=0 must be at least 1");
  }
}
