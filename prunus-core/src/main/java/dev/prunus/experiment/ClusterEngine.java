package dev.prunus.experiment;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A distributed engine that runs an experiment's runs as tasks on a cluster (the {@code prunus-spark}
 * module's Apache Spark engine). Engines are found with {@link ServiceLoader}, so the core and the
 * command line carry no dependency on any cluster framework: an engine exists only when its module is on
 * the class path.
 */
public interface ClusterEngine {
  /** The engine's name, as the command line spells its option: {@code spark}. */
  String name();

  /**
   * Connects to a cluster. {@code master} is the engine's address of it ({@code local[2]},
   * {@code spark://host:7077}, {@code yarn}); null takes the one the engine's own launcher set
   * ({@code spark-submit --master}). Throws {@link dev.prunus.InvalidInputException} naming the fix
   * when there is none or it is malformed.
   *
   * @param application the name the cluster shows for it
   * @param runArguments options for the command line of every run ({@code prunus experiment ... --run ID}),
   *     e.g. the engine options the user gave
   */
  ClusterSession connect(String master, String application, List<String> runArguments);

  /** The engine named {@code name} among those on the class path, if any. */
  static Optional<ClusterEngine> find(String name) {
    return ServiceLoader.load(ClusterEngine.class).stream().map(ServiceLoader.Provider::get)
        .filter(e -> e.name().equals(name)).findFirst();
  }

  /** The names of the engines on the class path. */
  static List<String> available() {
    return ServiceLoader.load(ClusterEngine.class).stream().map(p -> p.get().name()).sorted().toList();
  }
}
