package dev.prunus.onnx;

import dev.prunus.kernel.EngineGuard;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** The engine check once per test JVM, before any test, as the command line runs it at start-up. */
public final class EngineCheckSession implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    System.err.println("prunus-onnx tests: " + EngineGuard.select(null).summary());
  }
}
