package dev.prunus.onnx;

import dev.prunus.model.Architecture;
import java.util.HashSet;
import java.util.Set;

/**
 * Names the nodes of an imported graph. A layer with parameters is named after its weight's initializer,
 * less the last dotted part ({@code features.0.0.weight} gives {@code features.0.0}), so that its
 * parameters, {@code <node>.weight} and so on, are PyTorch's state_dict names. Other nodes keep their ONNX
 * name made readable: PyTorch's scope path {@code /features/features.0/features.0.2/Clip} becomes
 * {@code features.0.2.Clip} (a scope whose next part repeats it is dropped), and characters other than
 * letters, digits, {@code _ . -} become {@code _}. Names are unique: a taken one gets {@code _2},
 * {@code _3}...; names other nodes will take for their parameters are never given to a node without any.
 */
final class OnnxNames {
  private final Set<String> used = new HashSet<>();
  private final Set<String> reserved;

  /** @param parameterNames every name a layer's weight may be read from (their prefixes are reserved) */
  OnnxNames(Iterable<String> parameterNames) {
    reserved = new HashSet<>();
    for (String p : parameterNames) {
      reserved.add(prefix(p));
    }
    used.add(Architecture.INPUT);
  }

  /** The name of a layer whose weight is the initializer {@code weight}. */
  String forParameters(String weight) {
    return unique(prefix(weight), false);
  }

  /** The name of a node without parameters, from its ONNX name. */
  String forOperation(String onnxName) {
    return unique(readable(onnxName), true);
  }

  /** A further node made from one ONNX node (an explicit pad before a convolution, a flatten after a mean). */
  String derived(String base, String what) {
    return unique(base + "." + what, true);
  }

  private String unique(String base, boolean avoidReserved) {
    String name = base;
    for (int i = 2; used.contains(name) || avoidReserved && reserved.contains(name); i++) {
      name = base + "_" + i;
    }
    used.add(name);
    return name;
  }

  /** {@code a.b.weight} -> {@code a.b}; a name without a dot stays whole. */
  static String prefix(String parameter) {
    int dot = parameter.lastIndexOf('.');
    return sanitize(dot > 0 ? parameter.substring(0, dot) : parameter);
  }

  static String readable(String onnxName) {
    String[] parts = onnxName.split("/");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      boolean repeated = i + 1 < parts.length && parts[i + 1].startsWith(p + ".");
      if (!p.isEmpty() && !repeated) {
        b.append(b.length() == 0 ? "" : ".").append(p);
      }
    }
    String s = sanitize(b.toString());
    return s.isEmpty() || s.equals(Architecture.INPUT) ? "node" : s;
  }

  static String sanitize(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      b.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.' || c == '-' ? c : '_');
    }
    return b.toString();
  }
}
