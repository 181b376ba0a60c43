package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetId;
import dev.prunus.data.DatasetRef;
import dev.prunus.data.DatasetRepository;
import dev.prunus.run.Provenance;
import dev.prunus.run.RunDirectory;
import dev.prunus.run.TrainingRun;
import dev.prunus.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers given the same {@code --out}: while one run holds the directory (here stopped in its data
 * loading, after it took the lock and before it wrote anything), {@code train}, {@code prune} and
 * {@code train --resume} on that directory exit 2 naming the holder; the holder then finishes a run that
 * is all its own. Before the lock, the second train ran to the end and the first then wrote over it.
 */
class ConcurrentRunsTest extends PrivateDatasetHome {
  @Test
  void aSecondWriterIsRefusedWhileTheFirstRuns(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("run");
    String[] args = {"train", "--model", "lenet-300-100", "--width", "0.25", "--dataset", "mnist-sample",
        "--epochs", "1", "--batch-size", "1000", "--seed", "1", "--out", out.toString()};
    TrainCommand parsed = new TrainCommand();
    new picocli.CommandLine(parsed).parseArgs(java.util.Arrays.copyOfRange(args, 1, args.length));
    List<String> command = new ArrayList<>(List.of("prunus"));
    command.addAll(List.of(args));
    DatasetRepository repository = new DatasetRepository(DatasetRepository.defaultHome());
    repository.load(DatasetId.MNIST_SAMPLE); // fetched now, so the first run's wait below is all that holds it
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    Function<DatasetRef, Dataset> slowData = id -> {
      locked.countDown();
      try {
        go.await(120, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return repository.load(id);
    };
    CompletableFuture<TrainingRun.Result> first = CompletableFuture.supplyAsync(() -> {
      Engine.getEngine("PyTorch");
      JniUtils.setGradMode(false); // per thread, as the experiment runner's workers do
      return TrainingRun.start(parsed.config(), out, command, slowData, TrainingListener.NONE);
    });
    assertThat(locked.await(120, TimeUnit.SECONDS)).isTrue();

    String holder = "is in use by pid " + ProcessHandle.current().pid();
    Cli train = Cli.run("train", "--model", "lenet5", "--dataset", "mnist-sample", "--epochs", "1", "--seed", "2",
        "--out", out.toString());
    assertThat(train.exit()).as(train.err()).isEqualTo(2);
    assertThat(train.err()).contains(out + " " + holder, "--seed 1", "wait for it to finish, or choose another --out");
    Cli prune = Cli.run("prune", "--method", "snip", "--model", "lenet5", "--dataset", "mnist-sample", "--density",
        "0.1", "--epochs", "1", "--out", out.toString());
    assertThat(prune.exit()).as(prune.err()).isEqualTo(2);
    assertThat(prune.err()).contains(holder);
    Cli resume = Cli.run("train", "--resume", "--out", out.toString());
    assertThat(resume.exit()).as(resume.err()).isEqualTo(2);
    assertThat(resume.err()).contains(holder);

    go.countDown();
    TrainingRun.Result r = first.get(300, TimeUnit.SECONDS);
    assertThat(r.metrics().get("model").asText()).isEqualTo("lenet-300-100");
    Provenance p = Provenance.read(out.resolve(RunDirectory.PROVENANCE));
    assertThat(p.command()).isEqualTo(command);
    assertThat(new ObjectMapper().readTree(out.resolve(RunDirectory.METRICS).toFile()).get("seed").asLong()).isEqualTo(1);
    Cli after = Cli.run("train", "--model", "lenet5", "--dataset", "mnist-sample", "--out", out.toString());
    assertThat(after.exit()).isEqualTo(2);
    assertThat(after.err()).contains("already holds a finished run");
  }
}
