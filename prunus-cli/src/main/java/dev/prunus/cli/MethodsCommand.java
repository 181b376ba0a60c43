package dev.prunus.cli;

import dev.prunus.prune.MethodFactory;
import dev.prunus.prune.MethodOption;
import dev.prunus.prune.MethodRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prunus methods}: every pruning method with its options and defaults. */
@Command(name = "methods", mixinStandardHelpOptions = true, description = "List the pruning methods with their options and defaults.")
final class MethodsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (MethodFactory f : MethodRegistry.standard().all()) {
      out.printf("%s  (%s, %s)%n  %s%n", f.id(), f.granularity().name().toLowerCase(java.util.Locale.ROOT),
          f.defaultSchedule().cliName(), f.description());
      for (MethodOption o : f.options()) {
        String choices = o.choices().isEmpty() ? "" : " {" + String.join("|", o.choices()) + "}";
        out.printf("    --%-20s %s%s (default: %s)%n", o.name(), o.description(), choices,
            o.defaultValue().isEmpty() ? "none" : o.defaultValue());
      }
      out.println();
    }
    return PrunusCommand.OK;
  }
}
