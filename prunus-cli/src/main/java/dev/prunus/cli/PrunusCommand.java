package dev.prunus.cli;

import dev.prunus.FiniteNumber;
import dev.prunus.InvalidInputException;
import dev.prunus.ParameterStyle;
import dev.prunus.run.Versions;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code prunus} command. Exit codes are part of the contract: 0 success, 1 runtime failure, 2 bad
 * usage or bad input ({@link InvalidInputException} and picocli's parameter errors).
 */
@Command(
    name = "prunus",
    mixinStandardHelpOptions = true,
    versionProvider = PrunusCommand.Version.class,
    description = "Neural-network pruning on the JVM: train, prune, measure and compare.",
    subcommands = {
      TrainCommand.class,
      PruneCommand.class,
      SweepCommand.class,
      MethodsCommand.class,
      EvalCommand.class,
      InfoCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      ModelsCommand.class,
      DatasetsCommand.class,
      GraphCommand.class,
      BenchCommand.class,
      DemoCommand.class,
      ExperimentCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PrunusCommand implements Runnable {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "choose a command, e.g. `prunus train --help`");
  }

  /** Prints the version of Prunus and what it runs on. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"prunus " + Versions.prunus()};
    }
  }

  public static void main(String[] args) {
    EngineSettings.apply();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = execute(out, err, args);
    out.flush(); // print() does not auto-flush, and System.exit would drop what is buffered
    err.flush();
    System.exit(code);
  }

  /** A decimal option's value: a finite number ({@link FiniteNumber}); picocli names the option in its message. */
  private static Double finite(String text) {
    try {
      return FiniteNumber.parse("", text);
    } catch (InvalidInputException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a finite number: give a decimal "
          + "such as 0.01 or 1e-3 (NaN and infinities are refused)");
    }
  }

  /** Runs {@code args} with output to {@code out} and errors to {@code err}; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new PrunusCommand());
    cl.setOut(out);
    cl.setErr(err);
    // one rule for every decimal option of every subcommand: registered here, it covers them all
    cl.registerConverter(Double.class, PrunusCommand::finite);
    cl.registerConverter(Double.TYPE, PrunusCommand::finite);
    cl.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof InvalidInputException bad) {
        // the library names parameters the Java way; on the command line they are flags
        line.getErr().println("prunus: error: " + bad.message(ParameterStyle.FLAG));
        return USAGE;
      }
      line.getErr().println("prunus: failed: " + e.getMessage());
      if (System.getenv("PRUNUS_DEBUG") != null) {
        e.printStackTrace(line.getErr());
      } else {
        line.getErr().println("(set PRUNUS_DEBUG=1 for the stack trace)");
      }
      return FAILURE;
    });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      err.println("prunus: failed: " + OutOfMemory.message(cl.getParseResult()));
      return FAILURE;
    }
  }
}
