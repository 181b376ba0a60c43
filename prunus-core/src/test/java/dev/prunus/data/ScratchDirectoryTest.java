package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchDirectoryTest {
  @TempDir Path dir;

  @Test
  void closingDeletesTheWholeTreeButNotWhatLinksPointTo() throws Exception {
    Path outside = Files.writeString(dir.resolve("keep.txt"), "keep");
    Path created;
    try (ScratchDirectory scratch = ScratchDirectory.create(dir.resolve("cache"))) {
      created = scratch.path();
      assertThat(created.getFileName().toString()).startsWith(".fetch-");
      Files.writeString(Files.createDirectories(created.resolve("a/b")).resolve("f"), "x");
      Files.createSymbolicLink(created.resolve("link"), outside);
    }
    assertThat(created).doesNotExist();
    assertThat(outside).hasContent("keep");
    assertThat(dir.resolve("cache")).isEmptyDirectory();
  }
}
