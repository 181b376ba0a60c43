package dev.prunus.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The processor this JVM runs on, named as the operating system names it, for messages and provenance. */
public final class Cpu {
  private Cpu() {}

  /** E.g. "AMD EPYC 9B45 (x86_64, 2 cores)"; the model name comes from /proc/cpuinfo where there is one. */
  public static String description() {
    String model = null;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          model = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable: the architecture alone names the CPU
    }
    String arch = System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    return model == null ? arch : model + " (" + arch + ")";
  }
}
