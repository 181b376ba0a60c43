package dev.prunus.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's side of an experiment kept at a URI, without Spark: which URIs it takes, and its working copy. */
class HadoopExperimentTest {
  @TempDir Path tmp;

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void aFileAnotherExperimentOrAForeignDirectoryIsRefused() throws IOException {
    try (FileSystem fs = StagedRunTest.fileSystem()) {
      URI fresh = OtherSchemeFileSystem.uri(tmp.resolve("new"));
      HadoopExperiment.check(fs, HadoopLayout.of(fresh), fresh, "x"); // nothing there: fine

      URI file = OtherSchemeFileSystem.uri(write(tmp.resolve("file"), "text"));
      assertThatThrownBy(() -> HadoopExperiment.check(fs, HadoopLayout.of(file), file, "x"))
          .isInstanceOf(InvalidInputException.class).hasMessage("--out " + file + " is a file: choose a directory for "
              + "the experiment");

      Path other = tmp.resolve("other");
      write(other.resolve("experiment.json"), "{\"name\": \"y\"}");
      URI otherUri = OtherSchemeFileSystem.uri(other);
      assertThatThrownBy(() -> HadoopExperiment.check(fs, HadoopLayout.of(otherUri), otherUri, "x"))
          .hasMessage("--out " + otherUri + " holds the experiment 'y', not 'x': choose another --out");
      HadoopExperiment.check(fs, HadoopLayout.of(otherUri), URI.create(otherUri + "/"), "y");

      Path foreign = tmp.resolve("foreign");
      write(foreign.resolve("notes.txt"), "mine");
      URI foreignUri = OtherSchemeFileSystem.uri(foreign);
      assertThatThrownBy(() -> HadoopExperiment.check(fs, HadoopLayout.of(foreignUri), foreignUri, "x"))
          .hasMessage("--out " + foreignUri + " exists and is not an experiment directory (no experiment.json): "
              + "choose a new or empty directory");
    }
  }

  @Test
  void theWorkingCopyHoldsTheSpecAndTheFinishedRunsLessTheirModelFiles() throws IOException {
    Path remote = tmp.resolve("remote");
    write(remote.resolve("experiment.json"), "{\"name\": \"x\"}");
    write(remote.resolve("experiment.yaml"), "name: x\n");
    write(remote.resolve("results.csv"), "old");
    write(remote.resolve("runs/dense/d/provenance.json"), "{}");
    write(remote.resolve("runs/dense/d/metrics.json"), "{\"m\": 1}");
    write(remote.resolve("runs/dense/d/infer.json"), "{}");
    write(remote.resolve("runs/dense/d/model.prunus"), "weights");
    write(remote.resolve("runs/dense/d/.model.prunus.crc"), "checksum");
    write(remote.resolve("runs/magnitude/m/provenance.json"), "{}"); // not finished: not there for the runner
    write(remote.resolve("unfinished/magnitude/m/1/round-checkpoint.prunus"), "round 1");
    Path copy = tmp.resolve("copy");
    try (FileSystem fs = StagedRunTest.fileSystem()) {
      HadoopExperiment.pull(fs, HadoopLayout.of(OtherSchemeFileSystem.uri(remote)), copy);
    }
    assertThat(copy.resolve("experiment.json")).hasContent("{\"name\": \"x\"}");
    assertThat(copy.resolve("experiment.yaml")).hasContent("name: x");
    try (var files = Files.walk(copy)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> copy.relativize(p).toString()).sorted())
          .containsExactly("experiment.json", "experiment.yaml", "runs/dense/d/infer.json", "runs/dense/d/metrics.json",
              "runs/dense/d/provenance.json");
    }
  }
}
