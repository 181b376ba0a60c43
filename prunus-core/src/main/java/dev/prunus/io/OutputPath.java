package dev.prunus.io;

import dev.prunus.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any work is done, that an output a command was given can be written: a file where a
 * file is asked for, a directory where a directory is, and a writable directory to hold it (the nearest
 * part of the path that exists; the rest is created when written). Nothing is created. Each check throws
 * {@link InvalidInputException} naming the option, the path and the fix, so a command exits 2 before
 * spending minutes on what it could not have saved.
 */
public final class OutputPath {
  private OutputPath() {}

  /** {@code file}, given for {@code option}, can be written as a file. */
  public static void checkFile(String option, Path file) {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(option + " " + file + " is a directory: give the name of a file to write");
    }
    if (Files.exists(file) && !Files.isWritable(file)) {
      throw new InvalidInputException(option + " " + file + " exists and cannot be overwritten: choose another file");
    }
    checkWritableAncestor(option, file.toAbsolutePath().getParent(), file);
  }

  /** {@code dir}, given for {@code option}, can be used (or created) as a directory and written into. */
  public static void checkDirectory(String option, Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InvalidInputException(option + " " + dir + " is a file, not a directory: choose a new directory");
    }
    checkWritableAncestor(option, dir.toAbsolutePath(), dir);
  }

  /** The nearest existing part of {@code path} is a directory this process may write into. */
  private static void checkWritableAncestor(String option, Path path, Path given) {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      throw new InvalidInputException(option + " " + given + " cannot be written (" + existing
          + " is not a writable directory): choose a directory you can write to");
    }
  }
}
