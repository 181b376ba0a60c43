package dev.prunus.cli;

import dev.prunus.InvalidInputException;
import dev.prunus.run.Provenance;
import dev.prunus.run.RunDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options given beside {@code --resume}, checked against the run being resumed: a resumed run goes
 * on with the configuration stored in its provenance.json, so an option that says otherwise ({@code
 * train --resume --model vgg16} on a lenet5 run) would be silently ignored. Each option given is compared
 * with its value in the command line that started the run (parsed again by the same command); one that
 * differs, or any option at all when the run was started by another command (an experiment), is refused
 * with exit 2, naming the option, both values and the fix. Repeating the original options is accepted;
 * an option the original command left out is compared with its default, and refused if it has none
 * (its effect then depended on other options, e.g. {@code --lr} on the optimiser).
 */
final class ResumeOptions {
  /** What {@code --resume} itself needs, and how (not what) to run: these are never a conflict. */
  private static final Set<String> OWN = Set.of("--resume", "--out", EngineOptions.ALGORITHM, EngineOptions.SKIP);

  private ResumeOptions() {}

  /**
   * @param spec the command as parsed now (train or prune), with {@code --resume}
   * @param run the run to resume, already checked to be resumable by that command
   * @param methodArgs the method options given now ({@code prune}'s unmatched {@code --NAME VALUE}), or empty
   */
  static void check(CommandSpec spec, RunDirectory run, List<String> methodArgs) {
    ParseResult now = spec.commandLine().getParseResult();
    List<OptionSpec> given = now.matchedOptions().stream().filter(o -> !OWN.contains(o.longestName())).toList();
    if (given.isEmpty() && methodArgs.isEmpty()) {
      return;
    }
    Provenance stored = Provenance.read(run.provenance());
    CommandSpec then = storedCommand(spec.name(), stored.command());
    List<String> conflicts = new ArrayList<>();
    for (OptionSpec o : given) {
      Object before = then == null ? null : then.findOption(o.longestName()).getValue();
      if (then == null || !same(o.getValue(), before)) {
        conflicts.add(o.longestName() + " " + show(o.getValue()) + (then == null ? ""
            : before == null ? " (not given when the run started)" : " (the run has " + show(before) + ")"));
      }
    }
    if (!methodArgs.isEmpty()) {
      Map<String, String> nowMethod = PruneCommand.parseMethodOptions(methodArgs);
      Map<String, String> thenMethod = then == null ? Map.of()
          : PruneCommand.parseMethodOptions(((PruneCommand) then.userObject()).methodArgs);
      nowMethod.forEach((name, value) -> {
        if (then == null || !value.equals(thenMethod.get(name))) {
          conflicts.add("--" + name + " " + value + (then == null ? "" : " (the run has "
              + (thenMethod.containsKey(name) ? thenMethod.get(name) : "no --" + name) + ")"));
        }
      });
    }
    if (!conflicts.isEmpty()) {
      String why = then == null
          ? "it was started by `" + String.join(" ", stored.command().subList(0, Math.min(2, stored.command().size())))
              + " ...`, so no option can be compared with it"
          : "these options disagree with the run as it was started";
      throw new InvalidInputException("--resume continues the run in " + run.path() + " with the configuration "
          + "stored in its " + RunDirectory.PROVENANCE + "; " + why + ": " + String.join(", ", conflicts)
          + ". Drop them to resume, or start a new run in another --out");
    }
  }

  /** The command {@code name} as the stored command line {@code prunus NAME ARGS...} set it, or null if it is not one. */
  private static CommandSpec storedCommand(String name, List<String> command) {
    if (command == null || command.size() < 2 || !"prunus".equals(command.get(0)) || !name.equals(command.get(1))) {
      return null;
    }
    try {
      ParseResult r = new CommandLine(new PrunusCommand()).parseArgs(command.subList(1, command.size()).toArray(String[]::new));
      return r.subcommand() == null ? null : r.subcommand().commandSpec();
    } catch (CommandLine.ParameterException e) {
      return null; // made by a version with other options: nothing to compare with
    }
  }

  private static boolean same(Object now, Object before) {
    if (now instanceof Path a && before instanceof Path b) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
    return Objects.equals(now, before);
  }

  private static String show(Object value) {
    return value instanceof List<?> l && l.isEmpty() ? "none" : String.valueOf(value);
  }
}
