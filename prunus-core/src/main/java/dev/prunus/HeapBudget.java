package dev.prunus;

import java.util.Locale;

/**
 * Checks up front that what a command is about to hold in memory fits the Java heap it may use
 * ({@code -Xmx}; the launcher's {@code PRUNUS_JAVA_OPTS}), so a size given by mistake ({@code --nodes
 * 2000000000}, {@code --width 8} on VGG-16) is refused with exit 2 naming the option, instead of ending
 * in an {@link OutOfMemoryError} minutes later. The estimates are each caller's; this class holds the
 * rule and the message.
 */
public final class HeapBudget {
  private HeapBudget() {}

  /**
   * @param bytes what the work will hold at its peak, estimated
   * @param what what needs it, naming the option and value, e.g. "--nodes 1000000 (a bit matrix of ...)"
   * @param fix the option to change, e.g. "lower --nodes"
   * @throws InvalidInputException if {@code bytes} exceed the heap this JVM may grow to
   */
  public static void check(long bytes, String what, String fix) {
    long max = Runtime.getRuntime().maxMemory();
    if (bytes > max) {
      throw new InvalidInputException(what + " needs about " + size(bytes) + " of Java heap, more than the "
          + size(max) + " this JVM may use: " + fix + ", or give Java more heap (e.g. PRUNUS_JAVA_OPTS=-Xmx"
          + Math.max(1, (long) Math.ceil(bytes * 1.25 / (1L << 30))) + "g)");
    }
  }

  /** {@code bytes} for people: 1.5 GB, 320 MB. */
  public static String size(long bytes) {
    return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%d MB", Math.max(1, bytes >> 20));
  }
}
