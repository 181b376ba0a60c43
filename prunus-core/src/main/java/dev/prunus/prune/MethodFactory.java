package dev.prunus.prune;

import java.util.List;
import java.util.OptionalDouble;

/** Describes a method ({@link #info()}) and makes instances of it from validated options. */
public interface MethodFactory {
  MethodInfo info();

  PruningMethod create(MethodOptions options);

  default String id() {
    return info().id();
  }

  /** One line: what it does and the citation. */
  default String description() {
    return info().description();
  }

  default Granularity granularity() {
    return info().granularity();
  }

  default ScheduleKind defaultSchedule() {
    return info().defaultSchedule();
  }

  default List<MethodOption> options() {
    return info().options();
  }

  /**
   * The density these options fix by themselves (RGP's {@code --degree} over {@code --nodes}), so that no
   * {@code --density} is needed; empty for methods that prune to a requested density.
   */
  default OptionalDouble impliedDensity(MethodOptions options) {
    return OptionalDouble.empty();
  }
}
