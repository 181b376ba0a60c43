package dev.prunus.prune;

import dev.prunus.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every pruning method by id. An unknown id is rejected with the list of valid ones. */
public final class MethodRegistry {
  private final Map<String, MethodFactory> factories = new LinkedHashMap<>();

  public MethodRegistry(List<MethodFactory> factories) {
    for (MethodFactory f : factories) {
      if (this.factories.put(f.id(), f) != null) {
        throw new IllegalArgumentException("two methods named " + f.id());
      }
    }
  }

  /** The methods that ship with Prunus. */
  public static MethodRegistry standard() {
    return new MethodRegistry(StandardMethods.all());
  }

  public List<MethodFactory> all() {
    return Collections.unmodifiableList(new ArrayList<>(factories.values()));
  }

  public MethodFactory factory(String id) {
    MethodFactory f = factories.get(id);
    if (f == null) {
      throw new InvalidInputException("unknown method '" + id + "': valid methods are " + String.join(", ", factories.keySet()));
    }
    return f;
  }

  /** A method instance with {@code options} validated against its declaration. */
  public PruningMethod create(String id, Map<String, String> options) {
    MethodFactory f = factory(id);
    return f.create(new MethodOptions(id, f.options(), options));
  }

  /** The density that method {@code id}'s {@code options} fix by themselves, if any (see {@link MethodFactory}). */
  public java.util.OptionalDouble impliedDensity(String id, Map<String, String> options) {
    MethodFactory f = factory(id);
    return f.impliedDensity(new MethodOptions(id, f.options(), options));
  }
}
