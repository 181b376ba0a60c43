package dev.prunus.run;

import dev.prunus.kernel.Convolution;
import dev.prunus.kernel.Cpu;
import dev.prunus.kernel.EngineGuard;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of Prunus and of what it runs on, for provenance and {@code --version}. */
public final class Versions {
  private Versions() {}

  public static String prunus() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/dev/prunus/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  public static Map<String, String> all() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("prunus", prunus());
    v.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
    v.put("djl", ai.djl.engine.Engine.getDjlVersion());
    v.put("engine", "PyTorch " + ai.djl.engine.Engine.getEngine("PyTorch").getVersion());
    v.put("cpu", Cpu.description());
    v.put("convolution", Convolution.algorithm().cliName()
        + (EngineGuard.current() == null ? " (engine check skipped)" : " (engine check passed)"));
    v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    return v;
  }
}
