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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

  @Test
  void aFlippedHeaderByteFailsTheChecksumBeforeTheHeaderIsParsed(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("t.prunus");
    TensorFile.write(f, null, TENSORS, MASKS);
    byte[] b = Files.readAllBytes(f);
    b[12] ^= 0x20; // the header's opening brace
    Files.write(f, b);
    assertThatThrownBy(() -> TensorFile.read(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a valid Prunus tensor file: its checksum does not match");
  }

  /** A header that lies, in a file whose CRC is right (as a forger or a buggy writer would make it). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "no tensors key      | {\"meta\":{}}                                                    | 0       | has no tensors list",
    "not an object       | [1,2]                                                            | 0       | header is not a JSON object",
    "negative shape      | {\"tensors\":[{\"name\":\"w\",\"shape\":[-5],\"dtype\":\"f32\"}]}        | 0       | dimensions must be whole numbers",
    "overflowing shape   | {\"tensors\":[{\"name\":\"w\",\"shape\":[65536,65536,4],\"dtype\":\"f32\"}]} | 0       | more than 536870909 values",
    "fractional shape    | {\"tensors\":[{\"name\":\"w\",\"shape\":[2.5],\"dtype\":\"f32\"}]}        | 0       | dimensions must be whole numbers",
    "unknown dtype       | {\"tensors\":[{\"name\":\"w\",\"shape\":[2],\"dtype\":\"f64\"}]}          | 16      | not f32 or mask",
    "no name             | {\"tensors\":[{\"shape\":[2],\"dtype\":\"f32\"}]}                         | 8       | has no name",
    "a name twice        | {\"tensors\":[{\"name\":\"w\",\"shape\":[1],\"dtype\":\"f32\"},{\"name\":\"w\",\"shape\":[1],\"dtype\":\"f32\"}]} | 8 | names tensor",
    "shape beyond data   | {\"tensors\":[{\"name\":\"w\",\"shape\":[400000000],\"dtype\":\"f32\"}]}  | 1048576 | header declares 16000000",
    "data beyond shape   | {\"tensors\":[{\"name\":\"w\",\"shape\":[1],\"dtype\":\"f32\"}]}          | 8       | header declares",
  })
  void aForgedHeaderIsRejectedWithoutAllocatingWhatItDeclares(String name, String header, int dataBytes, String why,
      @TempDir Path dir) throws Exception {
    Path f = dir.resolve("t.prunus");
    Files.write(f, forge(header, new byte[dataBytes]));
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertThatThrownBy(() -> TensorFile.read(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a valid Prunus tensor file")
        .hasMessageContaining(why);
    // reading costs about the file's own size (the CRC pass streams it), never what the header declares
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(dataBytes + (8L << 20));
  }

  @Test
  void theBytesOfAForgedFileAreThoseOfARealOneSoTheForgerIsSound(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("t.prunus");
    TensorFile.write(f, null, Map.of("w", new Tensor(new long[] {2}, new float[] {1.5f, -2})), Map.of());
    byte[] real = Files.readAllBytes(f);
    java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putFloat(1.5f).putFloat(-2);
    assertThat(forge("{\"meta\":{},\"tensors\":[{\"name\":\"w\",\"shape\":[2],\"dtype\":\"f32\"}]}", data.array()))
        .isEqualTo(real);
  }

  /** Magic, header length, header, data, then the CRC-32 of all of it: a file the checksum accepts. */
  private static byte[] forge(String header, byte[] data) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    byte[] h = header.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.write(new byte[] {'P', 'R', 'U', 'N', 'U', 'S', 1, '\n'});
    out.writeInt(h.length);
    out.write(h);
    out.write(data);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    return bytes.toByteArray();
  }
}
