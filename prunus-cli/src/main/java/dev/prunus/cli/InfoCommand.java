package dev.prunus.cli;

import dev.prunus.InvalidInputException;
import dev.prunus.data.DatasetRef;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Masks;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import dev.prunus.report.LayerTable;
import dev.prunus.run.RunDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prunus info}: the per-layer table of a run's model or of a zoo model. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = {"Per-layer table (shape, parameters, non-zero, FLOPs, totals) of a run's model (DIR)",
        "or of a zoo model (--model, for its standard input or a dataset's)."})
final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "A run directory.")
  Path dir;

  @Mixin ModelSelection model = new ModelSelection();

  /** With --model: build it for this dataset's input and classes. */
  @Mixin DatasetSelection dataset = new DatasetSelection();

  @Override
  public Integer call() {
    Architecture a;
    Masks masks;
    String title;
    if (dir != null) {
      if (model.model != null) {
        throw new InvalidInputException("give either a run directory or --model, not both");
      }
      Model m = RunDirectory.open(dir).readModel();
      a = m.architecture();
      masks = m.masks();
      title = dir.toString();
    } else if (model.model != null) {
      ModelId id = ModelId.fromName(model.model);
      FeatureShape input = id.standardInput();
      int classes = 10;
      if (dataset.given()) {
        DatasetRef d = dataset.ref();
        input = new FeatureShape(d.channels(), d.height(), d.width());
        classes = d.numClasses();
      }
      a = id.build(new ModelOptions(input, classes, model.width, model.vggHead));
      masks = Masks.NONE;
      title = id.cliName();
    } else {
      throw new InvalidInputException("info needs a run directory or --model M (see `prunus models`)");
    }
    spec.commandLine().getOut().printf("%s: %s, input %s, %d classes, width %s%n%n",
        title, a.name(), a.input(), a.numClasses(), a.width());
    spec.commandLine().getOut().print(LayerTable.render(ModelCounter.count(a, masks)));
    return PrunusCommand.OK;
  }
}
