package dev.prunus.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prunus.InvalidInputException;
import dev.prunus.experiment.ResultRows;
import dev.prunus.experiment.ResultsFiles;
import dev.prunus.run.Json;
import dev.prunus.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs a report shows, read from directories: an experiment directory gives the rows of its
 * results.json; a finished run directory (metrics.json and provenance.json) gives one row, labelled by
 * its method ({@code dense} for a training run), with the directory's name as its id.
 */
public final class ReportRuns {
  private ReportRuns() {}

  public static List<RunRow> read(List<Path> dirs) {
    if (dirs.isEmpty()) {
      throw new InvalidInputException("no directories given: pass experiment or run directories, "
          + "e.g. prunus report prunus-runs/NAME --out report.html");
    }
    List<RunRow> rows = new ArrayList<>();
    for (Path dir : dirs) {
      if (ResultsFiles.exists(dir)) {
        List<ObjectNode> results = ResultsFiles.read(dir);
        for (int i = 0; i < results.size(); i++) {
          rows.add(RunRow.checked(results.get(i), dir.resolve(ResultsFiles.JSON) + " (run " + (i + 1) + ", "
              + results.get(i).path("run.id").asText("no run.id") + ")"));
        }
      } else if (new RunDirectory(dir).isFinished()) {
        rows.add(RunRow.checked(runRow(dir), new RunDirectory(dir).metrics().toString()));
      } else {
        throw new InvalidInputException(dir + " is neither an experiment directory (no " + ResultsFiles.JSON
            + ") nor a finished run (no " + RunDirectory.METRICS + " and " + RunDirectory.PROVENANCE
            + "): pass the --out of `prunus experiment`, `prunus train` or `prunus prune`");
      }
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException(dirs + " hold no finished runs yet: run the experiment first");
    }
    return rows;
  }

  private static ObjectNode runRow(Path dir) {
    RunDirectory run = new RunDirectory(dir);
    JsonNode metrics;
    JsonNode provenance;
    try {
      metrics = Json.MAPPER.readTree(run.metrics().toFile());
      provenance = Json.MAPPER.readTree(run.provenance().toFile());
    } catch (IOException e) {
      throw new InvalidInputException(dir + " holds unreadable run files (" + e.getMessage() + ")");
    }
    requireObject(run.metrics(), metrics);
    requireObject(run.provenance(), provenance);
    String name = dir.toAbsolutePath().normalize().getFileName().toString();
    String parent = provenance.path("parentRun").isTextual()
        ? Path.of(provenance.get("parentRun").asText()).getFileName().toString() : null;
    return ResultRows.withInference(
        ResultRows.row(name, metrics.path("method").asText("dense"), parent, dir.toString(), metrics, provenance), dir);
  }

  private static void requireObject(Path file, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(file + " is " + (node == null || node.isMissingNode() ? "empty" : "not a JSON object")
          + ": re-run the command that wrote it, or leave that run out of the report");
    }
  }
}
