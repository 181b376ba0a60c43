package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.data.ArchiveFiles.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarExtractorTest {
  @TempDir Path dir;

  private static final List<Entry> PACKAGE = List.of(
      Entry.dir("package"),
      Entry.file("package/package.json", "{}"),
      Entry.file("package/src/digits/0.json", "zero"),
      Entry.file("package/src/digits/1.json", "one"));

  @Test
  void extractsTheSelectedFilesOfATgzKeepingTheirPaths() throws Exception {
    Path tgz = Files.write(dir.resolve("p.tgz"), ArchiveFiles.tarGz(PACKAGE));
    Path target = dir.resolve("out");

    List<Path> written = TarExtractor.extract(
        tgz, target, name -> name.startsWith("package/src/digits/"));

    assertThat(written).containsExactly(
        target.resolve("package/src/digits/0.json"), target.resolve("package/src/digits/1.json"));
    assertThat(target.resolve("package/src/digits/1.json")).hasContent("one");
    assertThat(target.resolve("package/package.json")).doesNotExist();
  }

  @Test
  void readsPlainAndXzTarsAndDropsLeadingDotSlash() throws Exception {
    List<Entry> entries = List.of(Entry.file("./usr/share/x.gz", "x"));
    Path plain = Files.write(dir.resolve("a.tar"), ArchiveFiles.tar(entries));
    Path xz = Files.write(dir.resolve("a.tar.xz"), ArchiveFiles.xz(ArchiveFiles.tar(entries)));

    TarExtractor.extract(plain, dir.resolve("plain"), name -> name.equals("usr/share/x.gz"));
    TarExtractor.extract(xz, dir.resolve("xz"), name -> name.equals("usr/share/x.gz"));

    assertThat(dir.resolve("plain/usr/share/x.gz")).hasContent("x");
    assertThat(dir.resolve("xz/usr/share/x.gz")).hasContent("x");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "../../evil", "package/../../evil", "/tmp/evil", "..", "package/..\\..\\evil", "C:evil"})
  void anEntryEscapingTheTargetFolderRejectsTheArchiveAndWritesNothing(String name)
      throws Exception {
    List<Entry> entries = List.of(
        Entry.file("package/first.json", "harmless"), Entry.file(name, "pwned"));
    Path tgz = Files.write(dir.resolve("evil.tgz"), ArchiveFiles.tarGz(entries));
    Path target = dir.resolve("a/b/out");

    assertThatThrownBy(() -> TarExtractor.extract(tgz, target, any -> false))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining(tgz.toString())
        .hasMessageContaining("would be written outside the extraction folder");
    assertThatThrownBy(() -> TarExtractor.extract(tgz, target, any -> true))
        .isInstanceOf(CorruptDatasetException.class);
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.filter(Files::isRegularFile)
          .filter(p -> !p.equals(tgz) && !p.endsWith("first.json")))
          .isEmpty();
    }
  }

  @Test
  void symbolicLinksAreNeverCreated() throws Exception {
    List<Entry> entries = List.of(
        Entry.symlink("package/link", "/etc/passwd"), Entry.file("package/real", "r"));
    Path tgz = Files.write(dir.resolve("l.tgz"), ArchiveFiles.tarGz(entries));

    List<Path> written = TarExtractor.extract(tgz, dir.resolve("out"), any -> true);

    assertThat(written).containsExactly(dir.resolve("out/package/real"));
    assertThat(dir.resolve("out/package/link")).doesNotExist();
  }

  @Test
  void aTruncatedArchiveIsCorrupt() throws Exception {
    byte[] tgz = ArchiveFiles.tarGz(List.of(Entry.file("package/big", "x".repeat(50_000))));
    Path truncated = Files.write(dir.resolve("t.tgz"), Arrays.copyOf(tgz, tgz.length / 2));

    assertThatThrownBy(() -> TarExtractor.extract(truncated, dir.resolve("out"), any -> true))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining(truncated.toString())
        .hasMessageContaining("a complete tar archive");
  }
}
