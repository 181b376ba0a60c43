package dev.prunus.data;

import dev.prunus.InvalidInputException;
import java.nio.file.Path;

/**
 * A dataset file is corrupt or truncated: a wrong magic number, size, count or checksum, an
 * unreadable archive, or an archive entry that would land outside its folder. Bad input, so exit
 * code 2.
 *
 * <p>The message names the file, what was expected and what was found, and how to fix it.
 */
public class CorruptDatasetException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** How to fix a corrupt file, appended to every message made by {@link #of}. */
  static final String FIX =
      "delete the file and load again so Prunus fetches a fresh copy, or replace it with an intact"
          + " one";

  public CorruptDatasetException(String message) {
    super(message);
  }

  public CorruptDatasetException(String message, Throwable cause) {
    super(message, cause);
  }

  /** "corrupt dataset file F: expected E, found G; delete the file ..." */
  static CorruptDatasetException of(Path file, String expected, String found) {
    return new CorruptDatasetException(message(file, expected, found));
  }

  /** As {@link #of(Path, String, String)}, keeping the low-level cause. */
  static CorruptDatasetException of(Path file, String expected, String found, Throwable cause) {
    return new CorruptDatasetException(message(file, expected, found), cause);
  }

  private static String message(Path file, String expected, String found) {
    return "corrupt dataset file " + file + ": expected " + expected + ", found " + found + "; "
        + FIX;
  }
}
