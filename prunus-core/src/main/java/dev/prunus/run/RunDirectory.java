package dev.prunus.run;

import dev.prunus.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A run directory: where one training or pruning run keeps its model, checkpoint, metrics and provenance.
 * A directory is a Prunus run when it holds {@value #PROVENANCE}; it is finished when it also holds
 * {@value #METRICS}.
 */
public record RunDirectory(Path path) {
  public static final String PROVENANCE = "provenance.json";
  public static final String METRICS = "metrics.json";
  public static final String MODEL = "model.prunus";
  public static final String CHECKPOINT = "checkpoint.prunus";
  /** The weights a training run started from (for lottery-ticket rewinding). */
  public static final String INITIAL = "initial.prunus";
  /** The plan of a pruning run, replayable onto its parent's model. */
  public static final String PLAN = "plan.prunus";

  public Path provenance() {
    return path.resolve(PROVENANCE);
  }

  public Path metrics() {
    return path.resolve(METRICS);
  }

  public Path model() {
    return path.resolve(MODEL);
  }

  public Path initial() {
    return path.resolve(INITIAL);
  }

  public Path plan() {
    return path.resolve(PLAN);
  }

  public Path checkpoint() {
    return path.resolve(CHECKPOINT);
  }

  public boolean isRun() {
    return Files.isRegularFile(provenance());
  }

  public boolean isFinished() {
    return isRun() && Files.isRegularFile(metrics());
  }

  /**
   * Checks, before anything is computed or written, that a new run may be written here (or, with
   * {@code resume}, continued). Nothing is created. Throws {@link InvalidInputException} when {@code path}
   * is a file, a non-empty directory that is not a Prunus run, a finished run, an unfinished run without
   * {@code resume}, or not writable.
   */
  public static RunDirectory checkWritable(Path path, boolean resume) {
    RunDirectory run = new RunDirectory(path);
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw new InvalidInputException("--out " + path + " is a file, not a directory: choose a new directory");
    }
    if (resume) {
      if (!run.isRun() || !Files.isRegularFile(run.checkpoint())) {
        throw new InvalidInputException("--resume: " + path + " holds no unfinished Prunus run (no " + CHECKPOINT
            + "): drop --resume to start a new run");
      }
    } else if (Files.isDirectory(path) && !isEmpty(path)) {
      if (run.isFinished()) {
        throw new InvalidInputException("--out " + path + " already holds a finished run: choose another directory");
      }
      if (run.isRun()) {
        throw new InvalidInputException("--out " + path + " holds an unfinished run: pass --resume to continue it, "
            + "or choose another directory");
      }
      throw new InvalidInputException("--out " + path + " exists and is not a Prunus run (no " + PROVENANCE
          + "): choose a new or empty directory");
    }
    Path existing = path.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      throw new InvalidInputException("--out " + path + " cannot be written (" + existing
          + " is not a writable directory): choose a directory you can write to");
    }
    return run;
  }

  /** Opens an existing run for reading. */
  public static RunDirectory open(Path path) {
    RunDirectory run = new RunDirectory(path);
    if (!run.isRun() || !Files.isRegularFile(run.model())) {
      throw new InvalidInputException(path + " is not a finished Prunus run (it needs " + PROVENANCE + " and "
          + MODEL + "): pass the --out directory of a `prunus train` run");
    }
    return run;
  }

  public void create() {
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new InvalidInputException("cannot create " + path + ": " + e.getMessage()
          + "; choose a directory you can write to");
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + dir + ": " + e.getMessage());
    }
  }
}
