package dev.prunus.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksumTest {

  @Test
  void computesTheStandardTestVectors(@TempDir Path dir) throws Exception {
    Path abc = Files.writeString(dir.resolve("abc"), "abc");
    assertThat(Checksum.sha256Hex(abc))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Checksum.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Checksum.md5("900150983cd24fb0d6963f7d28e17f72").compute(abc))
        .isEqualTo("900150983cd24fb0d6963f7d28e17f72");
  }

  @Test
  void normalisesHexToLowerCaseAndRejectsMalformedHex() {
    assertThat(Checksum.md5("900150983CD24FB0D6963F7D28E17F72").hex())
        .isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    assertThatThrownBy(() -> Checksum.sha256("abc"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("SHA-256 checksum 'abc' must be 64 hex digits");
    assertThatThrownBy(() -> Checksum.md5("z".repeat(32)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void theBuiltInChecksumsAreWellFormed() {
    assertThat(IdxRecipes.FASHION_MNIST_SHA256).hasSize(4);
    assertThat(IdxRecipes.MNIST_GZ_MD5).hasSize(4);
    assertThat(MnistSampleRecipe.SHA256).hasSize(10);
    assertThat(CifarRecipes.CIFAR10_ARCHIVE_MD5.toString())
        .isEqualTo("MD5 c32a1d4ab5d03f1284b67883e8d87530");
  }
}
