package dev.prunus.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @Test
  void aWrittenFileHasItsContentNoTemporaryFileAndIsReadableByAll(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("report.html");
    AtomicFiles.write(f, o -> o.write("old".getBytes(StandardCharsets.UTF_8)));
    AtomicFiles.write(f, o -> o.write("new".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(f)).isEqualTo("new");
    assertThat(Files.list(tmp)).containsExactly(f);
    if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
    }
  }
}
