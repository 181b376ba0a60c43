package dev.prunus.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a package client ({@code apt-get}, {@code npm}) in a working folder with a time limit,
 * without standard input, and turns every failure into an {@link IOException} with one line that
 * says what happened: not installed, timed out, or the exit code with the last line of output.
 */
final class ExternalCommand {

  private ExternalCommand() {}

  /**
   * Runs {@code command} in {@code workDir} and returns its output (stdout and stderr together).
   *
   * @throws IOException if the program cannot be started, runs past {@code timeout} (it is then
   *     killed) or exits with a non-zero code
   */
  static String run(Path workDir, Duration timeout, List<String> command) throws IOException {
    String shown = String.join(" ", command);
    Path output = Files.createTempFile(workDir, ".command-", ".log");
    try {
      Process process;
      try {
        process = new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
      } catch (IOException e) {
        throw new IOException(
            "cannot run '" + shown + "': " + command.get(0) + " is not installed or not on the"
                + " PATH (" + Failures.reason(e) + ")", e);
      }
      process.getOutputStream().close();
      boolean finished;
      try {
        finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("'" + shown + "' was interrupted");
      }
      if (!finished) {
        process.destroyForcibly();
        throw new IOException(
            "'" + shown + "' timed out after " + readable(timeout) + " and was stopped");
      }
      String text = Files.readString(output, Charset.defaultCharset());
      if (process.exitValue() != 0) {
        throw new IOException(
            "'" + shown + "' exited with code " + process.exitValue() + ": " + lastLine(text));
      }
      return text;
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static String readable(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\\R");
    String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
    return last.isEmpty() ? "(no output)" : last;
  }
}
