package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  private Path write(String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
  }

  @Test
  void readsImagesAndLabelsInto1ChannelImagesScaledToOne() throws Exception {
    Path images = write("images", IdxFiles.images(3, 4, 5));
    Path labels = write("labels", IdxFiles.labels(2, 0, 9));

    ImageSet set = IdxReader.read(images, labels, 10);

    assertThat(set.size()).isEqualTo(3);
    assertThat(set.channels()).isEqualTo(1);
    assertThat(set.height()).isEqualTo(4);
    assertThat(set.width()).isEqualTo(5);
    assertThat(set.labels()).containsExactly(2, 0, 9);
    assertThat(set.pixels()[2 * 20 + 7]).isEqualTo(IdxFiles.pixel(2, 7) / 255f);
    for (float v : set.pixels()) {
      assertThat(v).isBetween(0f, 1f);
    }
  }

  @Test
  void readsGzippedFilesWhateverTheirName() throws Exception {
    Path images = write("images.raw", IdxFiles.gzip(IdxFiles.images(2, 3, 3)));
    Path labels = write("labels.gz", IdxFiles.gzip(IdxFiles.labels(1, 1)));
    Path rawImages = write("images2", IdxFiles.images(2, 3, 3));
    Path rawLabels = write("labels2", IdxFiles.labels(1, 1));

    assertThat(IdxReader.read(images, labels, 2))
        .isEqualTo(IdxReader.read(rawImages, rawLabels, 2));
  }

  @Test
  void rejectsAWrongMagicNumberNamingTheFile() throws Exception {
    Path labels = write("labels", IdxFiles.labels(1, 2));
    assertThatThrownBy(() -> IdxReader.readImages(labels))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining(labels.toString())
        .hasMessageContaining("expected IDX magic number 0x00000803, found 0x00000801")
        .hasMessageContaining("delete the file");
  }

  @Test
  void rejectsTruncatedFilesRawOrGzipped() throws Exception {
    byte[] images = IdxFiles.images(3, 4, 4);
    Path truncated = write("truncated", Arrays.copyOf(images, images.length - 5));
    assertThatThrownBy(() -> IdxReader.readImages(truncated))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("expected 64 bytes of content, found only 59 (truncated)");

    Path shortHeader = write("header", Arrays.copyOf(images, 6));
    assertThatThrownBy(() -> IdxReader.readImages(shortHeader))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("a complete IDX header");

    byte[] gz = IdxFiles.gzip(images);
    Path truncatedGz = write("truncated.gz", Arrays.copyOf(gz, gz.length - 10));
    assertThatThrownBy(() -> IdxReader.readImages(truncatedGz))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining(truncatedGz.toString());
  }

  @Test
  void rejectsTrailingBytes() throws Exception {
    byte[] labels = IdxFiles.labels(1, 2, 3);
    Path longer = write("longer", Arrays.copyOf(labels, labels.length + 2));
    assertThatThrownBy(() -> IdxReader.readLabels(longer))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("2 trailing bytes");
  }

  @Test
  void rejectsLabelsThatDoNotMatchTheImagesOrTheClasses() throws Exception {
    Path images = write("images", IdxFiles.images(3, 2, 2));
    Path twoLabels = write("two", IdxFiles.labels(0, 1));
    assertThatThrownBy(() -> IdxReader.read(images, twoLabels, 10))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("expected 3 labels, one per image in images, found 2 labels");
    Path badLabel = write("bad", IdxFiles.labels(0, 10, 1));
    assertThatThrownBy(() -> IdxReader.read(images, badLabel, 10))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("expected labels in [0, 10), found label 10 at index 1");
  }

  @Test
  void theFormatCheckReadsOnlyTheHeaderAndTheLength() throws Exception {
    Path images = write("images", IdxFiles.images(3, 2, 2));
    IdxReader.checkImages(images, 3, 2, 2);
    assertThatThrownBy(() -> IdxReader.checkImages(images, 4, 2, 2))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining(
            "expected 4 images of 2x2, found a header announcing 3 images of 2x2");

    byte[] lying = IdxFiles.images(3, 2, 2);
    ByteBuffer.wrap(lying).putInt(4, 2);
    Path liar = write("liar", lying);
    assertThatThrownBy(() -> IdxReader.checkImages(liar, 2, 2, 2))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("expected 24 bytes, found 28 bytes");

    Path labels = write("labels", IdxFiles.labels(1, 2));
    IdxReader.checkLabels(labels, 2);
    assertThatThrownBy(() -> IdxReader.checkLabels(labels, 3))
        .isInstanceOf(CorruptDatasetException.class)
        .hasMessageContaining("expected 3 labels");
  }
}
