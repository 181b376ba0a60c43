package dev.prunus.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.run.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRowTest {
  /** A compacted run of 2,000 kept parameters, physically 4,000 (all kept), pruned from a 10,000-parameter model. */
  private static ObjectNode compacted() {
    ObjectNode r = Json.MAPPER.createObjectNode();
    r.put("run.id", "data-free/lenet5_fashion-mnist_d1_s1");
    r.put("run.label", "data-free");
    r.putNull("run.target_density");
    r.put("model", "lenet5");
    r.put("dataset", "fashion-mnist");
    r.put("seed", 1);
    r.put("accuracy.test", 0.8);
    r.put("params.total", 4_000);
    r.put("params.nonzero", 2_000);
    r.put("params.density", 0.5);
    r.put("params.dense_total", 10_000);
    r.put("params.density_vs_dense", 0.2);
    r.put("flops.dense", 40_000);
    r.put("flops.masked", 20_000);
    r.put("flops.dense_total", 100_000);
    r.put("flops.structured", 25_000);
    r.put("timing.train_s", 3.5);
    r.put("timing.prune_s", 0.25);
    return r;
  }

  /** Density, compression and speed-up compare with the dense architecture, not the compacted shape. */
  @Test
  void aCompactedRunIsMeasuredAgainstTheDenseArchitecture() {
    RunRow row = new RunRow(compacted());
    assertThat(row.density()).isEqualTo(0.2);
    assertThat(row.compressionRatio()).isEqualTo(5.0);
    assertThat(row.theoreticalSpeedup()).isEqualTo(5.0);
    assertThat(row.nonzeroParams()).isEqualTo(2_000);
    assertThat(row.maskedFlops()).isEqualTo(20_000);
    assertThat(row.seconds()).isEqualTo(3.75);
  }

  /** A compacted run's per-layer densities are those of its last round, before compaction shrank the layers. */
  @Test
  void aCompactedRunsLayerDensitiesComeFromBeforeCompaction() {
    ObjectNode r = compacted();
    r.put("layers.0.name", "fc1");
    r.put("layers.0.density", 1.0);
    r.put("layers.1.name", "fc2");
    r.put("layers.1.density", 1.0);
    r.put("pruning.compaction.params_before", 10_000);
    for (int round = 0; round < 2; round++) {
      r.put("pruning.rounds." + round + ".round", round + 1);
      r.put("pruning.rounds." + round + ".layer_density.fc1", 0.5 / (round + 1));
      r.put("pruning.rounds." + round + ".layer_density.fc2", 0.8 / (round + 1));
    }
    assertThat(new RunRow(r).layers()).containsExactly(new RunRow.Layer("fc1", 0.25), new RunRow.Layer("fc2", 0.4));
    r.remove("pruning.compaction.params_before");
    assertThat(new RunRow(r).layers()).as("not compacted: its own layers")
        .containsExactly(new RunRow.Layer("fc1", 1.0), new RunRow.Layer("fc2", 1.0));
  }

  /** Rows written before the dense reference existed fall back to the run's own counts. */
  @Test
  void rowsWithoutTheDenseReferenceUseTheirOwnCounts() {
    ObjectNode old = compacted();
    old.remove(List.of("params.dense_total", "params.density_vs_dense", "flops.dense_total"));
    RunRow row = new RunRow(old);
    assertThat(row.density()).isEqualTo(0.5);
    assertThat(row.compressionRatio()).isEqualTo(2.0);
    assertThat(row.theoreticalSpeedup()).isEqualTo(2.0);
  }

  /** A method that decides its own density (no target) gets a summary line whose target reads "outcome". */
  @Test
  void aRunWithoutATargetDensityIsSummarised() {
    List<RunRow> rows = List.of(SyntheticRuns.row("dense", 1, 1, 0.9, false), new RunRow(compacted()));
    List<List<String>> table = SummaryTable.rows(ResultGroups.of(rows));
    assertThat(table.get(1)).containsExactly("lenet5", "fashion-mnist", "data-free", "outcome", "1", "0.2000",
        "0.8000", "5.0x", "5.00x", "4.00x", "-");
  }
}
