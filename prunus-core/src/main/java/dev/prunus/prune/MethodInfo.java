package dev.prunus.prune;

import java.util.List;

/**
 * What a method is, declared once per method and shared by its factory and its instances: its id on the
 * command line, a one-line description with the citation, its granularity, the schedule it is designed
 * for, and the options it accepts.
 */
public record MethodInfo(
    String id, String description, Granularity granularity, ScheduleKind defaultSchedule, List<MethodOption> options) {
  public MethodInfo {
    options = List.copyOf(options);
  }
}
