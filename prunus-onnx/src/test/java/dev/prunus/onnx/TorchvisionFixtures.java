package dev.prunus.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prunus.data.Checksum;
import dev.prunus.data.DatasetRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * torchvision's classifiers as PyTorch 1.13 exports them, written by {@code bench/onnx_fixtures.py} into a
 * cache ({@code $PRUNUS_HOME/onnx-fixtures/<script's SHA-256>}, 700 MB, VGG-11 alone 530 MB), made on first
 * use by running the script with a Python that has torch, torchvision and onnx (Debian's python3-torch,
 * python3-torchvision, python3-onnx; {@code .ci/run} installs them). Where there is none, the tests that
 * need the fixtures are skipped with a message saying so.
 */
final class TorchvisionFixtures {
  /** One exported model. */
  record Fixture(String name, Path file, int opset, Integer batch, long parameters) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static List<Fixture> all;

  private TorchvisionFixtures() {}

  /** Every fixture; skips the calling test when they cannot be made here. */
  static synchronized List<Fixture> all() {
    if (all == null) {
      all = read(directory());
    }
    return all;
  }

  /** The fixture {@code name}; skips the calling test when the fixtures cannot be made here. */
  static Fixture get(String name) {
    return all().stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException(script() + " exports no model " + name));
  }

  static Path script() {
    return Path.of(System.getProperty("prunus.onnx.script", "../bench/onnx_fixtures.py")).toAbsolutePath().normalize();
  }

  /**
   * The Python with torch, torchvision and onnx, if any: $PRUNUS_PYTHON alone where it is set, else
   * /usr/bin/python3 (Debian's, where a python3 earlier on the PATH, a pyenv one, lacks Debian's packages),
   * then python3.
   */
  static Optional<String> python() {
    List<String> candidates = new ArrayList<>();
    String env = System.getenv("PRUNUS_PYTHON");
    if (env != null && !env.isBlank()) {
      candidates.add(env);
    } else {
      candidates.add("/usr/bin/python3");
      candidates.add("python3");
    }
    for (String c : candidates) {
      if (succeeds(List.of(c, "-c", "import torch, torchvision, onnx"), 120, ProcessBuilder.Redirect.DISCARD)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static Path directory() {
    Path script = script();
    String key;
    try {
      key = Checksum.sha256Hex(script).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + script, e);
    }
    Path dir = DatasetRepository.defaultHome().resolve("onnx-fixtures").resolve(key);
    if (Files.isRegularFile(dir.resolve("fixtures.json"))) {
      return dir;
    }
    Optional<String> python = python();
    Assumptions.assumeTrue(python.isPresent(), "no python3 with torch, torchvision and onnx (Debian: apt-get install "
        + "python3-torch python3-torchvision python3-onnx): the torchvision ONNX fixtures cannot be made");
    Path tmp = null;
    try {
      Files.createDirectories(dir.getParent());
      tmp = Files.createTempDirectory(dir.getParent(), key + ".tmp");
      Path log = tmp.resolve("export.log");
      if (!succeeds(List.of(python.get(), script.toString(), "export", tmp.toString()), 1800,
          ProcessBuilder.Redirect.to(log.toFile()))) {
        throw new IllegalStateException(script + " failed to export the fixtures: " + Files.readString(log));
      }
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        tmp = null;
      } catch (IOException e) {
        if (!Files.isRegularFile(dir.resolve("fixtures.json"))) { // else another JVM made them first
          throw e;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the ONNX fixtures in " + dir + ": " + e.getMessage(), e);
    } finally {
      deleteTree(tmp);
    }
    return dir;
  }

  /** Removes a half-made fixture directory (700 MB) rather than leave it in the cache. */
  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("could not remove " + dir + ": " + e.getMessage());
    }
  }

  private static List<Fixture> read(Path dir) {
    try {
      List<Fixture> out = new ArrayList<>();
      for (JsonNode f : new ObjectMapper().readTree(dir.resolve("fixtures.json").toFile()).get("fixtures")) {
        out.add(new Fixture(f.get("name").asText(), dir.resolve(f.get("file").asText()), f.get("opset").asInt(),
            f.get("batch").isNull() ? null : f.get("batch").asInt(), f.get("parameters").asLong()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code command}, its output (both streams) to {@code output}; true when it exits 0 in time. */
  static boolean succeeds(List<String> command, int seconds, ProcessBuilder.Redirect output) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
