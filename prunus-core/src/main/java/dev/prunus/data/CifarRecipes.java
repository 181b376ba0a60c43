package dev.prunus.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recipes of CIFAR-10 and CIFAR-100, from the canonical "binary version" archives (see {@link
 * CifarBinaryReader} for the record layout).
 *
 * <p>Sources, after the cache: the archive put by hand into the cache folder, then the download
 * from the CIFAR site. Each archive is verified by the MD5 the CIFAR page publishes for it,
 * cross-checked in several public loaders: {@code cifar-10-binary.tar.gz}
 * c32a1d4ab5d03f1284b67883e8d87530 (170,052,171 bytes), {@code cifar-100-binary.tar.gz}
 * 03b5dce01913d631647c71ecec9e9cb8. No trusted checksum of the extracted {@code .bin} files is
 * known, so they (and {@code .bin} files put by hand into the cache folder) are verified by their
 * exact sizes (whole records, the right count) and, when read, by their label ranges.
 */
final class CifarRecipes {
  static final String CIFAR10_ARCHIVE = "cifar-10-binary.tar.gz";
  static final String CIFAR100_ARCHIVE = "cifar-100-binary.tar.gz";
  static final Checksum CIFAR10_ARCHIVE_MD5 = Checksum.md5("c32a1d4ab5d03f1284b67883e8d87530");
  static final Checksum CIFAR100_ARCHIVE_MD5 = Checksum.md5("03b5dce01913d631647c71ecec9e9cb8");
  static final String SITE = "https://www.cs.toronto.edu/~kriz/";

  private CifarRecipes() {}

  static DatasetRecipe cifar10(Path cacheDir) {
    List<String> train = List.of(
        "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
        "data_batch_5.bin");
    return recipe(
        DatasetId.CIFAR10, train, "test_batch.bin", 10_000, 10_000, 1,
        sources(cacheDir, CIFAR10_ARCHIVE, CIFAR10_ARCHIVE_MD5, "cifar-10-batches-bin"),
        CIFAR10_ARCHIVE);
  }

  static DatasetRecipe cifar100(Path cacheDir) {
    return recipe(
        DatasetId.CIFAR100, List.of("train.bin"), "test.bin", 50_000, 10_000, 2,
        sources(cacheDir, CIFAR100_ARCHIVE, CIFAR100_ARCHIVE_MD5, "cifar-100-binary"),
        CIFAR100_ARCHIVE);
  }

  /**
   * A CIFAR recipe: {@code trainFiles} of {@code recordsPerTrainFile} records each, then one test
   * file of {@code testRecords}; {@code labelBytes} is 1 (CIFAR-10) or 2 (CIFAR-100).
   */
  static DatasetRecipe recipe(
      DatasetId id, List<String> trainFiles, String testFile, int recordsPerTrainFile,
      int testRecords, int labelBytes, List<DatasetSource> sources, String archiveName) {
    long recordSize = CifarBinaryReader.recordSize(labelBytes);
    List<ExpectedFile> files = new ArrayList<>();
    for (String name : trainFiles) {
      files.add(new ExpectedFile(
          name, recordsPerTrainFile * recordSize, null,
          FormatCheck.cifarRecords(recordsPerTrainFile, labelBytes)));
    }
    files.add(new ExpectedFile(
        testFile, testRecords * recordSize, null,
        FormatCheck.cifarRecords(testRecords, labelBytes)));
    int trainCount = trainFiles.size();
    DatasetRecipe.Assembler assembler = paths -> new DatasetRecipe.Parts(
        CifarBinaryReader.read(paths.subList(0, trainCount), labelBytes, id.numClasses()),
        CifarBinaryReader.read(paths.subList(trainCount, trainCount + 1), labelBytes,
            id.numClasses()));
    String manual = "the archive " + archiveName + " (the binary version, as published), or the"
        + " files it holds: " + DatasetRecipe.plainOrGzipped(files);
    return new DatasetRecipe(id, files, sources, assembler, manual);
  }

  private static List<DatasetSource> sources(
      Path cacheDir, String archive, Checksum md5, String memberDir) {
    return List.of(
        ArchiveSource.local(
            cacheDir.resolve(archive), md5, memberDir, "archive " + archive + " in the cache"),
        ArchiveSource.download(URI.create(SITE + archive), md5, memberDir));
  }
}
