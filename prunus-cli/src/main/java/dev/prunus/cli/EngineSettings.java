package dev.prunus.cli;

/**
 * Engine settings applied before DJL loads: never download anything (the natives come from the Maven
 * jars), and the thread counts measured best for small models on 2 cores. A value already given with
 * {@code -D} wins.
 */
final class EngineSettings {
  private EngineSettings() {}

  static void apply() {
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    // on a machine without a GPU, DJL warns that it found none: that is the normal case here
    setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
