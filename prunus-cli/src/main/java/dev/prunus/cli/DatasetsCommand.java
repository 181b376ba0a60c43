package dev.prunus.cli;

import dev.prunus.data.DatasetId;
import dev.prunus.data.DatasetRepository;
import dev.prunus.report.TextTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prunus datasets}: the datasets and whether each is in the local cache. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
    description = {"List the datasets, their shapes, and whether they are cached under $PRUNUS_HOME.",
        "Any folder of PNG or JPEG images, one sub-folder per class, is a dataset too: --dataset folder:PATH."})
final class DatasetsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DatasetRepository repo = new DatasetRepository(DatasetRepository.defaultHome());
    TextTable t = new TextTable("dataset", "shape", "classes", "cached", "description");
    for (DatasetId d : DatasetId.values()) {
      t.row(d.cliName(), d.channels() + "x" + d.height() + "x" + d.width(), d.numClasses(),
          repo.isCached(d) ? "yes" : "no", d.description());
    }
    t.row("folder:PATH", "CxHxW", "folders", "-", "Your images: PATH/CLASS/*.png|jpg (or PATH/train/CLASS and"
        + " PATH/test/CLASS); --image-size HxW, --channels 1|3, --resize stretch|center-crop, --mean/--std"
        + " (default: measured), --test-fraction F (default 0.2)");
    spec.commandLine().getOut().print(t);
    spec.commandLine().getOut().println("cache: " + DatasetRepository.defaultHome());
    return PrunusCommand.OK;
  }
}
