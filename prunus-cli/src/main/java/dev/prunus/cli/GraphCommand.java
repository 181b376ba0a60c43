package dev.prunus.cli;

import dev.prunus.HeapBudget;
import dev.prunus.InvalidInputException;
import dev.prunus.graph.UndirectedGraph;
import dev.prunus.graph.aspl.AsplOptimizer;
import dev.prunus.graph.draw.GraphDrawing;
import dev.prunus.graph.metric.GlobalEfficiency;
import dev.prunus.graph.metric.SmallWorldOmega;
import dev.prunus.graph.metric.SmallWorldSigma;
import dev.prunus.io.AtomicFiles;
import dev.prunus.io.OutputPath;
import dev.prunus.prune.relational.AsplSearchBudget;
import dev.prunus.prune.relational.RegularGraphChoice;
import dev.prunus.report.TextTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prunus graph}: make and inspect RGP's regular graphs without a model. */
@Command(name = "graph", mixinStandardHelpOptions = true,
    description = "Make and inspect the k-regular relational graphs of RGP, without a model.",
    subcommands = {GraphCommand.Chain.class, GraphCommand.Show.class})
final class GraphCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "choose a subcommand: `prunus graph chain` or `prunus graph show`");
  }

  /** n, k, seed and the search budget (steps and seconds), shared by the subcommands. */
  static final class GraphOptions {
    @Option(names = "--nodes", paramLabel = "N", defaultValue = "64", description = "Nodes n (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--degree", paramLabel = "K", defaultValue = "4", description = "Degree k (default: ${DEFAULT-VALUE}).")
    int degree;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the search (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--aspl-steps", paramLabel = "M", defaultValue = "1000000",
        description = "Swap proposals of the ASPL search at most (default: ${DEFAULT-VALUE}, as `prune --method rgp`).")
    long steps;

    @Option(names = "--aspl-time", paramLabel = "SECONDS", defaultValue = "30",
        description = {"Wall-clock seconds of the ASPL search at most, 0 for no limit (default: ${DEFAULT-VALUE}, as "
            + "`prune --method rgp`).", "The seed fixes the proposals, the limit only where they stop: the summary "
            + "says how many ran; give that as --aspl-steps with --aspl-time 0 to get the same chain anywhere."})
    double seconds;

    /** The validated budget; also checks n and k. */
    AsplSearchBudget budget() {
      AsplSearchBudget b = new AsplSearchBudget(steps, seconds);
      RegularGraphChoice.checkDegree(nodes, degree);
      return b;
    }

    /** Progress lines of the search on the command's error stream. */
    AsplOptimizer.Progress progress(CommandSpec spec) {
      ProgressLines lines = new ProgressLines(spec.commandLine().getErr());
      return status -> lines.print(status.describe());
    }
  }

  /** The ASPL chain from the ring lattice, as a table (and CSV). */
  @Command(name = "chain", mixinStandardHelpOptions = true,
      description = {"Lower the ASPL of the k-regular ring lattice on n nodes by edge swaps (RGP) and print the chain",
          "of snapshots: the graphs `prune --method rgp --graph snapshot:I` would use, with the same seed."})
  static final class Chain implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin GraphOptions graph = new GraphOptions();

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the chain as CSV.")
    Path csv;

    @Override
    public Integer call() {
      AsplSearchBudget budget = graph.budget();
      if (csv != null) {
        OutputPath.checkFile("--csv", csv);
      }
      long t0 = System.nanoTime();
      AsplOptimizer.Result r = RegularGraphChoice.search(graph.nodes, graph.degree, graph.seed, budget,
          graph.progress(spec));
      double seconds = (System.nanoTime() - t0) / 1e9;
      TextTable t = new TextTable("snapshot", "step", "ASPL", "clustering", "ASPL/Moore");
      StringBuilder csvText = new StringBuilder("snapshot,step,aspl,average_clustering,moore_ratio\n");
      List<AsplOptimizer.Snapshot> chain = r.chain();
      for (int i = 0; i < chain.size(); i++) {
        AsplOptimizer.Snapshot s = chain.get(i);
        t.row(i, s.step(), s.aspl(), s.averageClustering(), s.mooreRatio());
        csvText.append(String.format(Locale.ROOT, "%d,%d,%.17g,%.17g,%.17g%n", i, s.step(), s.aspl(),
            s.averageClustering(), s.mooreRatio()));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(t);
      out.printf(Locale.ROOT, "n=%d k=%d seed=%d: ASPL %.4f -> %.4f, Moore bound %.4f (ratio %.4f); %,d proposals "
          + "(of %s), %,d swaps kept, %d climbs, stopped by %s, %.3f s%n", graph.nodes, graph.degree, graph.seed,
          r.first().aspl(), r.finalAspl(), r.mooreBound(), r.mooreRatio(), r.steps(), budget, r.acceptedSwaps(),
          r.climbs(), RegularGraphChoice.stopReason(r), seconds);
      if (csv != null) {
        AtomicFiles.writeString(csv, csvText.toString());
        out.println("wrote " + csv);
      }
      return PrunusCommand.OK;
    }
  }

  /** One graph: its metrics, and a drawing. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = {"Make one graph (lattice, min-aspl, snapshot:N or random-regular), print its metrics",
          "(ASPL, Moore bound, clustering, transitivity, efficiency, sigma and omega) and draw it as a PNG."})
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin GraphOptions graph = new GraphOptions();

    @Option(names = "--graph", paramLabel = "G", defaultValue = "min-aspl",
        description = "lattice, min-aspl, snapshot:N or random-regular (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--png", paramLabel = "FILE", description = "Draw the graph, nodes on a circle, to this PNG.")
    Path png;

    /** The largest drawing: 16384 x 16384 pixels, a gigabyte of image. */
    static final int MAX_SIZE = 16_384;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "600", description = "Side of the PNG in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--small-world", description = "Also compute sigma and omega against 10 seeded references each "
        + "(networkx's defaults; slow for large graphs).")
    boolean smallWorld;

    @Override
    public Integer call() {
      AsplSearchBudget budget = graph.budget();
      RegularGraphChoice choice = RegularGraphChoice.parse(kind);
      if (png != null) {
        if (size < GraphDrawing.MIN_SIZE || size > MAX_SIZE) {
          throw new InvalidInputException("--size " + size + " must be in [" + GraphDrawing.MIN_SIZE + ", " + MAX_SIZE
              + "] pixels a side");
        }
        // the image (4 bytes a pixel) and, at most as large, its encoding
        HeapBudget.check(8L * size * size, "--size " + size + " (a " + size + " x " + size + " image)", "lower --size");
        OutputPath.checkFile("--png", png);
      }
      RegularGraphChoice.Made made = choice.make(graph.nodes, graph.degree, graph.seed, budget, graph.progress(spec));
      UndirectedGraph g = made.graph();
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "%s graph, n=%d k=%d seed=%d%s%n", choice, graph.nodes, graph.degree, graph.seed,
          made.chainIndex() >= 0 ? " (snapshot " + made.chainIndex() + " of the ASPL chain)" : "");
      made.search().ifPresent(r -> out.printf(Locale.ROOT, "ASPL search: %,d proposals (of %s), %,d swaps kept, "
          + "%d climbs, stopped by %s%n", r.steps(), budget, r.acceptedSwaps(), r.climbs(),
          RegularGraphChoice.stopReason(r)));
      TextTable t = new TextTable("metric", "value");
      t.row("ASPL", made.aspl());
      t.row("Moore bound", made.mooreBound());
      t.row("ASPL / Moore", made.aspl() / made.mooreBound());
      t.row("average clustering", made.averageClustering());
      t.row("transitivity", made.transitivity());
      t.row("global efficiency", GlobalEfficiency.of(g));
      if (smallWorld) {
        t.row("sigma (transitivity)", SmallWorldSigma.of(g, SmallWorldSigma.Settings.networkxDefaults(graph.seed)).value());
        t.row("omega", SmallWorldOmega.of(g, SmallWorldOmega.Settings.networkxDefaults(graph.seed)).value());
      }
      out.print(t);
      if (png != null) {
        AtomicFiles.write(png, o -> GraphDrawing.circlePng(g, o, size));
        out.println("wrote " + png);
      }
      return PrunusCommand.OK;
    }
  }
}
