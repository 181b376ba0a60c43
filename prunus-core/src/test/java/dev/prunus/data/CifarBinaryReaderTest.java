package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReaderTest {
  @TempDir Path dir;

  /**
   * CIFAR records: {@code labels[i]} label bytes each (coarse, fine for CIFAR-100), then 3072
   * pixels where red = record, green = row, blue = column (so every plane is recognisable).
   */
  static byte[] records(int[][] labels) {
    int labelBytes = labels[0].length;
    byte[] out = new byte[labels.length * (labelBytes + 3072)];
    int o = 0;
    for (int i = 0; i < labels.length; i++) {
      for (int label : labels[i]) {
        out[o++] = (byte) label;
      }
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < 32; y++) {
          for (int x = 0; x < 32; x++) {
            out[o++] = (byte) (c == 0 ? i : c == 1 ? y : x);
          }
        }
      }
    }
    return out;
  }

  @Test
  void readsCifar10RecordsAsChwImagesScaledToOne() throws Exception {
    Path a = Files.write(dir.resolve("data_batch_1.bin"), records(new int[][] {{3}, {9}}));
    Path b = Files.write(dir.resolve("data_batch_2.bin"), records(new int[][] {{0}}));

    ImageSet set = CifarBinaryReader.read(List.of(a, b), 1, 10);

    assertThat(set.size()).isEqualTo(3);
    assertThat(set.channels()).isEqualTo(3);
    assertThat(set.labels()).containsExactly(3, 9, 0);
    int image = 1;
    assertThat(set.pixels()[image * 3072]).isEqualTo(1 / 255f);
    assertThat(set.pixels()[image * 3072 + 1024 + 5 * 32 + 7]).isEqualTo(5 / 255f);
    assertThat(set.pixels()[image * 3072 + 2048 + 5 * 32 + 7]).isEqualTo(7 / 255f);
  }

  @Test
  void readsTheFineLabelOfCifar100AndAcceptsGzip() throws Exception {
    byte[] content = records(new int[][] {{19, 99}, {0, 42}});
    Path gz = Files.write(dir.resolve("train.bin"), IdxFiles.gzip(content));
    Path raw = Files.write(dir.resolve("train-raw.bin"), content);

    ImageSet set = CifarBinaryReader.read(List.of(gz), 2, 100);

    assertThat(set.labels()).containsExactly(99, 42);
    assertThat(set).isEqualTo(CifarBinaryReader.read(List.of(raw), 2, 100));
  }

  @Test
  void rejectsAFileThatIsNotWholeRecords() throws Exception {
    byte[] content = records(new int[][] {{1}, {2}});
    Path truncated = Files.write(dir.resolve("t.bin"), Arrays.copyOf(content, 3073 + 100));
    assertThatThrownBy(() -> CifarBinaryReader.read(List.of(truncated), 1, 10))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining(truncated.toString())
        .hasMessageContaining("a whole number of 3073-byte records")
        .hasMessageContaining("1 records and 100 bytes over");
  }

  @Test
  void rejectsLabelsOutOfRange() throws Exception {
    Path ten = Files.write(dir.resolve("ten.bin"), records(new int[][] {{1}, {10}}));
    assertThatThrownBy(() -> CifarBinaryReader.read(List.of(ten), 1, 10))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("expected labels in [0, 10), found label 10 in record 1");
    Path coarse = Files.write(dir.resolve("coarse.bin"), records(new int[][] {{20, 5}}));
    assertThatThrownBy(() -> CifarBinaryReader.read(List.of(coarse), 2, 100))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("coarse label 20");
  }

  @Test
  void theFormatCheckComparesTheExactLength() throws Exception {
    Path file = Files.write(dir.resolve("x.bin"), records(new int[][] {{1}, {2}}));
    CifarBinaryReader.checkRecords(file, 2, 1);
    assertThatThrownBy(() -> CifarBinaryReader.checkRecords(file, 3, 1))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("expected 9,219 bytes (3 records of 3073), found 6,146 bytes");
    assertThatThrownBy(() -> CifarBinaryReader.recordSize(3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("labelBytes=3 must be 1 (CIFAR-10) or 2 (CIFAR-100)");
  }
}
