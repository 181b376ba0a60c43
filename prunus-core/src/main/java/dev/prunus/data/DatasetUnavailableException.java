package dev.prunus.data;

/**
 * No source could deliver a dataset: the cache is empty and every download or package source
 * failed. This is a runtime failure (exit code 1), not bad input.
 *
 * <p>The message lists each source tried with its one-line reason, and says which files to put by
 * hand into which folder.
 */
public class DatasetUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatasetUnavailableException(String message) {
    super(message);
  }

  public DatasetUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
