package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.prunus.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image folder as a dataset: files written here with ImageIO, so every expected pixel is known
 * independently of the loader (a solid colour stays that colour at any size, a grey level v reads as
 * v / 255, a colour's grey is its BT.601 luma).
 */
class ImageFolderTest {
  @TempDir Path root;

  private static Dataset load(ImageFolder ref) {
    return new DatasetRepository(Path.of("unused-home")).load(ref);
  }

  private static float[] image(ImageSet set, int i) {
    return Arrays.copyOfRange(set.pixels(), i * set.imageSize(), (i + 1) * set.imageSize());
  }

  @Test
  void pixelsAreDecodedConvertedResizedAndNormalised() {
    ImageFiles.png(root.resolve("train/a-grey/g1.png"), ImageFiles.grey(new int[][] {{100, 100}, {100, 100}}));
    ImageFiles.png(root.resolve("train/a-grey/g2.png"), ImageFiles.grey(new int[][] {{0, 255}, {255, 0}}));
    ImageFiles.png(root.resolve("train/b-colour/r1.png"), ImageFiles.solid(5, 3, 0xC8320A)); // (200, 50, 10)
    ImageFiles.jpeg(root.resolve("train/b-colour/r2.jpg"), ImageFiles.solid(8, 8, 0x1EA05A)); // (30, 160, 90)
    ImageFiles.png(root.resolve("test/a-grey/t.png"), ImageFiles.grey(new int[][] {{7}}));
    ImageFiles.png(root.resolve("test/b-colour/t.PNG"), ImageFiles.solid(1, 1, 0x000000));
    Normalization half = new Normalization(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f});

    ImageFolder rgb = ImageFolder.builder(root).optImageSize(4, 4).optNormalization(half).build();
    assertThat(rgb.layout()).isEqualTo(FolderLayout.TRAIN_TEST);
    assertThat(rgb.classNames()).containsExactly("a-grey", "b-colour");
    Dataset d = load(rgb);
    ImageSet train = d.train();
    assertThat(train.size()).isEqualTo(4);
    assertThat(train.labels()).containsExactly(0, 0, 1, 1);
    assertThat(image(train, 0)).hasSize(3 * 16).containsOnly(100 / 255f); // a 2x2 solid grey at 4x4, in 3 channels
    float[] colour = image(train, 2);
    assertThat(Arrays.copyOfRange(colour, 0, 16)).containsOnly(200 / 255f);
    assertThat(Arrays.copyOfRange(colour, 16, 32)).containsOnly(50 / 255f);
    assertThat(Arrays.copyOfRange(colour, 32, 48)).containsOnly(10 / 255f);
    float[] jpeg = image(train, 3);
    int[] jpegRgb = {30, 160, 90};
    for (int c = 0; c < 3; c++) {
      for (int p = 0; p < 16; p++) {
        assertThat(jpeg[c * 16 + p]).as("JPEG channel %d", c).isCloseTo(jpegRgb[c] / 255f, within(3 / 255f));
      }
    }
    assertThat(d.test().labels()).containsExactly(0, 1);
    assertThat(image(d.test(), 0)).containsOnly(7 / 255f);
    assertThat(d.normalization()).isEqualTo(half);
    assertThat(image(half.apply(train), 2)[0]).isCloseTo((200 / 255f - 0.5f) / 0.25f, within(1e-6f));

    ImageFolder same = ImageFolder.builder(root).optImageSize(2, 2).optChannels(1).optNormalization(
        new Normalization(new float[] {0.5f}, new float[] {0.25f})).build();
    ImageSet grey = load(same).train();
    assertThat(image(grey, 1)).containsExactly(0f, 1f, 1f, 0f); // the size it has: unchanged
    float luma = (0.299f * 200 + 0.587f * 50 + 0.114f * 10) / 255f;
    assertThat(image(grey, 2)).containsExactly(new float[] {luma, luma, luma, luma}, within(1e-6f));
  }

  @Test
  void classIndexIsTheSortedFolderNameAndOtherFilesAreSkipped() throws IOException {
    for (String c : List.of("zebra", "apple", "Mango")) {
      ImageFiles.png(root.resolve(c).resolve("one.png"), ImageFiles.solid(2, 2, c.hashCode() & 0xffffff));
      ImageFiles.png(root.resolve(c).resolve("nested/two.jpeg"), ImageFiles.solid(2, 2, 0x808080));
    }
    ImageFiles.png(root.resolve(".thumbnails/x.png"), ImageFiles.solid(2, 2, 0));
    ImageFiles.png(root.resolve("apple/.hidden.png"), ImageFiles.solid(2, 2, 0));
    Files.writeString(root.resolve("apple/notes.txt"), "not an image");
    ImageFolder ref = ImageFolder.builder(root).optTestFraction(0.5).optNormalization(
        new Normalization(new float[] {0, 0, 0}, new float[] {1, 1, 1})).build();
    assertThat(ref.classNames()).containsExactly("Mango", "apple", "zebra"); // code-point order, as Python sorts
    assertThat(ref.height()).isEqualTo(2);
    assertThat(ref.width()).isEqualTo(2);
    FolderListing listing = FolderListing.scan(root);
    assertThat(listing.train()).extracting(FolderListing.ImageFile::relativePath).containsExactly(
        "Mango/nested/two.jpeg", "Mango/one.png", "apple/nested/two.jpeg", "apple/one.png", "zebra/nested/two.jpeg",
        "zebra/one.png");
    assertThat(listing.train()).extracting(FolderListing.ImageFile::label).containsExactly(0, 0, 1, 1, 2, 2);
    Dataset d = load(ref);
    assertThat(d.train().classCounts()).containsExactly(1, 1, 1);
    assertThat(d.test().classCounts()).containsExactly(1, 1, 1);
  }

  /** Every image's grey level is its id, so which images went where can be read back from the pixels. */
  @Test
  void theTestImagesAreASeededStratifiedShareAndTheSameOnEveryLoad() {
    int[] counts = {10, 20, 5};
    int id = 1;
    for (int c = 0; c < counts.length; c++) {
      for (int k = 0; k < counts[c]; k++, id++) {
        ImageFiles.png(root.resolve("c" + c).resolve(String.format("%03d.png", id)), ImageFiles.grey(new int[][] {{id}}));
      }
    }
    ImageFolder ref = ImageFolder.builder(root).optChannels(1).build();
    assertThat(ref.testFraction()).isEqualTo(ImageFolder.DEFAULT_TEST_FRACTION);
    Dataset d = load(ref);
    assertThat(d.test().classCounts()).containsExactly(2, 4, 1); // 7 = round(0.2 * 35), apportioned 10:20:5
    assertThat(d.train().classCounts()).containsExactly(8, 16, 4);
    Set<Integer> ids = new HashSet<>();
    for (ImageSet part : List.of(d.train(), d.test())) {
      for (int i = 0; i < part.size(); i++) {
        int value = Math.round(part.pixels()[i] * 255);
        assertThat(ids.add(value)).as("image %d is in one part only", value).isTrue();
        int label = value <= 10 ? 0 : value <= 30 ? 1 : 2;
        assertThat(part.labels()[i]).isEqualTo(label);
      }
    }
    assertThat(ids).hasSize(35);
    Dataset again = load(ImageFolder.builder(root).optChannels(1).build());
    assertThat(again.train()).isEqualTo(d.train());
    assertThat(again.test()).isEqualTo(d.test());
    assertThat(again.sha256()).isEqualTo(d.sha256());
  }

  @Test
  void theNormalisationIsMeasuredOnTheTrainingImagesOnly() {
    ImageFiles.png(root.resolve("train/a/1.png"), ImageFiles.grey(new int[][] {{51, 51}})); // 0.2
    ImageFiles.png(root.resolve("train/b/2.png"), ImageFiles.grey(new int[][] {{153, 153}})); // 0.6
    ImageFiles.png(root.resolve("val/a/3.png"), ImageFiles.grey(new int[][] {{255, 255}}));
    ImageFiles.png(root.resolve("val/b/4.png"), ImageFiles.grey(new int[][] {{255, 255}}));
    ImageFolder ref = ImageFolder.builder(root).optChannels(1).build();
    assertThat(ref.layout()).isEqualTo(FolderLayout.TRAIN_VAL);
    assertThat(ref.normalization()).isNull();
    Normalization n = load(ref).normalization();
    assertThat(n.mean()[0]).isCloseTo(0.4f, within(1e-6f));
    assertThat(n.std()[0]).isCloseTo(0.2f, within(1e-6f)); // population std of {0.2, 0.2, 0.6, 0.6}
  }

  @Test
  void aFileThatCannotBeDecodedIsRefusedByName() throws IOException {
    ImageFiles.png(root.resolve("a/ok.png"), ImageFiles.solid(2, 2, 0xffffff));
    ImageFiles.png(root.resolve("b/ok.png"), ImageFiles.solid(2, 2, 0));
    Path bad = root.resolve("b/broken.png");
    Files.write(bad, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H'});
    ImageFolder ref = ImageFolder.builder(root).optImageSize(2, 2).build();
    assertThatThrownBy(() -> load(ref)).isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("cannot decode the image " + bad).hasMessageContaining("convert the file, or remove it");
    Files.writeString(bad, "plain text");
    for (int i = 0; i < 40; i++) { // decoded in parallel, the first bad file in listing order is the one named
      Files.writeString(root.resolve(String.format("b/later%02d.png", i)), "also not an image");
    }
    for (int repeat = 0; repeat < 3; repeat++) {
      assertThatThrownBy(() -> load(ref)).isInstanceOf(CorruptDatasetException.class)
          .hasMessageContaining(bad + ": not a PNG or JPEG image");
    }
  }

  @Test
  void foldersThatCannotBeAClassifiersDataAreRefusedWithTheFix() throws IOException {
    assertThatThrownBy(() -> ImageFolder.builder(root.resolve("nowhere")).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("nowhere does not exist");
    ImageFiles.png(root.resolve("only/1.png"), ImageFiles.solid(2, 2, 0));
    ImageFiles.png(root.resolve("loose.png"), ImageFiles.solid(2, 2, 0));
    assertThatThrownBy(() -> ImageFolder.builder(root).build()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has 1 class sub-folder (only) and 1 images directly in it")
        .hasMessageContaining("at least 2: put each class's images in a sub-folder named after it");
    Files.createDirectories(root.resolve("empty"));
    Files.writeString(root.resolve("empty/readme.txt"), "no images here");
    assertThatThrownBy(() -> ImageFolder.builder(root).build()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the class folder " + root.resolve("empty") + " holds no PNG or JPEG images");
    Files.delete(root.resolve("empty/readme.txt"));
    Files.delete(root.resolve("empty"));
    ImageFiles.png(root.resolve("other/1.png"), ImageFiles.solid(2, 2, 0));
    assertThatThrownBy(() -> ImageFolder.builder(root).optChannels(2).build())
        .hasMessageContaining("channels=2 must be 1 (grey) or 3 (RGB)");
    assertThatThrownBy(() -> ImageFolder.builder(root).optTestFraction(1).build())
        .hasMessageContaining("test-fraction=1.0 must be in (0, 1)");
  }

  @Test
  void testClassesMustMatchTheTrainingClassesAndSplitFoldersTakeNoFraction() {
    ImageFiles.png(root.resolve("train/a/1.png"), ImageFiles.solid(2, 2, 0));
    ImageFiles.png(root.resolve("train/b/1.png"), ImageFiles.solid(2, 2, 0));
    ImageFiles.png(root.resolve("test/a/1.png"), ImageFiles.solid(2, 2, 0));
    ImageFiles.png(root.resolve("test/c/1.png"), ImageFiles.solid(2, 2, 0));
    assertThatThrownBy(() -> ImageFolder.builder(root).build()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no test folder for [b]").hasMessageContaining("no training folder for [c]");
    ImageFiles.png(root.resolve("test/b/1.png"), ImageFiles.solid(2, 2, 0));
    ImageFiles.png(root.resolve("train/c/1.png"), ImageFiles.solid(2, 2, 0));
    assertThat(ImageFolder.builder(root).build().classNames()).containsExactly("a", "b", "c");
    assertThatThrownBy(() -> ImageFolder.builder(root).optTestFraction(0.3).build())
        .hasMessageContaining("is split by its train/ and test/ sub-folders: drop the test fraction");
  }

  @Test
  void aFolderThatChangedItsClassesSinceItWasDescribedIsRefused() {
    ImageFiles.png(root.resolve("a/1.png"), ImageFiles.solid(2, 2, 0));
    ImageFiles.png(root.resolve("b/1.png"), ImageFiles.solid(2, 2, 0));
    ImageFolder ref = ImageFolder.builder(root).optTestFraction(0.5).build();
    ImageFiles.png(root.resolve("c/1.png"), ImageFiles.solid(2, 2, 0));
    assertThatThrownBy(() -> load(ref)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("now has the layout class-folders with classes [a, b, c], but the dataset was defined"
            + " with class-folders and classes [a, b]");
  }

  /**
   * The checksum is that of `sha256sum`'s lines for the sorted paths (checked against the coreutils
   * programs where they exist); changing, renaming or adding an image changes it, a non-image file does not.
   */
  @Test
  void theChecksumCoversEveryImageByPathAndContent() throws Exception {
    ImageFiles.png(root.resolve("cat/1.png"), ImageFiles.solid(3, 3, 0x102030));
    ImageFiles.jpeg(root.resolve("cat/2.jpg"), ImageFiles.solid(3, 3, 0x405060));
    ImageFiles.png(root.resolve("dog/b.png"), ImageFiles.solid(3, 3, 0x708090));
    ImageFiles.png(root.resolve("dog/a/c.png"), ImageFiles.solid(3, 3, 0xa0b0c0));
    ImageFolder ref = ImageFolder.builder(root).optTestFraction(0.5).build();
    String sum = load(ref).sha256();
    assertThat(sum).isEqualTo(coreutilsChecksum(root));

    Files.writeString(root.resolve("dog/notes.txt"), "ignored");
    assertThat(load(ref).sha256()).isEqualTo(sum);
    ImageFiles.png(root.resolve("dog/b.png"), ImageFiles.solid(3, 3, 0x708091)); // one channel of one pixel
    String changed = load(ref).sha256();
    assertThat(changed).isNotEqualTo(sum);
    Files.move(root.resolve("dog/b.png"), root.resolve("dog/z.png"));
    String renamed = load(ref).sha256();
    assertThat(renamed).isNotEqualTo(changed).isNotEqualTo(sum);
    ImageFiles.png(root.resolve("cat/3.png"), ImageFiles.solid(3, 3, 0));
    assertThat(load(ref).sha256()).isNotIn(sum, changed, renamed);
  }

  /** {@code find | sort | xargs sha256sum | sha256sum} over the images, or the test is skipped without coreutils. */
  private static String coreutilsChecksum(Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c",
        "find . -type f | sed 's|^\\./||' | LC_ALL=C sort | xargs sha256sum | sha256sum").directory(dir.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      assumeThat(false).as("no sh to run sha256sum").isTrue();
      throw e;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assumeThat(p.waitFor()).as("sha256sum ran").isZero();
    return out.split("\\s+")[0];
  }
}
