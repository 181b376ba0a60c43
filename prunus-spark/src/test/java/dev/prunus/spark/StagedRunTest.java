package dev.prunus.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run staged on its executor for an experiment kept at a URI ({@code ptest:}, Hadoop's local file
 * system under a scheme only the FileSystem API knows), without Spark: what a retry fetches, what is
 * copied up while the run goes and when it finished.
 */
class StagedRunTest {
  @TempDir Path tmp;

  /** The URI's files, as the test sees them on the local disk. */
  private Path remote() {
    return tmp.resolve("remote");
  }

  private Path scratch() {
    return tmp.resolve("scratch");
  }

  private StagedRun open(String id, String parent) throws IOException {
    return StagedRun.open(fileSystem(), HadoopLayout.of(OtherSchemeFileSystem.uri(remote())), id, parent, scratch());
  }

  static FileSystem fileSystem() throws IOException {
    Configuration conf = new Configuration();
    conf.set("fs." + OtherSchemeFileSystem.SCHEME + ".impl", OtherSchemeFileSystem.class.getName());
    return FileSystem.newInstance(java.net.URI.create(OtherSchemeFileSystem.SCHEME + ":///"), conf);
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void aRetryStartsFromTheNewestWholeCopyInAnEmptiedScratchDirectory() throws IOException {
    write(remote().resolve("experiment.yaml"), "name: x\n");
    write(remote().resolve("runs/dense/d/provenance.json"), "{}");
    write(remote().resolve("runs/dense/d/metrics.json"), "{}");
    write(remote().resolve("runs/dense/d/model.prunus"), "dense model");
    write(remote().resolve("unfinished/magnitude/m/1/round-checkpoint.prunus"), "round 1");
    write(remote().resolve("unfinished/magnitude/m/2/round-checkpoint.prunus"), "round 2");
    write(remote().resolve("unfinished/magnitude/m/2/provenance.json"), "{\"p\": 2}");
    write(remote().resolve("unfinished/magnitude/m/_3/round-checkpoint.prunus"), "round 3, half copied");
    write(remote().resolve("logs/magnitude/m.log"), "--- attempt 1\n");
    Path leftover = write(scratch().resolve(HadoopPlace.scratchName(
        HadoopLayout.of(OtherSchemeFileSystem.uri(remote())).root() + "\nmagnitude/m")).resolve("runs/magnitude/m/x"),
        "a killed attempt's file on this executor");

    try (StagedRun run = open("magnitude/m", "dense/d")) {
      Path dir = run.experiment();
      assertThat(dir.getParent()).isEqualTo(scratch());
      assertThat(leftover).as("the scratch directory is emptied first").doesNotExist();
      assertThat(dir.resolve("experiment.yaml")).hasContent("name: x\n");
      assertThat(dir.resolve("runs/dense/d/model.prunus")).as("the parent, whole").hasContent("dense model");
      assertThat(dir.resolve("runs/magnitude/m/round-checkpoint.prunus")).as("the newest whole copy")
          .hasContent("round 2");
      assertThat(dir.resolve("runs/magnitude/m/provenance.json")).hasContent("{\"p\": 2}");
      assertThat(run.staging()).startsWith("fetched the checkpoint copied up by an earlier attempt: ptest:")
          .endsWith(remote() + "/unfinished/magnitude/m/2");
      assertThat(run.log()).hasContent("--- attempt 1");
      assertThat(run.logName()).isEqualTo("ptest:" + remote() + "/logs/magnitude/m.log");
      assertThat(run.finishedBefore()).isFalse();
    }
    assertThat(scratch().resolve(HadoopPlace.scratchName(HadoopLayout.of(OtherSchemeFileSystem.uri(remote())).root()
        + "\nmagnitude/m"))).as("closed: the scratch directory is gone").doesNotExist();
    assertThat(Path.of("ptest:")).as("nothing took the URI for a local path").doesNotExist();
  }

  @Test
  void checkpointsAreCopiedUpAsTheyChangeAndAFinishedRunAppearsWhole() throws IOException {
    write(remote().resolve("experiment.yaml"), "name: x\n");
    Path unfinished = remote().resolve("unfinished/dense/d");
    try (StagedRun run = open("dense/d", null)) {
      assertThat(run.staging()).startsWith("no checkpoint at ptest:").endsWith("the run starts from the beginning");
      Path dir = run.experiment().resolve("runs/dense/d");
      write(run.log(), "--- dense/d, attempt 1\n"); // as the task does before it starts the run's JVM
      run.whileRunning();
      assertThat(unfinished).as("nothing to copy before the first checkpoint").doesNotExist();

      write(dir.resolve("provenance.json"), "{}");
      write(dir.resolve(".prunus.lock"), "pid=1");
      write(dir.resolve("checkpoint.prunus"), "epoch 1");
      run.whileRunning();
      assertThat(names(unfinished)).containsExactly("1");
      assertThat(names(unfinished.resolve("1"))).containsExactly("checkpoint.prunus", "provenance.json");
      run.whileRunning();
      assertThat(names(unfinished)).as("an unchanged checkpoint is not copied again").containsExactly("1");

      Path next = write(dir.resolve(".checkpoint.prunus.tmp"), "epoch 2");
      Files.move(next, dir.resolve("checkpoint.prunus"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      write(dir.resolve("metrics.json"), "{\"half\": true}");
      run.whileRunning();
      assertThat(names(unfinished)).as("the older copy is deleted once the new one is whole").containsExactly("2");
      assertThat(unfinished.resolve("2/checkpoint.prunus")).hasContent("epoch 2");
      assertThat(unfinished.resolve("2/metrics.json")).as("a copy never looks finished").doesNotExist();
      assertThat(remote().resolve("logs/dense/d.log")).as("the log goes up with each copy")
          .hasContent("--- dense/d, attempt 1");

      write(dir.resolve("model.prunus"), "trained");
      write(dir.resolve("metrics.json"), "{}");
      Files.delete(dir.resolve("checkpoint.prunus"));
      run.ended(true);
      assertThat(names(remote().resolve("runs/dense/d"))).containsExactly("metrics.json", "model.prunus",
          "provenance.json");
      assertThat(unfinished).doesNotExist();
      assertThat(remote().resolve("logs/dense/d.log")).hasContent("--- dense/d, attempt 1\n--- copied to ptest:"
          + remote() + "/runs/dense/d");
    }
    try (StagedRun again = open("dense/d", null)) {
      assertThat(again.finishedBefore()).as("a retry after the copy has nothing to run").isTrue();
    }
  }

  private static java.util.List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }
}
