package dev.prunus.prune.relational;

import dev.prunus.HeapBudget;
import dev.prunus.InvalidInputException;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.aspl.AsplOptimizer;
import dev.prunus.graph.generate.RandomRegular;
import dev.prunus.graph.generate.RingLattice;
import dev.prunus.graph.metric.Aspl;
import dev.prunus.graph.metric.Clustering;
import dev.prunus.graph.metric.MooreBound;
import java.util.List;
import java.util.Optional;

/**
 * Which k-regular graph on n nodes RGP uses, as given by {@code --graph}:
 * <ul>
 *   <li>{@code lattice}: the ring lattice, node i linked to i±1 .. i±k/2 (the start of the chain; the
 *       largest ASPL);
 *   <li>{@code min-aspl}: the last graph of the ASPL chain, the paper's recommendation (the default);
 *   <li>{@code snapshot:N}: graph N of the chain (0 is the lattice), to study ASPL against accuracy;
 *   <li>{@code random-regular}: a connected random k-regular graph (the code's {@code regular()}).
 * </ul>
 * The chain comes from {@link AsplOptimizer#fromRingLattice}, seeded, within an {@link AsplSearchBudget}.
 */
public record RegularGraphChoice(Kind kind, int snapshot) {
  /** The kinds of graph. */
  public enum Kind {
    LATTICE("lattice"), MIN_ASPL("min-aspl"), SNAPSHOT("snapshot:N"), RANDOM_REGULAR("random-regular");

    private final String cliName;

    Kind(String cliName) {
      this.cliName = cliName;
    }

    public String cliName() {
      return cliName;
    }
  }

  /** The ring lattice. */
  public static RegularGraphChoice lattice() {
    return new RegularGraphChoice(Kind.LATTICE, 0);
  }

  /** The last graph of the ASPL chain (RGP's default). */
  public static RegularGraphChoice minAspl() {
    return new RegularGraphChoice(Kind.MIN_ASPL, -1);
  }

  /** Graph {@code index} of the ASPL chain (0: the lattice). */
  public static RegularGraphChoice snapshot(int index) {
    if (index < 0) {
      throw new InvalidInputException("{{graph=snapshot:" + index + "}}: a snapshot is named by its index in the ASPL "
          + "chain, 0 (the lattice) or higher");
    }
    return new RegularGraphChoice(Kind.SNAPSHOT, index);
  }

  /** A connected random k-regular graph. */
  public static RegularGraphChoice randomRegular() {
    return new RegularGraphChoice(Kind.RANDOM_REGULAR, -1);
  }

  /** The {@code --graph} values, for option declarations and messages. */
  public static final List<String> CHOICES = List.of("lattice", "min-aspl", "snapshot:N", "random-regular");

