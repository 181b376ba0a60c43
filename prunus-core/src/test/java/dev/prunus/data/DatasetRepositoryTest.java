package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.data.ArchiveFiles.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's source order, caching and failure reports, on tiny generated datasets. */
class DatasetRepositoryTest {
  private static final int TRAIN = 4;
  private static final int TEST = 3;

  @TempDir Path tmp;

  private Path home() {
    return tmp.resolve("home");
  }

  /** The four IDX files of a tiny MNIST-shaped dataset, gzipped, in a new folder. */
  private Path idxFolder(String name) throws Exception {
    Path folder = Files.createDirectories(tmp.resolve(name));
    Files.write(folder.resolve("train-images-idx3-ubyte.gz"),
        IdxFiles.gzip(IdxFiles.images(TRAIN, 28, 28)));
    Files.write(folder.resolve("train-labels-idx1-ubyte.gz"),
        IdxFiles.gzip(IdxFiles.labels(IdxFiles.cyclicLabels(TRAIN, 10))));
    Files.write(folder.resolve("t10k-images-idx3-ubyte.gz"),
        IdxFiles.gzip(IdxFiles.images(TEST, 28, 28)));
    Files.write(folder.resolve("t10k-labels-idx1-ubyte.gz"),
        IdxFiles.gzip(IdxFiles.labels(9, 8, 7)));
    return folder;
  }

