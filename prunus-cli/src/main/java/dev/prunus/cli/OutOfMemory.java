package dev.prunus.cli;

import dev.prunus.HeapBudget;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * What to say when a command runs out of Java heap despite the checks made up front (an ASPL chain that
 * grew long, a model just below the estimate): which of its options set the size of what it holds, with
 * the values given, and how to give Java more heap; never the raw {@link OutOfMemoryError}.
 */
final class OutOfMemory {
  /** The options, in any command, that set how much a command holds in memory. */
  private static final Set<String> SIZE_OPTIONS = Set.of("--width", "--vgg-head", "--batch-size", "--nodes", "--degree",
      "--size", "--neurons", "--inputs", "--outputs", "--jobs");

  private OutOfMemory() {}

  static String message(ParseResult parsed) {
    ParseResult command = parsed;
    while (command != null && command.subcommand() != null) {
      command = command.subcommand();
    }
    String name = command == null ? "prunus" : command.commandSpec().qualifiedName();
    String lower = "";
    if (command != null) {
      List<OptionSpec> sizing = command.commandSpec().options().stream()
          .filter(o -> SIZE_OPTIONS.contains(o.longestName())).toList();
      ParseResult c = command;
      List<OptionSpec> given = sizing.stream().filter(c::hasMatchedOption).toList();
      List<OptionSpec> named = given.isEmpty() ? sizing : given;
      if (!named.isEmpty()) {
        lower = "lower " + named.stream().map(o -> o.longestName() + " (" + o.getValue() + ")")
            .collect(Collectors.joining(" or ")) + ", or ";
      }
    }
    return "out of memory: `" + name + "` needs more than the " + HeapBudget.size(Runtime.getRuntime().maxMemory())
        + " of Java heap this JVM may use: " + lower + "give Java more heap (PRUNUS_JAVA_OPTS=-Xmx16g, or more)";
  }
}
