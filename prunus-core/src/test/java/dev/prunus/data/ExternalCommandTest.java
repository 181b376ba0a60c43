package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalCommandTest {
  @TempDir Path dir;
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void runsInTheWorkingFolderAndReturnsTheOutput() throws Exception {
    String output = ExternalCommand.run(
        dir, MINUTE, List.of("sh", "-c", "echo made > made.txt; echo out; echo err >&2"));

    assertThat(output).contains("out").contains("err");
    assertThat(dir.resolve("made.txt")).hasContent("made");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("no output log left behind").containsExactly(dir.resolve("made.txt"));
    }
  }

  @Test
  void aNonZeroExitNamesTheCodeAndTheLastLine() {
    assertThatThrownBy(() -> ExternalCommand.run(
        dir, MINUTE, List.of("sh", "-c", "echo first; echo 'E: broken' >&2; exit 3")))
        .isInstanceOf(IOException.class)
        .hasMessage("'sh -c echo first; echo 'E: broken' >&2; exit 3' exited with code 3:"
            + " E: broken");
  }

  @Test
  void aMissingProgramSaysItIsNotInstalled() {
    assertThatThrownBy(() -> ExternalCommand.run(
        dir, MINUTE, List.of("prunus-no-such-program", "x")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot run 'prunus-no-such-program x': prunus-no-such-program is"
            + " not installed or not on the PATH");
  }

  @Test
  void aCommandPastItsTimeLimitIsStopped() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> ExternalCommand.run(
        dir, Duration.ofMillis(300), List.of("sleep", "30")))
        .isInstanceOf(IOException.class)
        .hasMessage("'sleep 30' timed out after 300 ms and was stopped");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}
