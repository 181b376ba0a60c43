package dev.prunus.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Prints progress lines from a long computation (RGP's ASPL search) without flooding the output: the first
 * line, then at most one every {@value #EVERY_SECONDS} seconds.
 */
final class ProgressLines {
  static final int EVERY_SECONDS = 5;

  private final PrintWriter out;
  private final LongSupplier nanoTime;
  private long next = Long.MIN_VALUE;

  ProgressLines(PrintWriter out) {
    this(out, System::nanoTime);
  }

  ProgressLines(PrintWriter out, LongSupplier nanoTime) {
    this.out = out;
    this.nanoTime = nanoTime;
  }

  void print(String line) {
    long now = nanoTime.getAsLong();
    if (next == Long.MIN_VALUE || now - next >= 0) {
      out.println(line);
      out.flush();
      next = now + EVERY_SECONDS * 1_000_000_000L;
    }
  }
}
