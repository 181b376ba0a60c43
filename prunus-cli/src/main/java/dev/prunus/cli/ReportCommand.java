package dev.prunus.cli;

import dev.prunus.io.OutputPath;
import dev.prunus.report.ReportRuns;
import dev.prunus.report.RunRow;
import dev.prunus.report.html.HtmlReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prunus report}: one self-contained HTML report over experiment and run directories. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write one self-contained HTML report (charts embedded) over experiment",
        "directories (results.json) and run directories (metrics.json): accuracy against",
        "density (mean +- std over seeds), compression against theoretical speed-up,",
        "density per layer, accuracy after each round of iterative runs, method-specific",
        "measures, and every run's provenance. --charts DIR also writes each chart as PNG."})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Experiment or run directories.")
  List<Path> dirs;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The HTML file to write.")
  Path out;

  @Option(names = "--charts", paramLabel = "DIR",
      description = "Also write each chart as a PNG file into DIR (NN-title.png, in report order).")
  Path charts;

  @Override
  public Integer call() {
    OutputPath.checkFile("--out", out);
    if (charts != null) {
      OutputPath.checkDirectory("--charts", charts);
    }
    List<RunRow> rows = ReportRuns.read(dirs);
    HtmlReport.Rendered r = HtmlReport.standard().write(out, rows, dirs.stream().map(Path::toString).toList());
    spec.commandLine().getOut().printf("report on %d runs: %s%n", rows.size(), out);
    if (charts != null) {
      List<Path> files = HtmlReport.writeCharts(charts, r.figures());
      spec.commandLine().getOut().printf("%d charts in %s%n", files.size(), charts);
    }
    return PrunusCommand.OK;
  }
}
