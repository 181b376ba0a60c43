package dev.prunus.spark;

import dev.prunus.InvalidInputException;
import dev.prunus.experiment.ClusterEngine;
import dev.prunus.experiment.ClusterSession;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Apache Spark as the {@link ClusterEngine} of {@code prunus experiment --spark MASTER}: each run of the
 * grid becomes one Spark job of one task ({@link SparkRuns}), whose task runs the run in a new JVM on its
 * executor ({@link RunTask}). Found by {@link java.util.ServiceLoader} when this module is on the class
 * path, so the core and the command line need no Spark.
 *
 * <p>Settings, as Spark configuration ({@code --conf} of spark-submit, or {@code -Dspark...} for
 * {@code ./prunus}): {@code spark.task.cpus} is each run's libtorch thread count (1 by default, so an
 * executor with C cores runs C runs side by side, one thread each); {@code spark.task.maxFailures}
 * (or F of {@code local[N,F]}) how often a killed run is tried, each try resuming from the run's last
 * checkpoint; {@code spark.prunus.run.javaOptions} the options of each run's JVM (default
 * {@value RunTask#DEFAULT_JAVA_OPTIONS}); {@code spark.prunus.scratch} the local folder, on the driver
 * and on every executor, where an experiment kept at a Hadoop file system URI has its working copy and its
 * runs their scratch directories (default {@code java.io.tmpdir/prunus-scratch}; best the same path on
 * every node, see {@link StagedRun}). Speculative execution is refused: two copies of one run would write
 * one directory.
 */
public final class SparkEngine implements ClusterEngine {
  public static final String NAME = "spark";
  public static final String JAVA_OPTIONS = "spark.prunus.run.javaOptions";
  /** The local scratch root of the driver's working copies and the executors' staged runs (URI experiments). */
  public static final String SCRATCH = "spark.prunus.scratch";

  private static final Pattern MASTER =
      Pattern.compile("local|local\\[(\\d+|\\*)(,\\d+)?]|local-cluster\\[.+]|(spark|k8s|mesos)://.+|yarn");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ClusterSession connect(String master, String application, List<String> runArguments) {
    SparkConf conf = new SparkConf(); // with spark-submit's --master and --conf, which come as system properties
    if (master != null) {
      if (!MASTER.matcher(master).matches()) {
        throw new InvalidInputException("--spark " + master + " is not a Spark master: use local[N] (N task slots on "
            + "this machine; local[N,F] also retries a killed run F-1 times), spark://HOST:PORT, yarn or k8s://URL"
            + " (and put the experiment FILE before --spark)");
      }
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      throw new InvalidInputException("--spark without a MASTER takes the one spark-submit gives, and there is none: "
          + "give one, e.g. --spark local[2] or --spark spark://HOST:7077");
    }
    if (conf.getBoolean("spark.speculation", false)) {
      throw new InvalidInputException("spark.speculation=true would run copies of a run into one directory at once: "
          + "set spark.speculation=false for prunus experiment");
    }
    conf.setIfMissing("spark.app.name", application);
    String javaOptions = conf.get(JAVA_OPTIONS, RunTask.DEFAULT_JAVA_OPTIONS);
    return new SparkRuns(new JavaSparkContext(conf), javaOptions, runArguments);
  }
}
