package dev.prunus.prune;

/**
 * Receives one-line progress reports from a method whose plan takes a while (RGP's graph search), so a
 * command can show that it is working. Called on the planning thread.
 */
@FunctionalInterface
public interface PlanProgress {
  /** Ignores every report. */
  PlanProgress NONE = line -> {};

  /** One report, e.g. "rgp: ASPL search: 12.0 s of 30 s, 1,234,567 proposals, ...". */
  void report(String line);
}
