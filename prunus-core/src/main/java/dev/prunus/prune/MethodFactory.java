package dev.prunus.prune;

import java.util.List;

/** Describes a method and makes instances of it from validated options. */
public interface MethodFactory {
  String id();

  /** One line: what it does and the citation. */
  String description();

  Granularity granularity();

  ScheduleKind defaultSchedule();

  List<MethodOption> options();

  PruningMethod create(MethodOptions options);
}
