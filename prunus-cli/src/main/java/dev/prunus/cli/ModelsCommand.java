package dev.prunus.cli;

import dev.prunus.measure.ModelCount;
import dev.prunus.measure.ModelCounter;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.report.TextTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prunus models}: the model zoo. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List the models Prunus can build.")
final class ModelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    TextTable t = new TextTable("model", "standard input", "params", "batch-norm", "FLOPs", "description");
    for (ModelId id : ModelId.values()) {
      ModelCount c = ModelCounter.countDense(id.build());
      t.row(id.cliName(), id.standardInput().toString(), c.params(), c.batchNormParams(), c.denseFlops(),
          id.description());
    }
    spec.commandLine().getOut().print(t);
    spec.commandLine().getOut().println("Every model accepts any dataset (1x28x28 inputs are padded where needed); "
        + "--width scales its channels.");
    return PrunusCommand.OK;
  }
}
