package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCacheTest {
  @TempDir Path dir;

  private final byte[] labels = IdxFiles.labels(1, 2, 3);

  private ExpectedFile expected(Checksum checksum) {
    return new ExpectedFile("labels", labels.length, checksum, FormatCheck.idxLabels(3));
  }

  private Checksum sha256Of(byte[] content) throws Exception {
    return Checksum.sha256(Checksum.sha256Hex(Files.write(dir.resolve("probe"), content)));
  }

  @Test
  void storesAGzippedDeliveryDecompressedAndReturnsItsSha256() throws Exception {
    Path delivered = Files.createDirectories(dir.resolve("delivered"));
    Files.write(delivered.resolve("labels.gz"), IdxFiles.gzip(labels));
    DatasetCache cache = new DatasetCache(dir.resolve("cache"));
    ExpectedFile file = expected(sha256Of(labels));

    Path found = DatasetCache.locate(delivered, file).orElseThrow();
    String sha256 = cache.store(file, found);

    assertThat(sha256).isEqualTo(file.contentChecksum().hex());
    assertThat(cache.path(file)).hasBinaryContent(labels);
    assertThat(cache.hasAll(List.of(file))).isTrue();
    assertThat(cache.verifyCached(file)).contains(sha256);
    try (Stream<Path> files = Files.list(cache.dir())) {
      assertThat(files).as("no temporary file left").containsExactly(cache.path(file));
    }
  }

  @Test
  void aDeliveryWithTheWrongChecksumIsNotStored() throws Exception {
    byte[] other = IdxFiles.labels(1, 2, 4);
    Path candidate = Files.write(dir.resolve("labels"), other);
    DatasetCache cache = new DatasetCache(dir.resolve("cache"));
    ExpectedFile file = expected(sha256Of(labels));

    assertThatThrownBy(() -> cache.store(file, candidate))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageStartingWith("corrupt dataset file " + candidate + ": expected SHA-256 "
            + file.contentChecksum().hex() + " of the decompressed content, found "
            + sha256Of(other).hex());
    try (Stream<Path> files = Files.list(cache.dir())) {
      assertThat(files).as("nothing stored, no temporary file left").isEmpty();
    }
  }

  @Test
  void aWrongSizeIsReportedBeforeTheChecksumAndNamesTheDecompressedFile() throws Exception {
    Path candidate = Files.write(dir.resolve("labels.gz"), IdxFiles.gzip(IdxFiles.labels(1, 2)));
    DatasetCache cache = new DatasetCache(dir.resolve("cache"));

    assertThatThrownBy(() -> cache.store(expected(null), candidate))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageStartingWith("corrupt dataset file " + candidate
            + " (decompressed): expected 11 bytes, found 10 bytes");
  }

  @Test
  void theFormatCheckRunsWhenNoChecksumIsKnown() throws Exception {
    byte[] badMagic = labels.clone();
    badMagic[3] = 3;
    Path candidate = Files.write(dir.resolve("labels"), badMagic);

    assertThatThrownBy(() -> new DatasetCache(dir.resolve("c")).store(expected(null), candidate))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("expected IDX magic number 0x00000801, found 0x00000803");
  }

  @Test
  void aCorruptCachedCopyIsDeletedAndReported() throws Exception {
    DatasetCache cache = new DatasetCache(Files.createDirectories(dir.resolve("cache")));
    ExpectedFile file = expected(sha256Of(labels));
    byte[] flipped = labels.clone();
    flipped[9] = 7;
    Files.write(cache.path(file), flipped);
    assertThat(cache.hasAll(List.of(file))).as("the cheap check sees only the size").isTrue();

    assertThatThrownBy(() -> cache.verifyCached(file))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining(cache.path(file).toString())
        .hasMessageEndingWith("(the cached copy was deleted; it is fetched again)");
    assertThat(cache.path(file)).doesNotExist();
    assertThat(cache.verifyCached(file)).isEmpty();
  }

  @Test
  void aFileIsFoundUnderItsPlainNameFirstThenGzipped() throws Exception {
    ExpectedFile file = expected(null);
    assertThat(DatasetCache.locate(dir, file)).isEmpty();
    Files.write(dir.resolve("labels.gz"), new byte[1]);
    assertThat(DatasetCache.locate(dir, file)).contains(dir.resolve("labels.gz"));
    Files.write(dir.resolve("labels"), new byte[1]);
    assertThat(DatasetCache.locate(dir, file)).contains(dir.resolve("labels"));
  }
}
