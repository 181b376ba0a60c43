package dev.prunus.spark;

import dev.prunus.data.DatasetRepository;
import dev.prunus.experiment.ClusterSession;
import dev.prunus.experiment.PlannedRun;
import dev.prunus.experiment.RemoteExperiment;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A Spark application that runs an experiment's runs: each {@link #launch} is one Spark job of one task
 * ({@link RunTask}), submitted from the calling thread. The experiment runner calls it from many threads
 * at once, a dense baseline's dependents only after the baseline finished, so Spark's scheduler keeps
 * every task slot busy and a pruning run starts as soon as its own baseline is done (no barrier between
 * the baselines and the runs that prune them). A run that fails, or is killed more often than Spark
 * retries, fails only its own job. Its runs go into a directory every executor sees ({@link #launch}), or
 * into an experiment kept at a Hadoop file system URI ({@link #remote}, {@link HadoopExperiment}).
 */
final class SparkRuns implements ClusterSession {
  private final JavaSparkContext spark;
  private final String javaOptions;
  private final String home;
  private final List<String> runArguments;

  SparkRuns(JavaSparkContext spark, String javaOptions, List<String> runArguments) {
    this.spark = spark;
    this.javaOptions = javaOptions;
    this.runArguments = List.copyOf(runArguments);
    this.home = System.getProperty(DatasetRepository.HOME_PROPERTY);
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "Spark %s, master %s, application %s; %s libtorch thread(s) per run "
        + "(spark.task.cpus)", spark.version(), spark.master(), spark.sc().applicationId(),
        spark.getConf().get("spark.task.cpus", "1"));
  }

  @Override
  public double launch(PlannedRun run, Path experiment) {
    return submit(new SharedDirectory(experiment.toAbsolutePath().normalize().toString()), run);
  }

  @Override
  public RemoteExperiment remote(URI uri, String name) {
    return HadoopExperiment.open(this, uri, name, spark.hadoopConfiguration(),
        spark.getConf().get(SparkEngine.SCRATCH, null));
  }

  /** Runs {@code run} of the experiment at {@code place} as one Spark job of one task; the seconds it took. */
  double submit(ExperimentPlace place, PlannedRun run) {
    // job properties belong to the calling thread: name the job after its run, and let a cancel stop it
    spark.setJobGroup("prunus-" + run.id(), "prunus run " + run.id(), true);
    RunTask task = new RunTask(place, run.id(), javaOptions, home, runArguments);
    TaskOutcome outcome;
    try {
      outcome = spark.parallelize(List.of(task), 1).map(RunTask::call).collect().get(0);
    } catch (Exception e) { // Scala throws SparkException undeclared
      if (!(e instanceof SparkException)) {
        throw e;
      }
      // every try failed: Spark's first line names the tries and the last one's reason
      String why = String.valueOf(e.getMessage());
      throw new IllegalStateException(why.lines().findFirst().orElse(why), e);
    }
    if (!outcome.finished()) {
      throw new IllegalStateException(outcome.message());
    }
    return outcome.seconds();
  }

  /** {@code value} sent once to every executor. */
  <T> Broadcast<T> broadcast(T value) {
    return spark.broadcast(value);
  }

  @Override
  public void close() {
    spark.stop();
  }
}
