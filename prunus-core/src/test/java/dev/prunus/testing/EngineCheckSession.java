package dev.prunus.testing;

import dev.prunus.kernel.EngineGuard;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs the engine check once per test JVM, before any test, as the command line does at start-up: every
 * test then runs its convolutions with the algorithm found right on this CPU, and a CPU on which none is
 * right fails the whole run at once with the check's message.
 */
public final class EngineCheckSession implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    EngineGuard.Selection s = EngineGuard.select(null);
    System.err.println("prunus tests: " + s.summary());
  }
}
