package dev.prunus.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunus.InvalidInputException;
import dev.prunus.model.Mask;
import dev.prunus.model.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFileTest {
  private static final Map<String, Tensor> TENSORS = Map.of("a", new Tensor(new long[] {2, 3}, new float[] {1, -2, 3.5f, 0, -0f, Float.MAX_VALUE}));
  private static final Map<String, Mask> MASKS = Map.of("a", new Mask(new long[] {2, 3}, new boolean[] {true, false, true, true, false, true}));

  @Test
  void roundTripsTensorsMasksAndMetadataExactly(@TempDir Path dir) {
    Path f = dir.resolve("t.prunus");
    TensorFile.write(f, dev.prunus.run.Json.MAPPER.createObjectNode().put("k", "v"), TENSORS, MASKS);
    TensorFile.Contents c = TensorFile.read(f);
    assertThat(c.tensors()).isEqualTo(TENSORS);
    assertThat(c.masks()).isEqualTo(MASKS);
    assertThat(c.meta().get("k").asText()).isEqualTo("v");
    assertThat(dir.toFile().list()).containsExactly("t.prunus"); // no temporary file left behind
  }

  @Test
  void aTruncatedFileIsRejected(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("t.prunus");
    TensorFile.write(f, null, TENSORS, MASKS);
    byte[] b = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(b, b.length - 10));
    assertThatThrownBy(() -> TensorFile.read(f)).isInstanceOf(InvalidInputException.class).hasMessageContaining("truncated");
  }

  @Test
  void aChangedByteFailsTheChecksum(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("t.prunus");
    TensorFile.write(f, null, TENSORS, MASKS);
    byte[] b = Files.readAllBytes(f);
    b[b.length - 12] ^= 1;
    Files.write(f, b);
    assertThatThrownBy(() -> TensorFile.read(f)).isInstanceOf(InvalidInputException.class).hasMessageContaining("checksum");
  }

  @Test
  void aForeignFileIsRejected(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("t.prunus");
    Files.writeString(f, "hello, not a tensor file");
    assertThatThrownBy(() -> TensorFile.read(f)).isInstanceOf(InvalidInputException.class).hasMessageContaining("magic");
  }
}
