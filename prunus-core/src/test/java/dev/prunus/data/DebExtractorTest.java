package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.data.ArchiveFiles.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebExtractorTest {
  @TempDir Path dir;

  private static final List<Entry> DATA = List.of(
      Entry.dir("./"),
      Entry.dir("./usr/share/datasets/fashion-mnist"),
      Entry.file("./usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz", "labels"),
      Entry.file("./usr/share/doc/dataset-fashion-mnist/copyright", "c"));

  @Test
  void extractsFilesFromTheXzDataArchiveOfADebianPackage() throws Exception {
    Path deb = Files.write(dir.resolve("p.deb"),
        ArchiveFiles.deb("data.tar.xz", ArchiveFiles.xz(ArchiveFiles.tar(DATA))));

    List<Path> written = DebExtractor.extract(
        deb, dir.resolve("out"), name -> name.startsWith("usr/share/datasets/fashion-mnist/"));

    assertThat(written).containsExactly(
        dir.resolve("out/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz"));
    assertThat(written.get(0)).hasContent("labels");
    assertThat(dir.resolve("out/usr/share/doc")).doesNotExist();
  }

  @Test
  void acceptsAGzipDataArchive() throws Exception {
    Path deb = Files.write(dir.resolve("p.deb"),
        ArchiveFiles.deb("data.tar.gz", ArchiveFiles.tarGz(DATA)));
    assertThat(DebExtractor.extract(deb, dir.resolve("out"), name -> true)).hasSize(2);
  }

  @Test
  void rejectsAFileThatIsNotADebianPackage() throws Exception {
    Path notDeb = Files.writeString(dir.resolve("x.deb"), "this is not an ar archive at all");
    assertThatThrownBy(() -> DebExtractor.extract(notDeb, dir.resolve("out"), name -> true))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining(notDeb.toString())
        .hasMessageContaining("a Debian package (an ar archive");
  }

  @Test
  void rejectsAPackageWithoutDataArchiveOrWithAnUnreadableCompression() throws Exception {
    Path noData = Files.write(dir.resolve("n.deb"), ArchiveFiles.deb("other.tar.xz", new byte[10]));
    assertThatThrownBy(() -> DebExtractor.extract(noData, dir.resolve("out"), name -> true))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("found no data.tar member");
    Path zstd = Files.write(dir.resolve("z.deb"), ArchiveFiles.deb("data.tar.zst", new byte[10]));
    assertThatThrownBy(() -> DebExtractor.extract(zstd, dir.resolve("out"), name -> true))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("'data.tar.zst', a compression Prunus does not read");
  }

  @Test
  void aPackageWhoseDataEscapesTheTargetIsRejected() throws Exception {
    Path deb = Files.write(dir.resolve("evil.deb"), ArchiveFiles.deb("data.tar.xz",
        ArchiveFiles.xz(ArchiveFiles.tar(List.of(Entry.file("./../../evil", "x"))))));
    assertThatThrownBy(() -> DebExtractor.extract(deb, dir.resolve("a/out"), name -> true))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("'./../../evil' would be written outside the extraction folder");
    assertThat(dir.resolve("evil")).doesNotExist();
    assertThat(dir.getParent().resolve("evil")).doesNotExist();
  }
}
