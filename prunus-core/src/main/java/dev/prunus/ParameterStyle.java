package dev.prunus;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a message names the parameter it is about, for whoever reads it: a Java caller, a command-line user
 * or the author of an experiment file. The library writes a parameter as a token, e.g.
 * {@code "{{minLayerDensity}}"} or {@code "{{alphaFc=5.0}}"}, and never a command-line flag;
 * {@link InvalidInputException#getMessage()} renders the tokens the {@link #JAVA} way, the command line
 * {@link #FLAG}s, an experiment file {@link #KEY}s:
 *
 * <table>
 *   <caption>one token, three renderings</caption>
 *   <tr><th>token</th><th>JAVA</th><th>FLAG</th><th>KEY</th></tr>
 *   <tr><td>{@code {{minLayerDensity}}}</td><td>{@code minLayerDensity}</td><td>{@code --min-layer-density}</td>
 *       <td>{@code min-layer-density}</td></tr>
 *   <tr><td>{@code {{alphaFc=5.0}}}</td><td>{@code alphaFc=5.0}</td><td>{@code --alpha-fc 5.0}</td>
 *       <td>{@code alpha-fc=5.0}</td></tr>
 *   <tr><td>{@code {{learningRate|lr=0.0}}}</td><td>{@code learningRate=0.0}</td><td>{@code --lr 0.0}</td>
 *       <td>{@code lr=0.0}</td></tr>
 * </table>
 *
 * <p>The name is the Java parameter's (camelCase); the flag and the key are that name in kebab-case, or
 * the name after {@code |} where the command line calls it something else. A token with no Java name,
 * {@code {{|min-layer-density=2}}}, names a key of a string map of options (a method's), which a Java
 * caller writes as the command line does: {@code min-layer-density=2} for Java and keys, the flag for the
 * command line.
 */
public enum ParameterStyle {
  /** The Java parameter: {@code alphaFc}, {@code alphaFc=5.0}. */
  JAVA,
  /** The command-line flag: {@code --alpha-fc}, {@code --alpha-fc 5.0}. */
  FLAG,
  /** The key of an experiment file (and of a method option's map): {@code alpha-fc}, {@code alpha-fc=5.0}. */
  KEY;

  private static final Pattern TOKEN =
      Pattern.compile("\\{\\{([a-z][A-Za-z0-9]*)?(?:\\|([a-z][a-z0-9-]*))?(?:=(.*?))?}}", Pattern.DOTALL);

  /** {@code message} with every token rendered in this style; text outside tokens is left as it is. */
  public String render(String message) {
    if (message == null || !message.contains("{{")) {
      return message;
    }
    Matcher m = TOKEN.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(render(m.group(1), m.group(2), m.group(3))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String render(String javaName, String cliName, String value) {
    if (javaName == null && cliName == null) {
      return "{{" + (value == null ? "" : "=" + value) + "}}";
    }
    String cli = cliName != null ? cliName : kebab(javaName);
    String java = javaName != null ? javaName : cli;
    return switch (this) {
      case JAVA -> value == null ? java : java + "=" + value;
      case FLAG -> value == null ? "--" + cli : "--" + cli + " " + value;
      case KEY -> value == null ? cli : cli + "=" + value;
    };
  }

  /** The token naming parameter {@code javaName} with {@code value}: {@code {{javaName=value}}}. */
  public static String token(String javaName, Object value) {
    return "{{" + javaName + "=" + value + "}}";
  }

  /**
   * The token naming the option {@code key} of a string map (a method option, written in kebab-case as the
   * command line and experiment files write it, by Java callers too), with {@code value}, or without one
   * where it is null: {@code {{|key=value}}}. A key that is not kebab-case (a user's typing) is named as it
   * is, in every style.
   */
  public static String keyToken(String key, Object value) {
    if (!key.matches("[a-z][a-z0-9-]*")) {
      return value == null ? key : key + " " + value;
    }
    return "{{|" + key + (value == null ? "" : "=" + value) + "}}";
  }

  /** {@code minLayerDensity} as {@code min-layer-density}. */
  public static String kebab(String camel) {
    StringBuilder b = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        b.append('-').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
