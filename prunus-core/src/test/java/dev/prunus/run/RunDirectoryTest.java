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
    RunDirectory.checkWritable(dir.resolve("new/run"), false);
    assertThat(Files.exists(dir.resolve("new"))).isFalse();
    Files.createDirectory(dir.resolve("empty"));
    RunDirectory.checkWritable(dir.resolve("empty"), false);
  }

  @Test
  void aDirectoryThatIsNotARunIsRefused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> RunDirectory.checkWritable(dir, false))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a Prunus run");
  }

  @Test
  void aFileIsRefused(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("f"), "x");
    assertThatThrownBy(() -> RunDirectory.checkWritable(f, false)).hasMessageContaining("is a file");
    assertThatThrownBy(() -> RunDirectory.checkWritable(f.resolve("sub"), false))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be written");
  }

  @Test
  void finishedAndUnfinishedRunsAreProtected(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(RunDirectory.PROVENANCE), "{}");
    assertThatThrownBy(() -> RunDirectory.checkWritable(dir, false)).hasMessageContaining("pass --resume");
    assertThatThrownBy(() -> RunDirectory.checkWritable(dir, true)).hasMessageContaining("no unfinished Prunus run");
    Files.writeString(dir.resolve(RunDirectory.CHECKPOINT), "x");
    RunDirectory.checkWritable(dir, true);
    Files.writeString(dir.resolve(RunDirectory.METRICS), "{}");
    assertThatThrownBy(() -> RunDirectory.checkWritable(dir, false)).hasMessageContaining("finished run");
  }
}
