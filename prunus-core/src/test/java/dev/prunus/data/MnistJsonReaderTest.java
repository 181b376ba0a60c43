package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistJsonReaderTest {
  @TempDir Path dir;

  /** A digit file as in the npm package: {"data": [...]} with 784 values per image. */
  static String digitJson(int digit, int images) {
    StringBuilder json = new StringBuilder("{ \"data\": [");
    for (int i = 0; i < images * 784; i++) {
      if (i > 0) {
        json.append(',');
      }
      int v = (digit * 13 + i) % 5;
      json.append(v == 0 ? "0" : v == 4 ? "1" : "0." + v * 2);
    }
    return json.append("]}").toString();
  }

  /** Writes digit files 0.json .. (counts.length-1).json, returning them in digit order. */
  static List<Path> writeDigits(Path dir, int... counts) throws Exception {
    List<Path> files = new ArrayList<>();
    for (int d = 0; d < counts.length; d++) {
      files.add(Files.writeString(dir.resolve(d + ".json"), digitJson(d, counts[d])));
    }
    return files;
  }

  @Test
  void readsEveryDigitsImagesLabelledWithTheDigit() throws Exception {
    List<Path> files = writeDigits(dir, 2, 1, 3);

    ImageSet set = MnistJsonReader.read(files, new int[] {2, 1, 3});

    assertThat(set.size()).isEqualTo(6);
    assertThat(set.numClasses()).isEqualTo(3);
    assertThat(set.labels()).containsExactly(0, 0, 1, 2, 2, 2);
    assertThat(set.pixels()[0]).isEqualTo(0f);
    assertThat(set.pixels()[1]).isEqualTo(0.2f);
    assertThat(set.pixels()[4]).isEqualTo(1f);
    // image 2 is digit 1's first image; its value 1 is (1 * 13 + 1) % 5 = 4, written as 1
    assertThat(set.pixels()[2 * 784 + 1]).isEqualTo(1f);
    assertThat(set.pixels()[2 * 784 + 2]).isEqualTo(0f);
  }

  @Test
  void readsGzippedFilesAndIgnoresOtherFields() throws Exception {
    String json = "{\"name\": {\"x\": [1, 2]}, \"data\": [" + "0.5,".repeat(783) + "1]}";
    Path gz = Files.write(dir.resolve("0.json"),
        IdxFiles.gzip(json.getBytes(StandardCharsets.US_ASCII)));
    assertThat(MnistJsonReader.read(List.of(gz), new int[] {1}).pixels()[0]).isEqualTo(0.5f);
  }

  @Test
  void rejectsADigitWithAnotherImageCount() throws Exception {
    List<Path> files = writeDigits(dir, 2, 1);
    assertThatThrownBy(() -> MnistJsonReader.read(files, new int[] {2, 2}))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("1.json: expected 2 images of digit 1, found 1 images");
  }

  @Test
  void rejectsPartialImagesValuesOutsideZeroToOneAndMalformedJson() throws Exception {
    Path partial = Files.writeString(dir.resolve("p.json"), "{\"data\": [0, 1, 0.5]}");
    assertThatThrownBy(() -> MnistJsonReader.readValues(partial))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("3 values (0 images and 3 values over)");
    Path big = Files.writeString(dir.resolve("b.json"), "{\"data\": [0, 1.5]}");
    assertThatThrownBy(() -> MnistJsonReader.readValues(big))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("expected values in [0, 1], found value 1.5 at index 1");
    Path text = Files.writeString(dir.resolve("t.json"), "{\"data\": [0, \"x\"]}");
    assertThatThrownBy(() -> MnistJsonReader.readValues(text))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("numbers in the \"data\" array, found 'x' at value 1");
    Path truncated = Files.writeString(dir.resolve("tr.json"), "{\"data\": [0, 1, 0");
    assertThatThrownBy(() -> MnistJsonReader.readValues(truncated))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("well-formed JSON");
    Path noData = Files.writeString(dir.resolve("n.json"), "{\"pixels\": []}");
    assertThatThrownBy(() -> MnistJsonReader.readValues(noData))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("expected a \"data\" array, found an object without one");
    Path array = Files.writeString(dir.resolve("a.json"), "[0, 1]");
    assertThatThrownBy(() -> MnistJsonReader.readValues(array))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("found '['");
  }
}
