package dev.prunus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunus.experiment.ExperimentFile;
import dev.prunus.experiment.ExperimentGrid;
import dev.prunus.experiment.ExperimentSpec;
import dev.prunus.prune.MethodRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file in experiments/ passes the checks `prunus experiment` makes before it runs anything. */
class ExperimentFilesTest {
  @Test
  void everyShippedExperimentFileIsValid() throws Exception {
    Path folder = Path.of("..", "experiments");
    List<Path> files;
    try (Stream<Path> s = Files.walk(folder)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(3);
    for (Path f : files) {
      ExperimentSpec spec = ExperimentFile.read(f, MethodRegistry.standard());
      assertThat(spec.name()).isEqualTo(f.getFileName().toString().replace(".yaml", ""));
      int runs = ExperimentGrid.expand(spec, Path.of("x")).size();
      assertThat(runs).isPositive();
      // a header that counts the runs ("... = 26 runs.") counts them right
      Matcher said = Pattern.compile("= (\\d+) runs").matcher(Files.readString(f));
      if (said.find()) {
        assertThat(runs).as(f + " says " + said.group()).isEqualTo(Integer.parseInt(said.group(1)));
      }
    }
  }
}
