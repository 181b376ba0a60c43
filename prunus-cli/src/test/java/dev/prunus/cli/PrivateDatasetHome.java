package dev.prunus.cli;

import dev.prunus.data.DatasetRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of the end-to-end tests that fetch real data: a private dataset home per test class, so no cache is shared. */
abstract class PrivateDatasetHome {
  @TempDir static Path home;

  @BeforeAll
  static void privateHome() {
    System.setProperty(DatasetRepository.HOME_PROPERTY, home.toString());
  }

  @AfterAll
  static void restore() {
    System.clearProperty(DatasetRepository.HOME_PROPERTY);
  }
}
