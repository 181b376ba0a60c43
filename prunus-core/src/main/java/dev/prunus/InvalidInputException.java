package dev.prunus;

/**
 * Bad usage or bad input: an unknown name, a value out of range, a corrupt file, an unusable directory.
 *
 * <p>The message says what was wrong (naming the value), the rule it broke, and how to fix it, e.g.
 * {@code "sparsity=1.3 must be in [0, 1): pass a fraction such as 0.9"}. A parameter is written as a token
 * ({@code "{{minLayerDensity=1.3}} must be in [0, 1]"}, see {@link ParameterStyle}): {@link #getMessage()}
 * names it as a Java caller knows it ({@code minLayerDensity=1.3}), and {@link #message(ParameterStyle)} as
 * the command line ({@code --min-layer-density 1.3}) or an experiment file ({@code min-layer-density=1.3})
 * does. The command line maps this exception to exit code 2; every other failure exits 1.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The message as written, its parameter tokens not yet rendered. */
  private final String template;

  public InvalidInputException(String message) {
    super(ParameterStyle.JAVA.render(message));
    this.template = message;
  }

  public InvalidInputException(String message, Throwable cause) {
    super(ParameterStyle.JAVA.render(message), cause);
    this.template = message;
  }

  /** The message with its parameters named in {@code style}; {@link #getMessage()} is the {@code JAVA} one. */
  public String message(ParameterStyle style) {
    return style.render(template);
  }

  /** This error with {@code context} before its message, e.g. {@code "node conv1 of lenet5: "}, tokens kept. */
  public InvalidInputException prefixed(String context) {
    return new InvalidInputException(context + template, this);
  }
}