  /** The SHA-256 of the decompressed files, in recipe order. */
  private static List<Checksum> sha256s() {
    List<Checksum> list = new ArrayList<>();
    for (byte[] content : List.of(
        IdxFiles.images(TRAIN, 28, 28), IdxFiles.labels(IdxFiles.cyclicLabels(TRAIN, 10)),
        IdxFiles.images(TEST, 28, 28), IdxFiles.labels(9, 8, 7))) {
      list.add(Checksum.sha256(HexFormat.of().formatHex(sha256(content))));
    }
    return list;
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DatasetRepository repository(Path home, DatasetRecipe recipe) {
    return new DatasetRepository(home, (id, dir) -> recipe);
  }

  private static DatasetRecipe tinyIdx(List<Checksum> checksums, DatasetSource... sources) {
    return IdxRecipes.recipe(DatasetId.MNIST, TRAIN, TEST, checksums, List.of(sources));
  }

  private static List<String> namesIn(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void fetchesFromTheFirstWorkingSourceThenServesFromTheCache() throws Exception {
    DatasetRecipe recipe = tinyIdx(sha256s(),
        new LocalDirectorySource(tmp.resolve("absent"), "absent folder"),
        new LocalDirectorySource(idxFolder("source"), "test folder"));
    DatasetRepository repository = repository(home(), recipe);
    assertThat(repository.isCached(DatasetId.MNIST)).isFalse();

    Dataset dataset = repository.load(DatasetId.MNIST);

    assertThat(dataset.source()).isEqualTo("test folder");
    assertThat(dataset.train().size()).isEqualTo(TRAIN);
    assertThat(dataset.test().labels()).containsExactly(9, 8, 7);
    String expected = Checksum.sha256Hex(
        String.join("", sha256s().stream().map(Checksum::hex).toList()));
    assertThat(dataset.sha256()).isEqualTo(expected);
    assertThat(repository.isCached(DatasetId.MNIST)).isTrue();
    assertThat(namesIn(repository.cacheDir(DatasetId.MNIST))).containsExactly(
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte");

    Dataset cached = repository.load(DatasetId.MNIST);
    assertThat(cached.source()).isEqualTo("cache");
    assertThat(cached).isEqualTo(new Dataset(
        DatasetId.MNIST, dataset.train(), dataset.test(), dataset.sha256(), "cache"));
  }

  @Test
  void aCorruptCachedFileIsDeletedAndFetchedAgain() throws Exception {
    DatasetRecipe recipe = tinyIdx(sha256s(), new LocalDirectorySource(idxFolder("s"), "test"));
    DatasetRepository repository = repository(home(), recipe);
    Dataset first = repository.load(DatasetId.MNIST);
    Path images = repository.cacheDir(DatasetId.MNIST).resolve("train-images-idx3-ubyte");
    byte[] bytes = Files.readAllBytes(images);
    bytes[100] ^= 1;
    Files.write(images, bytes);

    Dataset again = repository.load(DatasetId.MNIST);

    assertThat(again.source()).isEqualTo("test");
    assertThat(again.sha256()).isEqualTo(first.sha256());
    assertThat(again.train()).isEqualTo(first.train());
    assertThat(images).hasBinaryContent(IdxFiles.images(TRAIN, 28, 28));
  }

  @Test
  void aTruncatedCachedFileWithoutKnownChecksumIsCaughtByTheFormatCheck() throws Exception {
    DatasetRecipe recipe = tinyIdx(null, new LocalDirectorySource(idxFolder("s"), "test"));
    DatasetRepository repository = repository(home(), recipe);
    repository.load(DatasetId.MNIST);
    Path labels = repository.cacheDir(DatasetId.MNIST).resolve("t10k-labels-idx1-ubyte");
    Files.write(labels, IdxFiles.labels(9, 8));

    assertThat(repository.isCached(DatasetId.MNIST)).isFalse();
    assertThat(repository.load(DatasetId.MNIST).source()).isEqualTo("test");
  }

  @Test
  void whenEverySourceFailsTheMessageListsThemAndSaysWhereToPutTheFiles() {
    DatasetRecipe recipe = tinyIdx(null,
        new LocalDirectorySource(tmp.resolve("absent"), "debian package x (installed)"),
        new MirrorSource("unreachable mirror", List.of("http://127.0.0.1:9/"),
            List.of(new RemoteFile("train-images-idx3-ubyte.gz", null))));
    DatasetRepository repository = repository(home(), recipe);
    Path cacheDir = repository.cacheDir(DatasetId.MNIST);

    assertThatThrownBy(() -> repository.load(DatasetId.MNIST))
        .isInstanceOf(DatasetUnavailableException.class)
        .isNotInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("dataset mnist is not available: every source failed; sources"
            + " tried, in order:\n"
            + "  - cache " + cacheDir + ": no train-images-idx3-ubyte, train-labels-idx1-ubyte,"
            + " t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte\n"
            + "  - debian package x (installed): " + tmp.resolve("absent")
            + ": folder does not exist\n"
            + "  - unreachable mirror: train-images-idx3-ubyte.gz from no mirror: GET"
            + " http://127.0.0.1:9/train-images-idx3-ubyte.gz failed: ")
        .hasMessageEndingWith("\nTo fix: make one of these sources reachable and load again, or"
            + " put train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and"
            + " t10k-labels-idx1-ubyte (raw, or gzipped as NAME.gz) into " + cacheDir
            + " and load again.");
  }

  @Test
  void aSourceWithMissingFilesIsReportedAndTheNextOneUsed() throws Exception {
    Path partial = idxFolder("partial");
    Files.delete(partial.resolve("t10k-labels-idx1-ubyte.gz"));
    DatasetRecipe recipe = tinyIdx(null,
        new LocalDirectorySource(partial, "partial folder"),
        new LocalDirectorySource(idxFolder("full"), "full folder"));

    assertThat(repository(home(), recipe).load(DatasetId.MNIST).source()).isEqualTo("full folder");
  }

  @Test
  void aCorruptSourceIsSkippedWhenALaterOneIsIntact() throws Exception {
    Path corrupt = idxFolder("corrupt");
    Files.write(corrupt.resolve("train-labels-idx1-ubyte.gz"),
        IdxFiles.gzip(IdxFiles.labels(0, 1, 2, 3, 4)));
    DatasetRecipe recipe = tinyIdx(sha256s(),
        new LocalDirectorySource(corrupt, "corrupt folder"),
        new LocalDirectorySource(idxFolder("good"), "good folder"));

    assertThat(repository(home(), recipe).load(DatasetId.MNIST).source())
        .isEqualTo("good folder");
  }

  @Test
  void whenOnlyCorruptDataWasFoundTheCorruptionIsThrownWithTheSourcesTried() throws Exception {
    Path corrupt = idxFolder("corrupt");
    Path labels = corrupt.resolve("train-labels-idx1-ubyte.gz");
    Files.write(labels, IdxFiles.gzip(IdxFiles.labels(0, 1, 2, 3, 4)));
    DatasetRecipe recipe = tinyIdx(sha256s(),
        new LocalDirectorySource(corrupt, "corrupt folder"),
        new LocalDirectorySource(tmp.resolve("absent"), "absent folder"));
    DatasetRepository repository = repository(home(), recipe);

    assertThatThrownBy(() -> repository.load(DatasetId.MNIST))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageStartingWith("dataset mnist: a source delivered corrupt data and none"
            + " delivered it intact; sources tried, in order:\n")
        .hasMessageContaining("  - corrupt folder: corrupt dataset file " + labels
            + " (decompressed): expected 12 bytes, found 13 bytes; delete the file")
        .hasMessageContaining("  - absent folder: ")
        .hasMessageContaining("To fix: delete or replace the corrupt file named above");
    try (Stream<Path> left = Files.list(repository.cacheDir(DatasetId.MNIST))) {
      assertThat(left).as("nothing cached, no temporary file or folder left").isEmpty();
    }
  }

  @Test
  void filesPutByHandIntoTheCacheFolderAreVerifiedAndUsed() throws Exception {
    DatasetRecipe recipe = tinyIdx(sha256s());
    DatasetRepository repository = repository(home(), recipe);
    Path cacheDir = Files.createDirectories(repository.cacheDir(DatasetId.MNIST));
    Path folder = idxFolder("download");
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.copy(file, cacheDir.resolve(file.getFileName()));
      }
    }
    Files.write(cacheDir.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(9, 8, 7));

    Dataset dataset = repository.load(DatasetId.MNIST);

    assertThat(dataset.source()).isEqualTo("files put by hand into the cache");
    assertThat(dataset.test().labels()).containsExactly(9, 8, 7);
    assertThat(repository.load(DatasetId.MNIST).source()).isEqualTo("cache");
  }

  @Test
  void unreadableContentFoundWhenReadingIsCorruptionAndTheCacheIsCleared() throws Exception {
    Path folder = idxFolder("bad-label");
    Files.write(folder.resolve("t10k-labels-idx1-ubyte.gz"),
        IdxFiles.gzip(IdxFiles.labels(9, 8, 17)));
    DatasetRecipe recipe = tinyIdx(null, new LocalDirectorySource(folder, "bad labels"));
    DatasetRepository repository = repository(home(), recipe);

    assertThatThrownBy(() -> repository.load(DatasetId.MNIST))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("found label 17 at index 2")
        .hasMessageContaining("the cached files were deleted");
    assertThat(repository.isCached(DatasetId.MNIST)).isFalse();
  }

  @Test
  void aTinyCifar10ArchivePutByHandIsCheckedExtractedAndRead() throws Exception {
    byte[] batch = CifarBinaryReaderTest.records(new int[][] {{1}, {2}});
    byte[] test = CifarBinaryReaderTest.records(new int[][] {{9}});
    byte[] archive = ArchiveFiles.tarGz(List.of(
        Entry.dir("cifar-10-batches-bin"),
        Entry.file("cifar-10-batches-bin/data_batch_1.bin", batch),
        Entry.file("cifar-10-batches-bin/data_batch_2.bin", batch),
        Entry.file("cifar-10-batches-bin/test_batch.bin", test),
        Entry.file("cifar-10-batches-bin/batches.meta.txt", "airplane")));
    Path cacheDir = new DatasetRepository(home()).cacheDir(DatasetId.CIFAR10);
    Path placed = Files.write(
        Files.createDirectories(cacheDir).resolve("cifar-10-binary.tar.gz"), archive);
    Checksum md5 = Checksum.md5(Checksum.digestHex(Checksum.Algorithm.MD5, placed));
    DatasetRecipe recipe = CifarRecipes.recipe(
        DatasetId.CIFAR10, List.of("data_batch_1.bin", "data_batch_2.bin"), "test_batch.bin",
        2, 1, 1,
        List.of(ArchiveSource.local(placed, md5, "cifar-10-batches-bin", "archive in the cache")),
        "cifar-10-binary.tar.gz");
    DatasetRepository repository = repository(home(), recipe);

    Dataset dataset = repository.load(DatasetId.CIFAR10);

    assertThat(dataset.source()).isEqualTo("archive in the cache");
    assertThat(dataset.train().labels()).containsExactly(1, 2, 1, 2);
    assertThat(dataset.test().labels()).containsExactly(9);
    assertThat(namesIn(cacheDir)).containsExactly(
        "cifar-10-binary.tar.gz", "data_batch_1.bin", "data_batch_2.bin", "test_batch.bin");
    assertThat(repository.load(DatasetId.CIFAR10).source()).isEqualTo("cache");
  }

  @Test
  void aCifarArchiveWithTheWrongChecksumIsCorruptAndNamesTheArchive() throws Exception {
    Path cacheDir = Files.createDirectories(
        new DatasetRepository(home()).cacheDir(DatasetId.CIFAR100));
    Path placed = Files.write(cacheDir.resolve("cifar-100-binary.tar.gz"),
        ArchiveFiles.tarGz(List.of(Entry.file("cifar-100-binary/test.bin", "x"))));
    DatasetRecipe real = CifarRecipes.cifar100(cacheDir);
    DatasetRecipe localOnly = new DatasetRecipe(real.id(), real.files(),
        real.sources().subList(0, 1), real.assembler(), real.manualFiles());

    assertThatThrownBy(() -> repository(home(), localOnly).load(DatasetId.CIFAR100))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("archive cifar-100-binary.tar.gz in the cache: corrupt dataset file "
            + placed + ": expected MD5 03b5dce01913d631647c71ecec9e9cb8 of the archive")
        .hasMessageContaining("or put the archive cifar-100-binary.tar.gz (the binary version,"
            + " as published), or the files it holds: train.bin and test.bin (raw, or gzipped as"
            + " NAME.gz) into " + cacheDir);
  }

  @Test
  void aTinyMnistSampleIsSplitWithTheFixedSeedTheSameWayInEveryHome() throws Exception {
    int[] counts = {5, 5, 5, 5, 5, 5, 5, 5, 5, 10};
    Path folder = Files.createDirectories(tmp.resolve("digits"));
    List<Path> files = MnistJsonReaderTest.writeDigits(folder, counts);
    long[] sizes = new long[10];
    for (int d = 0; d < 10; d++) {
      sizes[d] = Files.size(files.get(d));
    }
    DatasetRecipe recipe = MnistSampleRecipe.recipe(
        sizes, null, counts, 11, List.of(new LocalDirectorySource(folder, "digits folder")));

    Dataset a = repository(tmp.resolve("home-a"), recipe).load(DatasetId.MNIST_SAMPLE);
    Dataset b = repository(tmp.resolve("home-b"), recipe).load(DatasetId.MNIST_SAMPLE);

    assertThat(a.test().size()).isEqualTo(11);
    assertThat(a.train().size()).isEqualTo(44);
    assertThat(a.test().classCounts()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 2);
    assertThat(a.test()).isEqualTo(b.test());
    assertThat(a.train()).isEqualTo(b.train());
  }

  @Test
  void theRealMnistRecipeAcceptsIdxFilesPutByHandAndChecksTheirSizes() throws Exception {
    DatasetRepository repository = new DatasetRepository(home());
    Path cacheDir = Files.createDirectories(repository.cacheDir(DatasetId.MNIST));
    Files.write(cacheDir.resolve("train-images-idx3-ubyte"), IdxFiles.images(60_000, 28, 28));
    Files.write(cacheDir.resolve("train-labels-idx1-ubyte"),
        IdxFiles.labels(IdxFiles.cyclicLabels(60_000, 10)));
    Files.write(cacheDir.resolve("t10k-images-idx3-ubyte.gz"),
        IdxFiles.gzip(IdxFiles.images(10_000, 28, 28)));
    Files.write(cacheDir.resolve("t10k-labels-idx1-ubyte"),
        IdxFiles.labels(IdxFiles.cyclicLabels(10_000, 10)));
    assertThat(repository.isCached(DatasetId.MNIST)).isFalse();

    Dataset dataset = repository.load(DatasetId.MNIST);

    assertThat(dataset.source()).isEqualTo("files put by hand into the cache");
    assertThat(dataset.train().size()).isEqualTo(60_000);
    assertThat(dataset.test().size()).isEqualTo(10_000);
    assertThat(repository.isCached(DatasetId.MNIST)).isTrue();
  }

  @Test
  void theCacheFolderIsHomeDatasetsName() {
    DatasetRepository repository = new DatasetRepository(tmp);
    for (DatasetId id : DatasetId.values()) {
      assertThat(repository.cacheDir(id)).isEqualTo(tmp.resolve("datasets").resolve(id.cliName()));
      assertThat(repository.isCached(id)).isFalse();
    }
    String variable = System.getenv("PRUNUS_HOME");
    Path expected = variable == null || variable.isBlank()
        ? Path.of(System.getProperty("user.home"), ".cache", "prunus") : Path.of(variable);
    assertThat(DatasetRepository.defaultHome()).isEqualTo(expected);
  }

  @Test
  void aHomeThatCannotHoldFoldersIsBadInput() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
    DatasetRepository repository = new DatasetRepository(file);
    assertThatThrownBy(() -> repository.load(DatasetId.MNIST))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("cannot create the dataset cache folder "
            + file.resolve("datasets/mnist"))
        .hasMessageEndingWith("set PRUNUS_HOME to a writable folder");
  }
}