  /** Parses a {@code --graph} value. */
  public static RegularGraphChoice parse(String text) {
    String t = text.trim();
    if (t.startsWith("snapshot:")) {
      try {
        int i = Integer.parseInt(t.substring("snapshot:".length()));
        if (i >= 0) {
          return snapshot(i);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new InvalidInputException("{{graph='" + text + "'}}: a snapshot is named by its index in the ASPL chain, "
          + "snapshot:0 (the lattice) or higher; `prunus graph chain` lists them");
    }
    return switch (t) {
      case "lattice" -> lattice();
      case "min-aspl" -> minAspl();
      case "random-regular" -> randomRegular();
      default -> throw new InvalidInputException("{{graph='" + text + "'}} is not one of " + CHOICES);
    };
  }

  @Override
  public String toString() {
    return kind == Kind.SNAPSHOT ? "snapshot:" + snapshot : kind.cliName();
  }

  /**
   * A graph made, with its place in the chain when it came from one.
   *
   * @param graph the graph
   * @param choice what was asked for
   * @param chainIndex its index in the ASPL chain (0 = lattice), or -1 for a random regular graph
   * @param search the ASPL search that made the chain, when one ran
   */
  public record Made(UndirectedGraph graph, RegularGraphChoice choice, int chainIndex,
      Optional<AsplOptimizer.Result> search) {
    public double aspl() {
      return Aspl.of(graph);
    }

    public double averageClustering() {
      return Clustering.average(graph);
    }

    public double transitivity() {
      return Clustering.transitivity(graph);
    }

    public double mooreBound() {
      return MooreBound.aspl(graph.nodeCount(), graph.maxDegree());
    }
  }

  /**
   * Makes the graph on {@code n} nodes of degree {@code k}.
   *
   * @param budget the limits of the ASPL search (min-aspl and snapshots)
   * @param progress receives the search's progress about once a second
   * @throws InvalidInputException if no such graph exists (k odd for the lattice, k not below n, n*k odd),
   *     or the chain is shorter than the snapshot asked for
   */
  public Made make(int n, int k, long seed, AsplSearchBudget budget, AsplOptimizer.Progress progress) {
    checkDegree(n, k);
    checkDegreeForKind(k);
    return switch (kind) {
      case LATTICE -> new Made(RingLattice.of(n, k), this, 0, Optional.empty());
      case RANDOM_REGULAR -> new Made(RandomRegular.connected(n, k, seed), this, -1, Optional.empty());
      case MIN_ASPL, SNAPSHOT -> {
        AsplOptimizer.Result r = search(n, k, seed, budget, progress);
        int index = kind == Kind.MIN_ASPL ? r.chain().size() - 1 : snapshot;
        if (index >= r.chain().size()) {
          throw new InvalidInputException("{{graph=snapshot:" + snapshot + "}} but the ASPL chain for n=" + n + ", k=" + k
              + " (seed " + seed + ", " + r.steps() + " proposals, stopped by " + stopReason(r) + ") has "
              + r.chain().size() + " graphs: snapshot:0 to snapshot:" + (r.chain().size() - 1));
        }
        UndirectedGraph g = index == r.chain().size() - 1 ? r.finalGraph() : r.chain().get(index).graph();
        yield new Made(g, this, index, Optional.of(r));
      }
    };
  }

  /**
   * RGP's ASPL chain from the ring lattice: seeded, within the budget, reporting progress about once a
   * second.
   */
  public static AsplOptimizer.Result search(int n, int k, long seed, AsplSearchBudget budget,
      AsplOptimizer.Progress progress) {
    checkDegree(n, k);
    checkEven(k);
    return AsplOptimizer.fromRingLattice(n, k, budget.settings(seed), progress);
  }

  /** Why a search stopped, as metrics and messages name it: step_budget, time_limit, ... */
  public static String stopReason(AsplOptimizer.Result r) {
    return r.stopReason().name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Checks that this kind of graph exists for degree {@code k}: all but the random regular graph start from
   * the ring lattice, which needs k even.
   */
  public void checkDegreeForKind(int k) {
    if (kind != Kind.RANDOM_REGULAR) {
      checkEven(k);
    }
  }

  private static void checkEven(int k) {
    if (k % 2 != 0) {
      throw new InvalidInputException("{{degree=" + k + "}} is odd: the ring lattice and the ASPL chain that starts "
          + "from it need an even degree (node i linked to i±1 .. i±k/2); use " + (k - 1) + " or " + (k + 1)
          + ", or {{graph=random-regular}}");
    }
  }

  /**
   * Checks that a connected k-regular loop-free graph on n nodes can exist and be made.
   *
   * @throws InvalidInputException otherwise, saying which values are valid
   */
  public static void checkDegree(int n, int k) {
    if (n < 4) {
      throw new InvalidInputException("{{nodes=" + n + "}} is too few: a relational graph needs at least 4 nodes");
    }
    if (k < 2 || k >= n) {
      throw new InvalidInputException("{{degree=" + k + "}} must be in [2, " + (n - 1) + "] for " + n
          + " nodes: a node links to at most the n-1 others, and degree 1 is never connected");
    }
    if ((long) n * k % 2 != 0) {
      throw new InvalidInputException("{{degree=" + k + "}} with {{nodes=" + n + "}}: a k-regular graph needs n*k even");
    }
    checkSize(n, k);
  }

  /**
   * The most nodes a graph can have: its adjacency is a bit matrix of n rows of ceil(n/64) words, held in
   * one Java array.
   */
  public static final int MAX_NODES = 370_727;

  /**
   * Copies of the adjacency bit matrix an ASPL search holds at once: the start graph, the search's
   * working rows, and at least the first and the last snapshot of its chain (a long chain holds more,
   * and may still run out of memory, which the command line reports naming --nodes).
   */
  private static final int MATRIX_COPIES = 4;

  /** Checks, before a graph is made, that n nodes of degree k fit one array and the Java heap. */
  static void checkSize(int n, int k) {
    if (n > MAX_NODES) {
      throw new InvalidInputException("{{nodes=" + n + "}} is too many: a graph's adjacency bit matrix (n x n bits) "
          + "must fit one Java array, which allows at most " + MAX_NODES + " nodes");
    }
    long words = (long) n * ((n + 63) / 64);
    long bytes = MATRIX_COPIES * (words * 8 + (long) n * k * 4) + 3L * n * 8;
    HeapBudget.check(bytes, String.format(java.util.Locale.ROOT, "{{nodes=%d}} (a %,d x %,d adjacency bit matrix, "
        + "%d copies in the ASPL search)", n, n, n, MATRIX_COPIES), "lower {{nodes}}");
  }
}
