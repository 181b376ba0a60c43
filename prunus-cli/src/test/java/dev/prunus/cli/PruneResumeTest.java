package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.data.DatasetRepository;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.run.Provenance;
import dev.prunus.run.PruneRun;
import dev.prunus.run.PruneRunConfig;
import dev.prunus.run.RunDirectory;
import dev.prunus.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prunus prune --resume} on the real mnist-sample: an iterative run killed in its second round
 * continues to the metrics of an uninterrupted one; what cannot be resumed exits 2 and says why.
 */
class PruneResumeTest extends PrivateDatasetHome {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aKilledIterativeRunResumesAndOthersAreRefused(@TempDir Path tmp) throws Exception {
    Path dense = tmp.resolve("dense");
    Cli t = Cli.run("train", "--model", "lenet-300-100", "--width", "0.25", "--dataset", "mnist-sample",
        "--epochs", "1", "--batch-size", "1000", "--out", dense.toString());
    assertThat(t.exit()).as(t.err()).isZero();
    Path whole = tmp.resolve("whole");
    Cli p = Cli.run("prune", "--method", "magnitude", "--from", dense.toString(), "--density", "0.2",
        "--schedule", "iterative", "--rounds", "2", "--fine-tune-epochs", "1", "--batch-size", "1000",
        "--out", whole.toString());
    assertThat(p.exit()).as(p.err()).isZero();

    // the same run, stopped as round 2's training starts (as a kill would, after round 1's checkpoint)
    Provenance made = Provenance.read(whole.resolve(RunDirectory.PROVENANCE));
    Path killed = tmp.resolve("killed");
    TrainingListener killer = new TrainingListener() {
      int round;

      @Override
      public void epochStarted(int epoch, int totalEpochs, int steps) {
        if (++round == 2) {
          throw new IllegalStateException("killed");
        }
      }
    };
    DatasetRepository data = new DatasetRepository(DatasetRepository.defaultHome());
    assertThatThrownBy(() -> PruneRun.execute(made.configAs(PruneRunConfig.class), killed, made.command(),
        MethodRegistry.standard(), data::load, killer)).hasMessage("killed");
    assertThat(killed.resolve(RunDirectory.ROUND_CHECKPOINT)).exists();

    Cli conflicting = Cli.run("prune", "--resume", "--out", killed.toString(), "--density", "0.5", "--scope", "layer");
    assertThat(conflicting.exit()).as(conflicting.err()).isEqualTo(2);
    assertThat(conflicting.err()).contains("--density 0.5 (the run has 0.2)", "--scope layer (the run has no --scope)");
    // the options the run was started with are accepted
    Cli resumed = Cli.run("prune", "--resume", "--out", killed.toString(), "--rounds", "2", "--density", "0.2");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("epoch 1/1", "round 2: density 0.20", "magnitude iterative: density");
    assertThat(withoutTiming(killed)).isEqualTo(withoutTiming(whole));
    assertThat(killed.resolve(RunDirectory.ROUND_CHECKPOINT)).doesNotExist();

    Cli finished = Cli.run("prune", "--resume", "--out", whole.toString());
    assertThat(finished.exit()).isEqualTo(2);
    assertThat(finished.err()).contains("holds a finished run", "nothing to resume");
    Cli training = Cli.run("prune", "--resume", "--out", dense.toString());
    assertThat(training.exit()).isEqualTo(2);
    // the training run is finished: `prunus train --resume` would fail too, so the advice is to prune it
    assertThat(training.err()).contains("holds a finished `prunus train` run", "nothing to resume",
        "prunus prune --method ID --from " + dense + " --out NEW_DIR").doesNotContain("--resume --out");
    Path foreign = Files.createDirectories(tmp.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    Cli notARun = Cli.run("prune", "--resume", "--out", foreign.toString());
    assertThat(notARun.exit()).isEqualTo(2);
    assertThat(notARun.err()).contains("holds no Prunus run");
    Cli noMethod = Cli.run("prune", "--from", dense.toString(), "--density", "0.5", "--out", tmp.resolve("x").toString());
    assertThat(noMethod.exit()).isEqualTo(2);
    assertThat(noMethod.err()).contains("prune needs --method ID (or --resume");
  }

  private static JsonNode withoutTiming(Path run) throws java.io.IOException {
    ObjectNode m = (ObjectNode) JSON.readTree(run.resolve(RunDirectory.METRICS).toFile());
    m.remove("timing");
    m.get("history").forEach(e -> ((ObjectNode) e).remove("seconds"));
    return m;
  }
}
