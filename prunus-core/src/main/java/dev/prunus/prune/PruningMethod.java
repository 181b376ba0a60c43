package dev.prunus.prune;

import dev.prunus.model.Architecture;
import dev.prunus.model.Model;

/**
 * A pruning method decides what to remove and never changes the model: {@link #plan} returns a
 * {@link PruningPlan}, which the shared appliers carry out ({@link MaskApplier}, and compaction for unit
 * removals). Instances are made by {@link MethodRegistry} from validated options.
 */
public interface PruningMethod {
  /** What the method is (shared with its factory). */
  MethodInfo info();

  /** The id used on the command line, e.g. {@code magnitude}. */
  default String id() {
    return info().id();
  }

  default Granularity granularity() {
    return info().granularity();
  }

  /** The schedule this method is designed for. */
  default ScheduleKind defaultSchedule() {
    return info().defaultSchedule();
  }

  /**
   * Checks, before a run writes anything, that this method with its options can prune {@code arch}.
   *
   * @throws dev.prunus.InvalidInputException naming what does not fit and what would
   */
  default void check(Architecture arch) {}

  /**
   * Checks, before a run writes anything, that this method can prune {@code arch} to {@code target} (a
   * density too low for a layer budget, say); by default only {@link #check(Architecture)}.
   *
   * @throws dev.prunus.InvalidInputException naming what does not fit and what would
   */
  default void check(Architecture arch, PruningTarget target) {
    check(arch);
  }

  /**
   * Whether the plan reaches the density it is given ({@code context.target()}): true for most methods,
   * whose density is an input. A method whose own criterion decides how much goes (NNrelief's alphas)
   * returns false: its density is an outcome, and an iterative schedule runs it for a number of
   * iterations instead of towards a density, with the same seed (so the same data sample) every iteration.
   */
  default boolean reachesTargetDensity() {
    return true;
  }

  /**
   * Decides what to remove from {@code model} (whose masks are the current ones) to reach
   * {@code context.target()}. Must be deterministic given the model and {@code context.seed()}.
   *
   * @throws dev.prunus.InvalidInputException if the model is not supported, naming what is
   */
  PruningPlan plan(Model model, PruningContext context);
}
