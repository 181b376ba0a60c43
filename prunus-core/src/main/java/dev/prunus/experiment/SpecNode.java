package dev.prunus.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.prunus.FiniteNumber;
import dev.prunus.InvalidInputException;
import dev.prunus.ParameterStyle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A node of a YAML file that knows where it stands: every error it raises starts with
 * {@code FILE:LINE:} and the node's path, so a user goes straight to the bad line. Typed getters reject
 * a value of the wrong kind or out of range with a message that names the value, the rule and a fix.
 */
final class SpecNode {
  private static final YAMLMapper MAPPER = YAMLMapper.builder(new YAMLFactory())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private final String file;
  private final Map<String, Integer> lines;
  private final String pointer;
  private final JsonNode node;

  private SpecNode(String file, Map<String, Integer> lines, String pointer, JsonNode node) {
    this.file = file;
    this.lines = lines;
    this.pointer = pointer;
    this.node = node;
  }

  /** Parses YAML text; {@code file} names it in messages. A syntax error reports its line. */
  static SpecNode parse(String text, String file) {
    Map<String, Integer> lines = new HashMap<>();
    JsonNode root;
    try {
      try (JsonParser p = MAPPER.getFactory().createParser(text)) {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
            continue;
          }
          JsonStreamContext ctx = p.getParsingContext();
          if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            ctx = ctx.getParent(); // where the container stands in its parent
          }
          if (ctx != null) {
            lines.putIfAbsent(ctx.pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
          }
        }
      }
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String line = at == null ? "" : at.getLineNr() + ":";
      throw new InvalidInputException(file + ":" + line + " not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot be read: " + e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new InvalidInputException(file + ": the file is empty: see experiments/ for examples");
    }
    return new SpecNode(file, lines, "", root);
  }

  /** The line this node (or, when it has none recorded, its nearest parent) stands on; 0 when unknown. */
  int line() {
    String p = pointer;
    while (true) {
      Integer l = lines.get(p);
      if (l != null) {
        return l;
      }
      if (p.isEmpty()) {
        return 0;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Where this node is, for messages: {@code training.epochs}, {@code methods[2].id}. */
  String path() {
    if (pointer.isEmpty()) {
      return "the top level";
    }
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.substring(1).split("/", -1)) {
      if (part.matches("\\d+")) {
        sb.append('[').append(part).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }

  /** An error at this node: {@code FILE:LINE: message}. */
  InvalidInputException fail(String message) {
    int l = line();
    return new InvalidInputException(file + ":" + (l > 0 ? l + ":" : "") + " " + message);
  }

  /**
   * Re-raises a validation error from elsewhere (a constructor, a registry) with this node's line, its
   * parameters named as the file's keys ({@code min-layer-density}, not {@code minLayerDensity}).
   */
  InvalidInputException fail(InvalidInputException e) {
    return fail(path() + ": " + e.message(ParameterStyle.KEY));
  }

  JsonNode raw() {
    return node;
  }

  boolean isObject() {
    return node.isObject();
  }

  /** Rejects keys outside {@code allowed}, naming the valid ones. */
  SpecNode requireKeys(Set<String> allowed) {
    if (!node.isObject()) {
      throw fail(path() + " must be a mapping of keys to values, with keys from: " + String.join(", ", allowed));
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw child(k).fail("unknown key '" + k + "' in " + path() + ": valid keys are " + String.join(", ", allowed));
      }
    }
    return this;
  }

  Optional<SpecNode> get(String key) {
    JsonNode c = node.get(key);
    return c == null || c.isNull() ? Optional.empty() : Optional.of(child(key));
  }

  SpecNode require(String key) {
    return get(key).orElseThrow(() -> fail(path() + " needs the key '" + key + "'"));
  }

  private SpecNode child(String key) {
    JsonNode c = node.get(key);
    String escaped = key.replace("~", "~0").replace("/", "~1");
    return new SpecNode(file, lines, pointer + "/" + escaped, c == null ? MissingNode.getInstance() : c);
  }

  /** The items of a list; a single value counts as a list of one. Empty lists are rejected. */
  List<SpecNode> items() {
    List<SpecNode> out = new ArrayList<>();
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(new SpecNode(file, lines, pointer + "/" + i, node.get(i)));
      }
    } else {
      out.add(this);
    }
    if (out.isEmpty()) {
      throw fail(path() + " is an empty list: give at least one value");
    }
    return out;
  }

  String text() {
    if (!node.isValueNode() || node.isNull()) {
      throw fail(path() + " must be a single value, not " + kind());
    }
    return node.asText();
  }

  long whole(long min, long max) {
    String t = text();
    long v;
    try {
      v = node.isIntegralNumber() ? node.asLong() : Long.parseLong(t.trim());
    } catch (NumberFormatException e) {
      throw fail(path() + "=" + t + " must be a whole number in [" + min + ", " + max + "]");
    }
    if (v < min || v > max) {
      throw fail(path() + "=" + t + " must be in [" + min + ", " + max + "]");
    }
    return v;
  }

  /** A number for which {@code ok} holds; {@code rule} says the range, e.g. "must be in (0, 1]". */
  double number(java.util.function.DoublePredicate ok, String rule) {
    String t = text();
    double v;
    try {
      v = node.isNumber() ? FiniteNumber.check(path(), node.asDouble()) : FiniteNumber.parse(path(), t);
    } catch (InvalidInputException e) {
      throw fail(path() + "=" + t + " is not a finite number: it " + rule);
    }
    if (!ok.test(v)) {
      throw fail(path() + "=" + t + " " + rule);
    }
    return v;
  }

  boolean bool() {
    String t = text();
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (t.equals("true") || t.equals("false")) {
      return Boolean.parseBoolean(t);
    }
    throw fail(path() + "=" + t + " must be true or false");
  }

  /** One of {@code choices}, exactly. */
  String choice(List<String> choices) {
    String t = text();
    if (!choices.contains(t)) {
      throw fail(path() + "='" + t + "' is not valid: choose one of " + String.join(", ", choices));
    }
    return t;
  }

  private String kind() {
    return node.isArray() ? "a list" : node.isObject() ? "a mapping" : "empty";
  }
}
