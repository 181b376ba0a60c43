package dev.prunus.data;

import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/** One-line reasons for failures, for the lists of sources tried. */
final class Failures {

  private Failures() {}

  /**
   * The first message found along the exception's causes, on one line; an unresolvable host name
   * is said in words, since the JDK reports it without a message.
   */
  static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnresolvedAddressException) {
        return "host name not resolved (no network or no DNS?)";
      }
      if (t instanceof UnknownHostException) {
        return "host name " + t.getMessage() + " not resolved (no network or no DNS?)";
      }
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
      }
    }
    return e.getClass().getSimpleName();
  }
}
