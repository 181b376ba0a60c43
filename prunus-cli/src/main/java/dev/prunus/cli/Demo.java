package dev.prunus.cli;

import dev.prunus.data.Dataset;
import dev.prunus.data.DatasetRef;
import dev.prunus.experiment.ExperimentFile;
import dev.prunus.experiment.ExperimentListener;
import dev.prunus.experiment.ExperimentRunner;
import dev.prunus.experiment.ExperimentSpec;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.report.ReportRuns;
import dev.prunus.report.RunRow;
import dev.prunus.report.RunTable;
import dev.prunus.report.html.HtmlReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The demo as a pipeline: the experiment file bundled with the command line ({@value #SPEC}, next to
 * this class: every method and the two baselines on LeNet-5 and Fashion-MNIST), run by the experiment
 * runner into one directory, then one table line per run and the HTML report ({@value #REPORT}) from
 * its results. Being an experiment, it shares one dense baseline and resumes after a kill; a method
 * joins the demo as one more entry of the file.
 */
final class Demo {
  static final String SPEC = "demo.yaml";
  static final String REPORT = "report.html";

  private Demo() {}

  /** The bundled experiment file's text. */
  static String specText() {
    try (InputStream in = Demo.class.getResourceAsStream(SPEC)) {
      if (in == null) {
        throw new IllegalStateException(SPEC + " is missing from the prunus jar: rebuild it with mvn package");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ExperimentSpec spec(MethodRegistry registry) {
    return ExperimentFile.parse(specText(), SPEC + " (bundled)", "demo", registry);
  }

  /** Runs the demo's grid into {@code out} (what finished before is kept) and returns what it did. */
  static ExperimentRunner.Summary runGrid(Path out, Function<DatasetRef, Dataset> data, ExperimentListener listener,
      List<String> command, PrintWriter o) {
    MethodRegistry registry = MethodRegistry.standard();
    ExperimentSpec spec = spec(registry);
    o.printf(Locale.ROOT, "prunus demo: %s on %s, a dense baseline and %d method entries, into %s%n",
        spec.models().get(0).cliName(), spec.datasets().get(0).cliName(), spec.methods().size(), out);
    return new ExperimentRunner(registry, data, listener, command).run(spec, specText(), out, 1);
  }

  /**
   * Prints the outcome and one table line per run, writes the report next to the results, and returns
   * the rows in grid order; throws when some run did not finish.
   */
  static List<RunRow> tableAndReport(ExperimentRunner.Summary s, PrintWriter o, PrintWriter err) {
    Path out = s.directory();
    o.println();
    ExperimentCommand.reportOutcomes(s, o, err);
    List<RunRow> rows = ReportRuns.read(List.of(out));
    o.println();
    o.print(RunTable.text(rows));
    o.println("density: kept parameters over the dense LeNet-5's; FLOPs: multiply-accumulates of the kept");
    o.println("weights per image; time: seconds of training and pruning. The experiment file: "
        + out.resolve(ExperimentRunner.SPEC_COPY));
    Path report = out.resolve(REPORT);
    HtmlReport.standard().write(report, rows, List.of(out.toString()));
    o.println("report: " + report);
    return rows;
  }
}
