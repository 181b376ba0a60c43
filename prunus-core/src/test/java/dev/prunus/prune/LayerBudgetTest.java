package dev.prunus.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.FlattenLayer;
import dev.prunus.model.LinearLayer;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.ReluLayer;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayerBudgetTest {
  /** flatten(1x2x2) -> fc1 4->4 -> fc2 4->2: 16 + 8 weights, 6 biases. */
  private static Architecture tiny() {
    return Architecture.sequential("tiny", new FeatureShape(1, 2, 2), 2, 1, List.of(
        new FlattenLayer(), new LinearLayer("fc1", 4, 4, true), new ReluLayer(), new LinearLayer("fc2", 4, 2, true)));
  }

  private static Architecture zoo(ModelId id) {
    return id.build(new ModelOptions(id.standardInput(), 10, 1, List.of()));
  }

  @Test
  void handComputedErkCase() {
    // ERK scores (in+out)/(in*out): fc1 8/16 = 0.5, fc2 6/8 = 0.75. Half of 24 weights is 12 = eps*(16*0.5 + 8*0.75)
    // = 14 eps, so eps = 6/7: fc1 keeps 16*3/7 = 6.857 connections, fc2 8*9/14 = 5.143. Rounded down 6 + 5 = 11; the
    // last one goes to the larger remainder, fc1.
    Architecture a = tiny();
    LayerBudget.Allocation b = LayerBudget.allocate(a, a.prunableLayers(), 0.5, LayerBudget.Rule.ERK,
        LayerBudget.Count.WEIGHTS);
    assertThat(b.layers().get("fc1").connections()).isEqualTo(7);
    assertThat(b.layers().get("fc2").connections()).isEqualTo(5);
    assertThat(b.keptParams()).isEqualTo(12);
    assertThat(b.unallocatedWeights()).isZero();
  }

  @Test
  void countingParamsTakesTheBiasesOutOfTheWeightBudget() {
    // 30 params; 0.6 of them is 18, of which the 6 biases are kept: 12 weights, as in the case above.
    Architecture a = tiny();
    LayerBudget.Allocation b = LayerBudget.allocate(a, a.prunableLayers(), 0.6, LayerBudget.Rule.ERK,
        LayerBudget.Count.PARAMS);
    assertThat(b.totalParams()).isEqualTo(30);
    assertThat(b.keptParams()).isEqualTo(18);
    assertThat(b.layers().values().stream().mapToLong(LayerBudget.LayerShare::weights).sum()).isEqualTo(12);
  }

  @ParameterizedTest
  @CsvSource({"LENET5_CAFFE, 0.023", "LENET5, 0.023", "LENET5, 0.1", "LENET_300_100, 0.05", "LENET5_CAFFE, 0.5"})
  void paramsBudgetSumsExactlyToTheTarget(ModelId id, double density) {
    Architecture a = zoo(id);
    for (LayerBudget.Rule rule : LayerBudget.Rule.values()) {
      LayerBudget.Allocation b = LayerBudget.allocate(a, a.prunableLayers(), density, rule, LayerBudget.Count.PARAMS);
      long kept = 0;
      long total = 0;
      for (PrunableLayer p : a.prunableLayers()) {
        kept += b.layers().get(p.name()).weights() + p.outputUnits();
        total += p.parameterCount();
        LayerBudget.LayerShare s = b.layers().get(p.name());
        assertThat(s.connections()).as("every output keeps a connection").isGreaterThanOrEqualTo(p.outputUnits());
        assertThat(s.connections()).isLessThanOrEqualTo(s.totalConnections());
      }
      assertThat(b.unallocatedWeights()).isZero();
      assertThat(kept).as(rule + ": kept params").isEqualTo(Math.round(density * total)).isEqualTo(b.keptParams());
    }
  }

  @Test
  void erkMakesLargerLayersSparserAndTheFirstAndLastDenser() {
    Architecture a = zoo(ModelId.LENET5_CAFFE); // conv1 1x20x5x5, conv2 20x50x5x5, fc1 800x500, fc2 500x10
    Map<String, Double> d = LayerBudget.allocate(a, a.prunableLayers(), 0.023, LayerBudget.Rule.ERK,
        LayerBudget.Count.PARAMS).densities();
    assertThat(d.get("conv1")).isGreaterThan(d.get("conv2"));
    assertThat(d.get("conv2")).isGreaterThan(d.get("fc1"));
    assertThat(d.get("fc2")).isGreaterThan(d.get("fc1"));
    assertThat(d.get("conv1")).as("one input channel: every output keeps its only kernel").isEqualTo(1.0);
  }

  @Test
  void uniformGivesEveryUnclampedLayerTheSameDensity() {
    Architecture a = zoo(ModelId.LENET_300_100); // 784x300, 300x100, 100x10
    Map<String, Double> d = LayerBudget.allocate(a, a.prunableLayers(), 0.2, LayerBudget.Rule.UNIFORM,
        LayerBudget.Count.WEIGHTS).densities();
    for (double v : d.values()) {
      assertThat(v).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.002));
    }
  }

  @Test
  void unselectedLayersStayDenseInsideTheBudget() {
    Architecture a = zoo(ModelId.LENET_300_100);
    List<PrunableLayer> middle = LayerSelection.parse("no-first-last").select(a);
    // the dense first and last layers are 236,200 of 266,200 weights: 95% leaves 16,690 for fc2
    LayerBudget.Allocation b = LayerBudget.allocate(a, middle, 0.95, LayerBudget.Rule.ERK, LayerBudget.Count.WEIGHTS);
    assertThat(b.layers()).containsOnlyKeys("fc2");
    assertThat(b.layers().get("fc2").weights()).isEqualTo(16_690);
  }

  @Test
  void anAllConvolutionNetworkFallsShortByLessThanOneKernel() {
    Architecture a = zoo(ModelId.VGG16); // the last layer is linear, so mask only the convolutions
    List<PrunableLayer> convs = a.prunableLayers().stream().filter(p -> p.weightShape().length == 4).toList();
    LayerBudget.Allocation b = LayerBudget.allocate(a, convs, 0.0902, LayerBudget.Rule.ERK, LayerBudget.Count.WEIGHTS);
    assertThat(b.unallocatedWeights()).isBetween(0L, 8L);
  }

  @Test
  void tooLowOrTooHighADensityIsRefusedNamingTheLimit() {
    Architecture a = tiny();
    // one connection per output: 4 + 2 weights of 24, plus nothing fixed: 0.25
    assertThatThrownBy(() -> LayerBudget.allocate(a, a.prunableLayers(), 0.1, LayerBudget.Rule.ERK,
        LayerBudget.Count.WEIGHTS))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("the smallest density is 0.25000");
    Architecture lenet = zoo(ModelId.LENET_300_100);
    List<PrunableLayer> middle = LayerSelection.parse("no-first-last").select(lenet);
    assertThatThrownBy(() -> LayerBudget.allocate(lenet, middle, 0.01, LayerBudget.Rule.ERK, LayerBudget.Count.WEIGHTS))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("smallest density");
  }
}
