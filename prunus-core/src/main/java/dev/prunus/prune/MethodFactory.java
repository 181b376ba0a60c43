package dev.prunus.prune;

import java.util.List;

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
}
