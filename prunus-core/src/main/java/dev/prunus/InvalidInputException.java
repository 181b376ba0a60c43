package dev.prunus;

/**
 * Bad usage or bad input: an unknown name, a value out of range, a corrupt file, an unusable directory.
 *
 * <p>The message says what was wrong (naming the value), the rule it broke, and how to fix it, e.g.
 * {@code "sparsity=1.3 must be in [0, 1): pass a fraction such as 0.9"}. The command line maps this
 * exception to exit code 2; every other failure exits 1.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
