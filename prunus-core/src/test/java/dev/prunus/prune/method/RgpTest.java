package dev.prunus.prune.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prunus.InvalidInputException;
import dev.prunus.ParameterStyle;
import dev.prunus.graph.generate.RingLattice;
import dev.prunus.graph.metric.Aspl;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Initialization;
import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import dev.prunus.prune.MethodContract;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.PlanProgress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RgpTest {
  private static final MethodRegistry REGISTRY = MethodRegistry.standard();

  private static Model resnet20(long seed) {
    Architecture a = ModelId.RESNET20.build(new ModelOptions(new FeatureShape(1, 28, 28), 10, 1, List.of()));
    return new Model(a, Initialization.KAIMING_NORMAL.initialize(a, seed));
  }

  /** A plan with the search bounded by steps only (no --aspl-time), so that it is the same on every machine. */
  private static PruningPlan plan(Model m, Map<String, String> options, double density, long seed) {
    Map<String, String> o = new HashMap<>(options);
    o.putIfAbsent("aspl-time", "0");
    return REGISTRY.create("rgp", o).plan(m, PruningContext.withoutData(PruningTarget.ofDensity(density), seed));
  }

  @Nested
  class Contract extends MethodContract {
    @Override
    protected String method() {
      return "rgp";
    }

    /** 10 nodes: at width 0.25 the models whose masked layers all have at least 10 channels. */
    @Override
    protected Map<String, String> options() {
      return Map.of("nodes", "10", "aspl-steps", "2000");
    }

    @Override
    protected List<ModelId> supportedModels() {
      return List.of(ModelId.LENET_300_100, ModelId.VGG16, ModelId.RESNET18);
    }

    /** Density 0.2 of 10 nodes is degree 2; unequal channel groups move each layer a little from 2/10. */
    @Override
    protected long tolerance(Model model) {
      long total = 0;
      for (PrunableLayer p : model.architecture().prunableLayers()) {
        total += (long) p.outputUnits() * p.inputUnits() * p.weightsPerConnection();
      }
      return total / 50;
    }
  }

  @Test
  void resnet20With16NodesOfDegree4KeepsAQuarterOfEveryMaskedLayerAndRecordsTheGraph() {
    Model m = resnet20(1);
    PruningPlan p = plan(m, Map.of("nodes", "16", "degree", "4"), 0.25, 7);
    List<PrunableLayer> layers = m.architecture().prunableLayers();
    assertThat(p.masks().get(layers.get(0).weightName())).as("first layer dense").isNull();
    assertThat(p.masks().get(layers.get(layers.size() - 1).weightName())).as("last layer dense").isNull();
    assertThat(p.masks().byParameter()).hasSize(layers.size() - 2);
    for (Mask mask : p.masks().byParameter().values()) {
      assertThat(mask.density()).isEqualTo(0.25);
    }
    Map<String, Object> d = p.details();
    assertThat(d).containsEntry("nodes", 16).containsEntry("degree", 4).containsEntry("graph", "min-aspl")
        .containsEntry("masked_layers_density", 0.25);
    double aspl = (double) d.get("aspl");
    assertThat(aspl).as("below the lattice's").isLessThan(Aspl.of(RingLattice.of(16, 4)));
    assertThat((double) d.get("moore_ratio")).isGreaterThanOrEqualTo(1.0).isCloseTo(aspl / (double) d.get("moore_bound"),
        within(1e-12));
    assertThat((double) d.get("network_weight_density")).isGreaterThan(0.25).isLessThan(0.3);
    @SuppressWarnings("unchecked")
    List<int[]> edges = (List<int[]>) d.get("edges");
    assertThat(edges).hasSize(16 * 4 / 2);
    @SuppressWarnings("unchecked")
    Map<String, Object> chain = (Map<String, Object>) d.get("aspl_chain");
    @SuppressWarnings("unchecked")
    List<Double> chainAspl = (List<Double>) chain.get("aspl");
    assertThat(chainAspl.get(0)).isEqualTo(Aspl.of(RingLattice.of(16, 4)));
    assertThat(chainAspl.get(chainAspl.size() - 1)).isEqualTo(aspl);
    assertThat((int) d.get("chain_index")).isEqualTo(chainAspl.size() - 1);
  }

  @Test
  void theMaskReadsNoWeightsAndTheSameSeedGivesTheSameGraph() {
    Map<String, String> o = Map.of("nodes", "16", "degree", "4");
    PruningPlan a = plan(resnet20(1), o, 0.25, 3);
    PruningPlan b = plan(resnet20(2), o, 0.25, 3);
    assertThat(b.masks()).isEqualTo(a.masks());
    PruningPlan c = plan(resnet20(1), o, 0.25, 4);
    assertThat(c.masks()).as("another seed, another min-ASPL graph").isNotEqualTo(a.masks());
  }

  @Test
  void theLatticeAndSnapshotsComeFromTheChain() {
    Model m = resnet20(1);
    PruningPlan lattice = plan(m, Map.of("nodes", "16", "degree", "4", "graph", "lattice"), 0.25, 3);
    assertThat((double) lattice.details().get("aspl")).isEqualTo(Aspl.of(RingLattice.of(16, 4)));
    PruningPlan first = plan(m, Map.of("nodes", "16", "degree", "4", "graph", "snapshot:0"), 0.25, 3);
    assertThat(first.masks()).isEqualTo(lattice.masks());
    PruningPlan min = plan(m, Map.of("nodes", "16", "degree", "4"), 0.25, 3);
    @SuppressWarnings("unchecked")
    List<Double> chain = (List<Double>) ((Map<String, Object>) min.details().get("aspl_chain")).get("aspl");
    PruningPlan second = plan(m, Map.of("nodes", "16", "degree", "4", "graph", "snapshot:1"), 0.25, 3);
    assertThat((double) second.details().get("aspl")).isEqualTo(chain.get(1));
    assertThatThrownBy(() -> plan(m, Map.of("nodes", "16", "degree", "4", "graph", "snapshot:" + chain.size()), 0.25, 3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("snapshot:0 to snapshot:" + (chain.size() - 1));
    PruningPlan random = plan(m, Map.of("nodes", "16", "degree", "4", "graph", "random-regular"), 0.25, 3);
    assertThat(random.masks().byParameter().values()).allSatisfy(mask -> assertThat(mask.density()).isEqualTo(0.25));
  }

  @Test
  void theDegreeComesFromTheDensityUnlessGivenAndBothMustAgree() {
    Model m = resnet20(1);
    assertThat(plan(m, Map.of("nodes", "16"), 0.5, 1).details()).containsEntry("degree", 8);
    assertThat(plan(m, Map.of("nodes", "16"), 0.3, 1).details()).as("nearest even: 4.8 -> 4").containsEntry("degree", 4);
    assertThat(plan(m, Map.of("nodes", "16"), 0.01, 1).details()).as("at least 2").containsEntry("degree", 2);
    assertThatThrownBy(() -> plan(m, Map.of("nodes", "16", "degree", "4"), 0.5, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("density=0.5 disagrees with degree=4");
    assertThat(REGISTRY.impliedDensity("rgp", Map.of("nodes", "16", "degree", "4"))).hasValue(0.25);
    assertThat(REGISTRY.impliedDensity("rgp", Map.of("nodes", "16"))).isEmpty();
    assertThat(REGISTRY.impliedDensity("magnitude", Map.of())).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSearchStopsAtTheTimeLimitReportsProgressAndRecordsHowFarItWent() {
    Model m = resnet20(1);
    List<String> lines = new ArrayList<>();
    PlanProgress progress = lines::add;
    PruningPlan p = REGISTRY.create("rgp", Map.of("nodes", "16", "degree", "4", "aspl-steps", "2000000000",
        "aspl-time", "1.2")).plan(m, new PruningContext(PruningTarget.ofDensity(0.25), 5, Optional.empty(), progress));

    Map<String, Object> chain = (Map<String, Object>) p.details().get("aspl_chain");
    assertThat(chain).containsEntry("stop_reason", "time_limit").containsEntry("step_limit", 2_000_000_000L)
        .containsEntry("time_limit_s", 1.2);
    long steps = (long) chain.get("steps_proposed");
    assertThat(steps).isPositive().isLessThan(2_000_000_000L);
    assertThat((long) chain.get("swaps_kept")).isPositive().isLessThanOrEqualTo(steps);
    assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("rgp: ASPL search: ")
        .contains(" of 1.2 s, ", " proposals, ", "x the Moore bound"));

    PruningPlan replay = plan(m, Map.of("nodes", "16", "degree", "4", "aspl-steps", Long.toString(steps)), 0.25, 5);
    assertThat(replay.masks()).as("the recorded proposals, without a time limit, give the same graph")
        .isEqualTo(p.masks());
    assertThat((Map<String, Object>) replay.details().get("aspl_chain")).containsEntry("stop_reason", "step_budget")
        .containsEntry("time_limit_s", 0.0);
  }

  @Test
  void aNegativeTimeLimitIsRefusedNamingTheOption() {
    assertThatThrownBy(() -> REGISTRY.create("rgp", Map.of("aspl-time", "-1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("seconds=-1.0 must be a number of seconds >= 0")
        .satisfies(e -> assertThat(((InvalidInputException) e).message(ParameterStyle.FLAG))
            .startsWith("--aspl-time -1.0 must be"));
  }

  @Test
  void impossibleGraphsAreRejectedWithTheValidValues() {
    Model m = resnet20(1);
    assertThatThrownBy(() -> plan(m, Map.of("nodes", "32", "degree", "4"), 0.125, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the largest valid nodes is 16");
    assertThatThrownBy(() -> REGISTRY.create("rgp", Map.of("nodes", "16", "degree", "5")).plan(m,
        PruningContext.withoutData(PruningTarget.ofDensity(5 / 16.0), 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("degree=5 is odd");
    assertThatThrownBy(() -> REGISTRY.create("rgp", Map.of("nodes", "16", "degree", "16")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("degree=16");
    assertThatThrownBy(() -> REGISTRY.create("rgp", Map.of("graph", "best")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("graph='best' is not one of");
    assertThatThrownBy(() -> REGISTRY.create("rgp", Map.of("graph", "snapshot:x")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("snapshot:0");
  }
}
