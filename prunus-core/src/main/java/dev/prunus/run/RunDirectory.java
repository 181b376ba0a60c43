package dev.prunus.run;

import dev.prunus.InvalidInputException;
import dev.prunus.io.ModelFile;
import dev.prunus.io.OutputPath;
import dev.prunus.model.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A run directory: where one training or pruning run keeps its model, checkpoint, metrics and provenance.
 * A directory is a Prunus run when it holds {@value #PROVENANCE}; it is finished when it also holds
 * {@value #METRICS}. An unfinished run can be resumed from its checkpoint: a training run's
 * {@value #CHECKPOINT} (after each epoch) or a pruning run's {@value #ROUND_CHECKPOINT} (after each round).
 */
public record RunDirectory(Path path) {
  public static final String PROVENANCE = "provenance.json";
  public static final String METRICS = "metrics.json";
  public static final String MODEL = "model.prunus";
  /** A training run's state after its last finished epoch, deleted once metrics.json is written. */
  public static final String CHECKPOINT = "checkpoint.prunus";
  /** A pruning run's state after its last finished round, deleted once metrics.json is written. */
  public static final String ROUND_CHECKPOINT = "round-checkpoint.prunus";
  /** The metadata key of {@link #CHECKPOINT} that counts the finished epochs. */
  public static final String EPOCHS_DONE = "epochs_done";
  /** The metadata key of {@link #ROUND_CHECKPOINT} that counts the finished rounds. */
  public static final String ROUNDS_DONE = "rounds_done";
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

  public Path roundCheckpoint() {
    return path.resolve(ROUND_CHECKPOINT);
  }

  /** Deletes {@code checkpoint} (a file of this run) once metrics.json is written: the run is finished. */
  void deleteCheckpoint(Path checkpoint) {
    try {
      Files.deleteIfExists(checkpoint);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("could not delete " + checkpoint + ": " + e.getMessage(), e);
    }
  }

  public boolean isRun() {
    return Files.isRegularFile(provenance());
  }

  public boolean isFinished() {
    return isRun() && Files.isRegularFile(metrics());
  }

  /**
   * Checks, before anything is computed or written, that a new run may be written here. Nothing is
   * created. Throws {@link InvalidInputException} when {@code path} is a file, in use by another process
   * ({@link RunLock}), a non-empty directory (its lock file aside) that is not a Prunus run, a finished run, an unfinished run (which {@link #checkResumable} accepts), or not
   * writable.
   */
  public static RunDirectory checkWritable(Path path) {
    RunDirectory run = new RunDirectory(path);
    checkNotAFile(path);
    RunLock.checkFree(path);
    if (Files.isDirectory(path) && !isEmpty(path)) {
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
    checkCanWrite(path);
    return run;
  }

  /**
   * Checks, before anything is computed, that {@code prunus KIND --resume} can continue the run in
   * {@code path}: a run made by {@code prunus KIND} ({@code kind} as its provenance names it), not finished,
   * holding the checkpoint that command writes ({@code checkpoint}, a file name), and writable. Throws
   * {@link InvalidInputException} naming what is wrong and what to do instead.
   */
  public static RunDirectory checkResumable(Path path, String kind, String checkpoint) {
    RunDirectory run = new RunDirectory(path);
    checkNotAFile(path);
    RunLock.checkFree(path);
    if (!run.isRun()) {
      throw new InvalidInputException("--resume: " + path + " holds no Prunus run (no " + PROVENANCE
          + "): pass the --out of a killed `prunus " + kind + "`, or drop --resume to start a new run");
    }
    String made = Provenance.read(run.provenance()).kind();
    if (!kind.equals(made)) {
      throw new InvalidInputException("--resume: " + path + " holds " + (run.isFinished() ? "a finished" : "a")
          + " `prunus " + made + "` run, not a `prunus " + kind + "` one: " + otherKindFix(run, made));
    }
    if (run.isFinished()) {
      throw new InvalidInputException("--resume: " + path + " holds a finished run (it has " + METRICS
          + "): there is nothing to resume; choose another --out for a new run");
    }
    if (!Files.isRegularFile(path.resolve(checkpoint))) {
      throw new InvalidInputException("--resume: " + path + " holds a run stopped before its first checkpoint (no "
          + checkpoint + "): delete that directory and start the run again");
    }
    checkCanWrite(path);
    return run;
  }

  /** What to do with a run of another command than the one asked to resume it. */
  private static String otherKindFix(RunDirectory run, String made) {
    boolean resumable = "train".equals(made) || "prune".equals(made);
    if (!resumable) {
      return "it cannot be resumed";
    }
    if (!run.isFinished()) {
      return "continue it with `prunus " + made + " --resume --out " + run.path() + "`";
    }
    return "train".equals(made)
        ? "there is nothing to resume; to prune it, `prunus prune --method ID --from " + run.path() + " --out NEW_DIR`"
        : "there is nothing to resume; for a new run, choose another --out";
  }

  private static void checkNotAFile(Path path) {
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw new InvalidInputException("--out " + path + " is a file, not a directory: choose a new directory");
    }
  }

  private static void checkCanWrite(Path path) {
    OutputPath.checkDirectory("--out", path);
  }

  /**
   * A model file of this run ({@link #model()}, a checkpoint, {@link #initial()}), checked against the run's
   * provenance.json ({@link RunFileCheck}): a file copied in from another run is refused, naming both.
   * An imported run's are checked against its {@link ImportConfig}; a run of another kind (a sweep) is not checked.
   */
  public ModelFile.Stored readModelFile(Path file) {
    ModelFile.Stored s = ModelFile.readStored(file);
    Provenance p = Provenance.read(provenance());
    TrainingRunConfig config = switch (p.kind() == null ? "" : p.kind()) {
      case "train" -> TrainingRun.config(p);
      case "prune" -> p.configAs(PruneRunConfig.class).training();
      default -> null;
    };
    if (config != null) {
      RunFileCheck.check(file, s, config, provenance());
    } else if (ImportConfig.KIND.equals(p.kind())) {
      RunFileCheck.check(file, s, p.configAs(ImportConfig.class), provenance());
    }
    return s;
  }

  /** This run's model, checked against its provenance ({@link #readModelFile}). */
  public Model readModel() {
    return readModelFile(model()).model();
  }

  /** Opens an existing run for reading. */
  public static RunDirectory open(Path path) {
    RunDirectory run = new RunDirectory(path);
    if (!run.isRun() || !Files.isRegularFile(run.model())) {
      throw new InvalidInputException(path + " is not a finished Prunus run (it needs " + PROVENANCE + " and "
          + MODEL + "): pass the --out directory of a `prunus train`, `prune` or `import` run");
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
      return s.allMatch(RunLock::isLockFile);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + dir + ": " + e.getMessage());
    }
  }
}
