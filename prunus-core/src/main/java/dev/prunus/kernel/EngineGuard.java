package dev.prunus.kernel;

import ai.djl.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses, once per process, the convolution algorithm that {@link EngineCheck} finds right on this CPU,
 * and refuses to go on when none is. Asked for a given algorithm, it checks that one only; asked for
 * {@code null} (automatic), it tries {@link ConvolutionAlgorithm#PADDED}, then the slower
 * {@link ConvolutionAlgorithm#NATIVE}.
 */
public final class EngineGuard {
  private static Selection selected;

  private EngineGuard() {}

  /** The algorithm in use and the checks that chose it. */
  public record Selection(ConvolutionAlgorithm requested, ConvolutionAlgorithm algorithm, List<EngineCheck.Report> reports) {
    /** True when the automatic choice had to fall back from the fast algorithm. */
    public boolean fellBack() {
      return reports.size() > 1;
    }

    /** One line for a warning, e.g. why the check fell back to the slower algorithm. */
    public String summary() {
      EngineCheck.Report chosen = reports.get(reports.size() - 1);
      String line = String.format(Locale.ROOT, "engine check: %s convolutions agree with the direct convolution "
          + "(worst relative error %.2g, %.1f s)", algorithm.cliName(), chosen.worstError(), chosen.seconds());
      if (!fellBack()) {
        return line;
      }
      return line + "; " + reports.get(0).algorithm().cliName() + " failed on this CPU (" + Cpu.description() + "): "
          + reports.get(0).failures().get(0) + ". Training uses the slower " + algorithm.cliName() + " algorithm";
    }
  }

  /** Thrown when no algorithm computes right convolutions on this machine. */
  public static final class EngineCheckFailedException extends EngineException {
    private static final long serialVersionUID = 1L;

    EngineCheckFailedException(String message) {
      super(message);
    }
  }

  /**
   * Checks {@code requested} (or chooses, when null), puts the result in use and returns it; later calls
   * with the same request return the first answer without checking again.
   *
   * @throws EngineCheckFailedException if the requested algorithm, or every candidate, is wrong here
   */
  public static synchronized Selection select(ConvolutionAlgorithm requested) {
    if (selected != null && selected.requested() == requested) {
      Convolution.use(selected.algorithm());
      return selected;
    }
    selected = choose(requested, EngineCheck::run);
    return selected;
  }

  /** The choice for {@code requested}, with {@code check} standing for {@link EngineCheck#run}. */
  static Selection choose(ConvolutionAlgorithm requested, Function<ConvolutionAlgorithm, EngineCheck.Report> check) {
    List<ConvolutionAlgorithm> candidates = requested == null
        ? List.of(ConvolutionAlgorithm.PADDED, ConvolutionAlgorithm.NATIVE)
        : List.of(requested);
    List<EngineCheck.Report> reports = new ArrayList<>();
    for (ConvolutionAlgorithm a : candidates) {
      EngineCheck.Report r = check.apply(a);
      reports.add(r);
      if (r.passed()) {
        return new Selection(requested, a, List.copyOf(reports));
      }
    }
    throw new EngineCheckFailedException(failure(reports, requested));
  }

  /** Puts {@code algorithm} in use without a check (the user's {@code --skip-engine-check}). */
  public static synchronized void skip(ConvolutionAlgorithm algorithm) {
    selected = null;
    Convolution.use(algorithm);
  }

  /** The selection in force in this process, or null when no check has run or the last one was skipped. */
  public static synchronized Selection current() {
    return selected;
  }

  private static String failure(List<EngineCheck.Report> reports, ConvolutionAlgorithm requested) {
    String found = reports.stream()
        .map(r -> r.algorithm().cliName() + ": " + r.failures().stream().limit(3).map(Object::toString)
            .collect(Collectors.joining("; ")))
        .collect(Collectors.joining(" | "));
    String fix = requested != null && requested != ConvolutionAlgorithm.NATIVE
        ? "run with --conv-algorithm native (libtorch's own convolution with oneDNN off: right where oneDNN is "
            + "not, about 5x slower) or leave --conv-algorithm out to let the check choose"
        : "no algorithm Prunus knows is right on this CPU: run on another machine, or report the findings above";
    return "libtorch's convolutions are wrong on this CPU (" + Cpu.description() + "), so Prunus will not train "
        + "or measure here: " + found + ". Fix: " + fix
        + "; --skip-engine-check runs anyway, with numbers that may be wrong";
  }
}
