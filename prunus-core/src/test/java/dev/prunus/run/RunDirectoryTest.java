package dev.prunus.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
  @Test
  void aNewOrEmptyDirectoryIsAcceptedAndNothingIsCreated(@TempDir Path dir) throws Exception {
    RunDirectory.checkWritable(dir.resolve("new/run"));
    assertThat(Files.exists(dir.resolve("new"))).isFalse();
    Files.createDirectory(dir.resolve("empty"));
    RunDirectory.checkWritable(dir.resolve("empty"));
  }

  @Test
  void aDirectoryThatIsNotARunIsRefused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> RunDirectory.checkWritable(dir))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a Prunus run");
  }

  @Test
  void aFileIsRefused(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("f"), "x");
    assertThatThrownBy(() -> RunDirectory.checkWritable(f)).hasMessageContaining("is a file");
    assertThatThrownBy(() -> RunDirectory.checkWritable(f.resolve("sub")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be written");
  }

  @Test
  void finishedAndUnfinishedRunsAreProtected(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(RunDirectory.PROVENANCE), "{\"kind\": \"train\"}");
    assertThatThrownBy(() -> RunDirectory.checkWritable(dir)).hasMessageContaining("pass --resume");
    assertThatThrownBy(() -> RunDirectory.checkResumable(dir, "train", RunDirectory.CHECKPOINT))
        .hasMessageContaining("stopped before its first checkpoint (no checkpoint.prunus)");
    Files.writeString(dir.resolve(RunDirectory.CHECKPOINT), "x");
    RunDirectory.checkResumable(dir, "train", RunDirectory.CHECKPOINT);
    Files.writeString(dir.resolve(RunDirectory.METRICS), "{}");
    assertThatThrownBy(() -> RunDirectory.checkWritable(dir)).hasMessageContaining("finished run");
    assertThatThrownBy(() -> RunDirectory.checkResumable(dir, "train", RunDirectory.CHECKPOINT))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("holds a finished run");
  }

  /** A run resumes only with the command that made it, which the refusal names. */
  @Test
  void aRunOfAnotherCommandIsNotResumed(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(RunDirectory.PROVENANCE), "{\"kind\": \"prune\"}");
    Files.writeString(dir.resolve(RunDirectory.ROUND_CHECKPOINT), "x");
    RunDirectory.checkResumable(dir, "prune", RunDirectory.ROUND_CHECKPOINT);
    assertThatThrownBy(() -> RunDirectory.checkResumable(dir, "train", RunDirectory.CHECKPOINT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds a `prunus prune` run, not a `prunus train` one: continue it with "
            + "`prunus prune --resume --out " + dir + "`");
  }

  /** A finished run of another command gets advice that works: not `--resume`, which would fail too. */
  @Test
  void aFinishedRunOfAnotherCommandIsNamedFinishedWithAFixThatWorks(@TempDir Path dir) throws Exception {
    Path train = Files.createDirectories(dir.resolve("train"));
    Files.writeString(train.resolve(RunDirectory.PROVENANCE), "{\"kind\": \"train\"}");
    Files.writeString(train.resolve(RunDirectory.METRICS), "{}");
    assertThatThrownBy(() -> RunDirectory.checkResumable(train, "prune", RunDirectory.ROUND_CHECKPOINT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds a finished `prunus train` run, not a `prunus prune` one: there is nothing to "
            + "resume; to prune it, `prunus prune --method ID --from " + train + " --out NEW_DIR`")
        .hasMessageNotContaining("--resume --out");
    Path prune = Files.createDirectories(dir.resolve("prune"));
    Files.writeString(prune.resolve(RunDirectory.PROVENANCE), "{\"kind\": \"prune\"}");
    Files.writeString(prune.resolve(RunDirectory.METRICS), "{}");
    assertThatThrownBy(() -> RunDirectory.checkResumable(prune, "train", RunDirectory.CHECKPOINT))
        .hasMessageContaining("holds a finished `prunus prune` run, not a `prunus train` one: there is nothing to "
            + "resume; for a new run, choose another --out");
  }
}
