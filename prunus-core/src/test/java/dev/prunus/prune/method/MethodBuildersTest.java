package dev.prunus.prune.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.prunus.InvalidInputException;
import dev.prunus.ParameterStyle;
import dev.prunus.prune.LayerBudget;
import dev.prunus.prune.LayerSelection;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.Scope;
import dev.prunus.prune.method.datafree.DataFree;
import dev.prunus.prune.method.datafree.KneeRule;
import dev.prunus.prune.method.datafree.NaiveNeuron;
import dev.prunus.prune.method.datafree.NeuronCount;
import dev.prunus.prune.method.datafree.RandomNeuron;
import dev.prunus.prune.method.relief.Aggregation;
import dev.prunus.prune.method.relief.Relief;
import dev.prunus.prune.relational.AsplSearchBudget;
import dev.prunus.prune.relational.RegularGraphChoice;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered pruning method is built from Java through a builder (or a factory method) that checks
 * its values: a bad one is an {@link InvalidInputException} naming the Java parameter, never a flag; the
 * command line's side of the same rule is {@code CommandLineTest}'s.
 */
class MethodBuildersTest {
  /** One bad value per method: the method's id, what a Java caller does, and the words the message must hold. */
  static Stream<Arguments> badValues() {
    return Stream.of(
        bad("magnitude", () -> Magnitude.builder().optMinLayerDensity(2.0).build(), "minLayerDensity=2.0 must be in [0, 1]"),
        bad("magnitude", () -> Magnitude.builder().optScope(null).build(), "scope is missing"),
        bad("random", () -> RandomPruning.builder().optDensities(Map.of("fc1", 1.5)).build(),
            "densities=fc1=1.5 must be densities in (0, 1]"),
        bad("random", () -> RandomPruning.builder().optDensities(Map.of("fc1", 0.5))
            .optAllocation(LayerBudget.Rule.ERK).build(), "give allocation or densities, not both"),
        bad("l1-structured", () -> L1Structured.builder().optNorm(null).build(), "norm is missing: L1 or L2"),
        bad("snip", () -> Snip.builder().optScoreBatchSize(0).build(), "scoreBatchSize=0 must be in [1, 100000]"),
        bad("relief", () -> Relief.builder().optAlphaFc(5.0).build(), "alphaFc=5.0 must be in (0, 1]"),
        bad("relief", () -> Relief.builder().optAlphaConv(0).build(), "alphaConv=0.0 must be in (0, 1]"),
        bad("relief", () -> Relief.builder().optPruneSetSize(-1).build(), "pruneSetSize=-1 must be in [1, 1000000]"),
        bad("data-free", () -> DataFree.builder().optRemove(NeuronCount.each(-2)).build(),
            "remove=-2: '-2' must be a whole number of neurons >= 0"),
        bad("data-free", () -> DataFree.builder().optKneeRule(null).build(), "kneeRule is missing"),
        bad("random-neuron", () -> RandomNeuron.removing(NeuronCount.perLayer(Map.of("fc1", -1))),
            "remove=fc1=-1: '-1' must be a whole number of neurons >= 0"),
        bad("naive-neuron", () -> NaiveNeuron.removing(null), "remove is missing"),
        bad("small-world", () -> SmallWorld.builder().optDegree(5).build(), "degree=5 must be even"),
        bad("small-world", () -> SmallWorld.builder().optRewire(1.5).build(), "rewire=1.5 must be in [0, 1]"),
        bad("small-world", () -> SmallWorld.builder().optSigmaReferences(0).build(),
            "sigmaReferences=0 must be in [1, 1000]"),
        bad("rgp", () -> Rgp.builder().optNodes(2).build(), "nodes=2 must be in [4, "),
        bad("rgp", () -> Rgp.builder().optNodes(16).optDegree(5).build(), "degree=5 is odd"));
  }

  private static Arguments bad(String method, Executable build, String message) {
    return Arguments.of(method, build, message);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("badValues")
  void aBadValueFromJavaNamesTheJavaParameter(String method, Executable build, String message) {
    InvalidInputException e = catchThrowableOfType(build::execute, InvalidInputException.class);
    assertThat(e).as(method + " accepted a bad value").isNotNull();
    assertThat(e.getMessage()).contains(message).doesNotContain("{{").doesNotContain(" --");
  }

  @Test
  void everyRegisteredMethodHasABadValueAbove() {
    Set<String> covered = new TreeSet<>();
    badValues().forEach(a -> covered.add((String) a.get()[0]));
    assertThat(covered).isEqualTo(MethodRegistry.standard().all().stream().map(f -> f.info().id()).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void theSameErrorNamesTheFlagForTheCommandLineAndTheKeyForAnExperimentFile() {
    InvalidInputException e = catchThrowableOfType(() -> Relief.builder().optAlphaFc(5.0).build(),
        InvalidInputException.class);
    assertThat(e.message(ParameterStyle.FLAG)).startsWith("--alpha-fc 5.0 must be in (0, 1]");
    assertThat(e.message(ParameterStyle.KEY)).startsWith("alpha-fc=5.0 must be in (0, 1]");
  }

  @Test
  void defaultsBuildAndEverySettingIsKept() {
    Relief relief = Relief.builder().optAlphaConv(0.9).optAlphaFc(0.8).optPruneSetSize(10)
        .optAggregation(Aggregation.SUM).build();
    assertThat(List.of(relief.alphaConv(), relief.alphaFc())).containsExactly(0.9, 0.8);
    assertThat(relief.pruneSetSize()).isEqualTo(10);
    assertThat(relief.aggregation()).contains(Aggregation.SUM);
    assertThat(Relief.builder().build().aggregation()).isEmpty();

    Magnitude magnitude = Magnitude.builder().optScope(Scope.LAYER).optMinLayerDensity(0).build();
    assertThat(magnitude.scope()).isEqualTo(Scope.LAYER);
    assertThat(Magnitude.builder().build().minLayerDensity()).isEqualTo(Magnitude.DEFAULT_MIN_LAYER_DENSITY);

    SmallWorld sw = SmallWorld.builder().optNodes(8).optDegree(2).optRewire(0.25)
        .optUnitGraph(SmallWorld.UnitGraph.SKIP).optLayers(LayerSelection.NO_LAST).build();
    assertThat(sw.rewireCandidates()).containsExactly(0.25);
    assertThat(sw.layers()).isEqualTo(LayerSelection.NO_LAST);

    DataFree df = DataFree.builder().optStop(DataFree.Stop.KNEE).optKneeRule(KneeRule.SECOND_DIFFERENCE)
        .optSurgery(DataFree.Surgery.DROP).build();
    assertThat(List.of(df.stop(), df.kneeRule(), df.surgery()))
        .containsExactly(DataFree.Stop.KNEE, KneeRule.SECOND_DIFFERENCE, DataFree.Surgery.DROP);

    Rgp rgp = Rgp.builder().optNodes(16).optDegree(4).optGraph(RegularGraphChoice.lattice())
        .optAsplSearch(AsplSearchBudget.steps(10)).build();
    assertThat(rgp.info().id()).isEqualTo(Rgp.ID);
    assertThat(Snip.builder().optScoreBatchSize(7).build().scoreBatchSize()).isEqualTo(7);
  }
}
