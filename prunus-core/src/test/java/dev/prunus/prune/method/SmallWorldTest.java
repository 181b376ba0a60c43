package dev.prunus.prune.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Initialization;
import dev.prunus.model.Mask;
import dev.prunus.model.Model;
import dev.prunus.model.PrunableLayer;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import dev.prunus.prune.LayerBudget;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodContract;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningPlan;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.relational.ChannelGroups;
import dev.prunus.prune.relational.ConnectionLattice;
import dev.prunus.prune.relational.RelationalMasks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SmallWorldTest {
  private static final MethodRegistry REGISTRY = MethodRegistry.standard();

  private static Model model(ModelId id, double width, long seed) {
    Architecture a = id.build(new ModelOptions(new FeatureShape(1, 28, 28), 10, width, List.of()));
    return new Model(a, Initialization.KAIMING_NORMAL.initialize(a, seed));
  }

  private static PruningPlan plan(Model m, Map<String, String> options, double density, long seed) {
    return REGISTRY.create("small-world", options)
        .plan(m, PruningContext.withoutData(PruningTarget.ofDensity(density), seed));
  }

  private static Map<String, String> quick(String... more) {
    Map<String, String> o = new HashMap<>(Map.of("sigma-references", "3", "sigma-swaps", "20"));
    for (int i = 0; i < more.length; i += 2) {
      o.put(more[i], more[i + 1]);
    }
    return o;
  }

  @Nested
  class Contract extends MethodContract {
    @Override
    protected String method() {
      return "small-world";
    }

    /** Weights only, as the contract counts; graph metrics kept cheap. */
    @Override
    protected Map<String, String> options() {
      return Map.of("count", "weights", "nodes", "8", "sweep", "0,0.1,1", "sigma-references", "2", "sigma-swaps", "10",
          "unit-graph", "false");
    }
  }

  @Test
  void lenet5CaffeAt2Point3PercentKeepsExactlyThatShareOfTheParametersWithSigmaAboveOne() {
    Model m = model(ModelId.LENET5_CAFFE, 1, 1);
    PruningPlan p = plan(m, quick(), 0.023, 7);
    Model pruned = MaskApplier.apply(m, p);
    long total = m.architecture().prunableLayers().stream().mapToLong(PrunableLayer::parameterCount).sum();
    assertThat(total).isEqualTo(431_080);
    assertThat(ModelCounter.count(pruned).nonzero()).as("kept params").isEqualTo(Math.round(0.023 * total));
    assertThat(ModelCounter.count(pruned).density()).isCloseTo(0.023, Offset.offset(1e-6));
    Map<String, Object> d = p.details();
    assertThat((double) d.get("sigma")).as("sigma of the relational graph").isGreaterThan(1);
    List<?> sweptP = (List<?>) ((Map<?, ?>) d.get("sweep")).get("p");
    assertThat(sweptP).hasSize(8);
    assertThat(sweptP.contains(d.get("rewire"))).isTrue();
    List<?> sweptSigma = (List<?>) ((Map<?, ?>) d.get("sweep")).get("sigma");
    assertThat(sweptSigma.stream().mapToDouble(x -> (Double) x).max().orElseThrow()).isEqualTo((double) d.get("sigma"));
    assertThat(levels(d)).containsEntry("conv1", "dense").containsEntry("conv2", "group+connection")
        .containsEntry("fc1", "group+connection").containsEntry("fc2", "connection");
    Map<?, ?> unit = (Map<?, ?>) d.get("unit_graph");
    assertThat(unit.get("nodes")).isEqualTo(1 + 20 + 50 + 500 + 10);
    assertThat((double) unit.get("square_clustering")).isPositive();
    assertThat((double) unit.get("square_clustering_ratio")).as("more local than a random mask of the same in-degrees")
        .isGreaterThan(1);
    assertThat(d).containsKey("definitions").containsKey("omega").containsKey("average_clustering");
  }

  @Test
  void everyLayerKeepsItsBudgetAndEveryOutputKeepsAConnection() {
    Model m = model(ModelId.LENET5, 1, 1);
    PruningPlan p = plan(m, quick("unit-graph", "false"), 0.05, 3);
    LayerBudget.Allocation budget = LayerBudget.allocate(m.architecture(), m.architecture().prunableLayers(), 0.05,
        LayerBudget.Rule.ERK, LayerBudget.Count.PARAMS);
    for (PrunableLayer l : m.architecture().prunableLayers()) {
      Mask mask = p.masks().get(l.weightName());
      assertThat((long) mask.kept()).as(l.name()).isEqualTo(budget.layers().get(l.name()).weights());
      boolean[][] kept = connections(mask, l);
      for (boolean[] row : kept) {
        int n = 0;
        for (boolean b : row) {
          n += b ? 1 : 0;
        }
        assertThat(n).as(l.name() + " in-degree").isPositive();
      }
    }
  }

  @Test
  void atPZeroEveryOutputsInputsAreAContiguousCircularWindow() {
    for (ModelId id : List.of(ModelId.LENET5_CAFFE, ModelId.LENET_300_100)) {
      Model m = model(id, 1, 2);
      PruningPlan p = plan(m, quick("rewire", "0", "unit-graph", "false"), 0.05, 5);
      for (PrunableLayer l : m.architecture().prunableLayers()) {
        boolean[][] kept = connections(p.masks().get(l.weightName()), l);
        for (int o = 0; o < kept.length; o++) {
          assertThat(runs(kept[o])).as("%s %s output %d: one circular run", id, l.name(), o).isLessThanOrEqualTo(1);
        }
      }
    }
  }

  @Test
  void atPZeroTheWindowIsCentredOnTheOutputsAlignedPosition() {
    // 10 outputs over 100 columns, 6 each: output o sits at 10o + 4.5 and keeps columns 10o+2 .. 10o+7
    boolean[] keep = ConnectionLattice.build(10, 100, 60, ConnectionLattice.Allowed.ALL, 0, new SplittableRandom(1));
    for (int o = 0; o < 10; o++) {
      for (int c = 0; c < 100; c++) {
        assertThat(keep[o * 100 + c]).as("output %d column %d", o, c).isEqualTo(c >= 10 * o + 2 && c <= 10 * o + 7);
      }
    }
    // in-degrees: 65 connections over 10 outputs are 6 or 7, five of each, spread evenly
    int sum = 0;
    for (int o = 0; o < 10; o++) {
      int k = ConnectionLattice.inDegree(o, 10, 65);
      assertThat(k).isIn(6, 7);
      sum += k;
    }
    assertThat(sum).isEqualTo(65);
  }

  @Test
  void atPOneTheInputsAreUniformlyRandom() {
    int out = 200;
    int columns = 100;
    int k = 10;
    boolean[] local = ConnectionLattice.build(out, columns, (long) out * k, ConnectionLattice.Allowed.ALL, 0,
        new SplittableRandom(1));
    boolean[] random = ConnectionLattice.build(out, columns, (long) out * k, ConnectionLattice.Allowed.ALL, 1,
        new SplittableRandom(1));
    double localDistance = meanDistance(local, out, columns);
    double randomDistance = meanDistance(random, out, columns);
    assertThat(localDistance).isLessThan(3);
    // a uniform column is on average columns/4 = 25 from any point of the circle
    assertThat(randomDistance).isCloseTo(25, Offset.offset(1.5));
    // and every column is used about equally: 2000 picks over 100 columns, 20 each, no column far off
    int[] uses = new int[columns];
    for (int o = 0; o < out; o++) {
      for (int c = 0; c < columns; c++) {
        uses[c] += random[o * columns + c] ? 1 : 0;
      }
    }
    for (int u : uses) {
      assertThat(u).isBetween(5, 40);
    }
  }

  @Test
  void groupLevelLayersKeepOnlyBlocksOfAdjacentGroups() {
    Model m = model(ModelId.LENET5_CAFFE, 1, 1);
    PruningPlan p = plan(m, quick("rewire", "0.2", "unit-graph", "false"), 0.1, 11);
    List<?> edges = (List<?>) p.details().get("edges");
    UndirectedGraph g = UndirectedGraph.fromPairs(16, edges.stream().map(e -> (int[]) e).toArray(int[][]::new))
        .withSelfLoops();
    Map<String, RelationalMasks.InputChannels> inputs = RelationalMasks.inputChannels(m.architecture());
    for (String name : List.of("conv2", "fc1")) {
      PrunableLayer l = m.architecture().prunableLayers().stream().filter(x -> x.name().equals(name)).findFirst().get();
      RelationalMasks.InputChannels in = inputs.get(name);
      ChannelGroups outGroups = ChannelGroups.split(l.outputUnits(), 16, 11);
      ChannelGroups inGroups = ChannelGroups.split(in.channels(), 16, 11);
      boolean[][] kept = connections(p.masks().get(l.weightName()), l);
      for (int o = 0; o < kept.length; o++) {
        for (int c = 0; c < kept[o].length; c++) {
          if (kept[o][c]) {
            assertThat(g.hasEdge(outGroups.groupOf(o), inGroups.groupOf(c / in.columnsPerChannel())))
                .as("%s (%d, %d)", name, o, c).isTrue();
          }
        }
      }
    }
  }

  @Test
  void theSweepPicksTheLargestSigmaAndRewireFixesP() {
    Model m = model(ModelId.LENET5_CAFFE, 1, 1);
    Map<String, Object> given = plan(m, quick("rewire", "0.3", "unit-graph", "false"), 0.05, 1).details();
    assertThat(given.get("rewire")).isEqualTo(0.3);
    assertThat(given.get("rewire_chosen_by")).isEqualTo("--rewire");
    Map<String, Object> swept = plan(m, quick("sweep", "0,1", "unit-graph", "false"), 0.05, 1).details();
    // a ring lattice is more clustered than a random graph of its degrees; a fully rewired graph is not
    List<?> sigma = (List<?>) ((Map<?, ?>) swept.get("sweep")).get("sigma");
    assertThat((Double) sigma.get(0)).isGreaterThan((Double) sigma.get(1));
    assertThat(swept.get("rewire")).isEqualTo(0.0);
  }

  @Test
  void badOptionsAreRefusedNamingTheRule() {
    assertThatThrownBy(() -> REGISTRY.create("small-world", Map.of("degree", "3")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be even");
    assertThatThrownBy(() -> REGISTRY.create("small-world", Map.of("sweep", "0,2")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> REGISTRY.create("small-world", Map.of("rewire", "x")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("rewire=x must be a finite number");
    Model m = model(ModelId.LENET5_CAFFE, 1, 1);
    assertThatThrownBy(() -> plan(m, quick(), 0.001, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("smallest density");
  }

  @Test
  void randomWithTheSameAllocationHasSmallWorldsPerLayerDensities() {
    Model m = model(ModelId.LENET5_CAFFE, 1, 1);
    PruningPlan sw = plan(m, quick("unit-graph", "false"), 0.023, 1);
    PruningPlan random = REGISTRY.create("random", Map.of("allocation", "erk", "count", "params"))
        .plan(m, PruningContext.withoutData(PruningTarget.ofDensity(0.023), 1));
    for (PrunableLayer l : m.architecture().prunableLayers()) {
      assertThat(random.masks().get(l.weightName()).kept()).as(l.name())
          .isEqualTo(sw.masks().get(l.weightName()).kept());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> levels(Map<String, Object> details) {
    return (Map<String, Object>) details.get("layer_level");
  }

  /** The kept connections of a mask, [output][input column]. */
  private static boolean[][] connections(Mask m, PrunableLayer l) {
    boolean[][] k = new boolean[l.outputUnits()][l.inputUnits()];
    int per = l.weightsPerConnection();
    for (int o = 0; o < l.outputUnits(); o++) {
      for (int c = 0; c < l.inputUnits(); c++) {
        int at = (o * l.inputUnits() + c) * per;
        boolean any = false;
        for (int i = 0; i < per; i++) {
          any |= m.keep()[at + i];
        }
        k[o][c] = any;
      }
    }
    return k;
  }

  /** The number of maximal circular runs of kept entries (0 if none or all). */
  private static int runs(boolean[] row) {
    int starts = 0;
    for (int i = 0; i < row.length; i++) {
      if (row[i] && !row[(i - 1 + row.length) % row.length]) {
        starts++;
      }
    }
    return starts;
  }

  private static double meanDistance(boolean[] keep, int out, int columns) {
    double sum = 0;
    int n = 0;
    for (int o = 0; o < out; o++) {
      double x = (o + 0.5) * columns / out - 0.5;
      for (int c = 0; c < columns; c++) {
        if (keep[o * columns + c]) {
          double d = Math.abs(c - x) % columns;
          sum += Math.min(d, columns - d);
          n++;
        }
      }
    }
    return sum / n;
  }
}
