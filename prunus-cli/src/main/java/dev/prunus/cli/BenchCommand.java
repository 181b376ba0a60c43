package dev.prunus.cli;

import dev.prunus.data.DatasetId;
import dev.prunus.data.DatasetRepository;
import dev.prunus.data.ImageSet;
import dev.prunus.graph.aspl.AsplOptimizer;
import dev.prunus.kernel.Convolution;
import dev.prunus.kernel.ConvolutionAlgorithm;
import dev.prunus.kernel.Cpu;
import dev.prunus.kernel.EngineCheck;
import dev.prunus.model.Architecture;
import dev.prunus.model.FeatureShape;
import dev.prunus.model.Initialization;
import dev.prunus.model.Model;
import dev.prunus.model.zoo.ModelId;
import dev.prunus.model.zoo.ModelOptions;
import dev.prunus.prune.MaskApplier;
import dev.prunus.prune.MethodRegistry;
import dev.prunus.prune.PruningContext;
import dev.prunus.prune.PruningTarget;
import dev.prunus.prune.relational.AsplSearchBudget;
import dev.prunus.run.ParentRun;
import dev.prunus.run.PreparedData;
import dev.prunus.train.PhaseTimes;
import dev.prunus.train.Trainer;
import dev.prunus.train.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code prunus bench}: benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
    subcommands = {BenchCommand.Train.class, InferBench.class, SparseBench.class, BenchCommand.Engine.class,
        BenchCommand.AsplSearch.class, BenchCommand.DataFreeMerge.class, BenchOnnxCommand.class})
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "choose a benchmark: `prunus bench train`, `prunus bench infer`, `prunus bench sparse`, `prunus bench engine`, "
            + "`prunus bench aspl`, `prunus bench data-free` or `prunus bench onnx`");
  }

  /** Training throughput and where each step's time goes. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {"Train for a few epochs and print images/s and the time per phase",
          "(data, forward+loss, backward, optimiser step, mask upkeep) for every epoch."})
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin EngineOptions engine = new EngineOptions();

    @Mixin ModelSelection model = new ModelSelection();

    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "Dataset (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Mixin TrainingOptions training = new TrainingOptions();

    @Option(names = "--mask-density", paramLabel = "D",
        description = "Train under a random mask of this density on every conv/linear weight, to measure mask upkeep.")
    Double maskDensity;

    @Option(names = "--from", paramLabel = "RUN",
        description = "Train the model of this run (of train, prune or import) instead of a fresh zoo model.")
    Path from;

    @Override
    public Integer call() {
      engine.prepare(spec.commandLine().getErr());
      if (model.model == null) {
        model.model = "lenet5";
      }
      if (!spec.commandLine().getParseResult().hasMatchedOption("--epochs")) {
        training.epochs = 3;
      }
      DatasetId d = DatasetId.fromName(dataset);
      Model m;
      String name;
      if (from != null) {
        ParentRun parent = ParentRun.open(from);
        m = parent.directory().readModel();
        ParentRun.checkFits(m.architecture(), d);
        name = m.architecture().name() + " (" + from + ")";
      } else {
        ModelId id = ModelId.fromName(model.model);
        Architecture arch = id.build(new ModelOptions(new FeatureShape(d.channels(), d.height(), d.width()),
            d.numClasses(), model.width, model.vggHead));
        m = new Model(arch, training.initialization().initialize(arch, training.seed));
        name = id.cliName();
      }
      PreparedData data = PreparedData.of(new DatasetRepository(DatasetRepository.defaultHome()).load(d), 0, 1);
      ImageSet train = data.train();
      if (maskDensity != null) {
        m = MaskApplier.apply(m, MethodRegistry.standard().create("random", Map.of())
            .plan(m, PruningContext.withoutData(PruningTarget.ofDensity(maskDensity), training.seed)));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "%s on %s: %,d training images, batch %d, %s, %d threads, %s convolutions, Java %s%n",
          name, d.cliName(), train.size(), training.batchSize, training.optimizer,
          Integer.getInteger("ai.djl.pytorch.num_threads", 0), Convolution.algorithm().cliName(),
          System.getProperty("java.version"));
      out.println("epoch  seconds  images/s   data  forward+loss  backward  optimiser  masks   (seconds)");
      var trainer = new Trainer(training.toConfig(false), new TrainingListener() {
        @Override
        public void epochTimed(int epoch, PhaseTimes t) {
          out.printf(Locale.ROOT, "%5d  %7.2f  %8.0f  %5.2f  %12.2f  %8.2f  %9.2f  %5.2f%n", epoch, t.total() / 1e9,
              t.imagesPerSecond(), t.data() / 1e9, t.forward() / 1e9, t.backward() / 1e9, t.optimizer() / 1e9,
              t.masks() / 1e9);
          out.flush();
        }
      });
      PhaseTimes total = trainer.train(m, train, data.validation(), null).times();
      out.printf(Locale.ROOT, "all epochs: %.0f images/s; mask upkeep %.2f%% of the step time%n",
          total.imagesPerSecond(), 100.0 * total.masks() / total.total());
      return PrunusCommand.OK;
    }
  }

  /** The engine check for every convolution algorithm, with what each got wrong on this CPU. */
  @Command(name = "engine", mixinStandardHelpOptions = true,
      description = {"Check libtorch's convolutions against a direct convolution with every algorithm (padded,",
          "onednn, native) on the start-up check's cases, and print each one's worst error and time."})
  static final class Engine implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.println("CPU: " + Cpu.description() + "; libtorch " + ai.djl.engine.Engine.getEngine("PyTorch").getVersion());
      out.println("algorithm  result  worst relative error  seconds");
      boolean anyPassed = false;
      for (ConvolutionAlgorithm a : ConvolutionAlgorithm.values()) {
        EngineCheck.Report r = EngineCheck.run(a);
        anyPassed |= r.passed();
        out.printf(Locale.ROOT, "%-9s  %-6s  %20.2g  %7.2f%n", a.cliName(), r.passed() ? "right" : "WRONG", r.worstError(),
            r.seconds());
        r.failures().forEach(f -> out.println("           " + f));
      }
      return anyPassed ? PrunusCommand.OK : PrunusCommand.FAILURE;
    }
  }

  /** Data-free merging of a large random FC layer (AlexNet's FC6 by default), phase by phase. */
  @Command(name = "data-free", mixinStandardHelpOptions = true,
      description = {"Halve a fully connected layer of random weights with data-free merging and print the",
          "seconds of each phase: distances (Gram product), greedy merges, whole plan, surgery, compaction."})
  static final class DataFreeMerge implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--neurons", defaultValue = "4096", description = "Neurons of the layer (default: ${DEFAULT-VALUE}).")
    int neurons;

    @Option(names = "--inputs", defaultValue = "9216", description = "Inputs of the layer (default: ${DEFAULT-VALUE}).")
    int inputs;

    @Option(names = "--outputs", defaultValue = "4096",
        description = "Outputs of the next layer, which reads the neurons (default: ${DEFAULT-VALUE}).")
    int outputs;

    @Option(names = "--remove", paramLabel = "N", description = "Neurons to remove (default: half).")
    Integer remove;

    @Option(names = "--repeat", defaultValue = "1", description = "Repetitions (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
      if (neurons < 2 || inputs < 1 || outputs < 1 || repeat < 1) {
        throw new dev.prunus.InvalidInputException("--neurons " + neurons + ", --inputs " + inputs + ", --outputs "
            + outputs + ", --repeat " + repeat + ": need at least 2 neurons and 1 input, output and repetition");
      }
      int k = remove != null ? remove : neurons / 2;
      if (k < 0 || k > neurons - 1) {
        throw new dev.prunus.InvalidInputException("--remove " + k + " must be in [0, " + (neurons - 1) + "]");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(Locale.ROOT, "data-free: %,d neurons x %,d inputs (+ bias), read by %,d outputs; remove %,d; "
          + "%d libtorch threads, Java %s%n", neurons, inputs, outputs, k,
          Integer.getInteger("ai.djl.pytorch.num_threads", 0), System.getProperty("java.version"));
      out.println("run  setup  distances  greedy  plan (all)  surgery  compact   (seconds)  compacted fc6");
      for (int r = 1; r <= repeat; r++) {
        DataFreeBenchmark.Timing t = DataFreeBenchmark.run(inputs, neurons, outputs, k, seed);
        out.printf(Locale.ROOT, "%3d  %5.2f  %9.2f  %6.2f  %10.2f  %7.2f  %7.2f              %s%n", r, t.setupSeconds(),
            t.distancesSeconds(), t.greedySeconds(), t.planSeconds(), t.applySeconds(), t.compactSeconds(),
            java.util.Arrays.toString(t.compactShape()));
        out.flush();
      }
      out.println("plan (all) = distances + greedy down to one neuron (the whole saliency curve) + details; "
          + "surgery = masking with the merges; compact = the physically smaller layers.");
      return PrunusCommand.OK;
    }
  }

  /** RGP's ASPL search: time to come within a ratio of the Moore bound, or the ratio reached in a time, over seeds. */
  @Command(name = "aspl", mixinStandardHelpOptions = true,
      description = {"Run RGP's ASPL search from the ring lattice for each seed until the ASPL is within --ratio of the",
          "Moore bound, the step budget runs out or --time passes, and print per seed the time, proposals, proposals",
          "per second, ratio and what stopped it, with the median and worst time and ratio."})
  static final class AsplSearch implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "64", description = "Nodes n (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--degree", defaultValue = "4", description = "Degree k (default: ${DEFAULT-VALUE}).")
    int degree;

    @Option(names = "--seeds", defaultValue = "20", description = "Seeds 1..S (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--ratio", defaultValue = "1.015",
        description = "Stop once ASPL / Moore bound is at most this (default: ${DEFAULT-VALUE}: within 1.5%%; "
            + "1 runs to the limits).")
    double ratio;

    @Option(names = "--max-steps", defaultValue = "1000000", description = "Step budget per seed (default: ${DEFAULT-VALUE}).")
    long maxSteps;

    @Option(names = "--time", paramLabel = "SECONDS", defaultValue = "0",
        description = "Wall-clock limit per seed, 0 for none (default: ${DEFAULT-VALUE}); with --ratio 1 and a large "
            + "--max-steps, measures the ratio reached in that time.")
    double time;

    @Option(names = "--scoring", paramLabel = "WAY", defaultValue = "auto",
        description = "How proposals are scored: auto, full-search or dynamic (default: ${DEFAULT-VALUE}). Every way "
            + "keeps the same swaps; compare their CPU seconds for the same --max-steps.")
    String scoring;

    @Override
    public Integer call() {
      if (seeds < 1) {
        throw new dev.prunus.InvalidInputException("--seeds " + seeds + " must be at least 1");
      }
      if (!(ratio >= 1)) {
        throw new dev.prunus.InvalidInputException("--ratio " + ratio + " must be at least 1: no graph beats the Moore bound");
      }
      if (!(time >= 0) || Double.isInfinite(time)) {
        throw new dev.prunus.InvalidInputException("--time " + time + " must be a number of seconds >= 0 (0: no limit)");
      }
      AsplSearchBudget budget = new AsplSearchBudget(maxSteps, time);
      AsplOptimizer.Scoring way = scoring();
      dev.prunus.prune.relational.RegularGraphChoice.checkDegree(nodes, degree);
      PrintWriter out = spec.commandLine().getOut();
      // warm the JIT on seeds outside the measured range (a second at most each), so that the first seed is not
      // charged for it
      for (int w = 0; w < 3; w++) {
        search(-1 - w, new AsplSearchBudget(maxSteps, time > 0 ? Math.min(time, 1) : 1), way);
      }
      out.printf(Locale.ROOT, "n=%d k=%d, target ASPL/Moore <= %.4f, at most %s per seed, scoring %s, %d threads "
          + "available, Java %s%n", nodes, degree, ratio, budget, scoring, Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      out.println(" seed   seconds  cpu s       steps   steps/s    ASPL  ASPL/Moore  reached  stopped by");
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      double[] seconds = new double[seeds];
      double[] ratios = new double[seeds];
      int reached = 0;
      for (int s = 1; s <= seeds; s++) {
        long t0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        AsplOptimizer.Result r = search(s, budget, way);
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        seconds[s - 1] = (System.nanoTime() - t0) / 1e9;
        ratios[s - 1] = r.mooreRatio();
        boolean ok = r.mooreRatio() <= ratio;
        reached += ok ? 1 : 0;
        out.printf(Locale.ROOT, "%5d  %8.3f  %5.1f  %10d  %8.0f  %6.4f  %10.4f  %-7s  %s%n", s, seconds[s - 1], cpu,
            r.steps(), r.steps() / seconds[s - 1], r.finalAspl(), r.mooreRatio(), ok ? "yes" : "no",
            dev.prunus.prune.relational.RegularGraphChoice.stopReason(r));
        out.flush();
      }
      java.util.Arrays.sort(seconds);
      java.util.Arrays.sort(ratios);
      out.printf(Locale.ROOT, "reached the target for %d of %d seeds; median %.3f s, worst %.3f s; ASPL/Moore median %.4f, "
          + "worst %.4f%n", reached, seeds, seconds[(seeds - 1) / 2], seconds[seeds - 1], ratios[(seeds - 1) / 2],
          ratios[seeds - 1]);
      return PrunusCommand.OK;
    }

    private AsplOptimizer.Result search(long seed, AsplSearchBudget budget, AsplOptimizer.Scoring way) {
      try {
        return AsplOptimizer.fromRingLattice(nodes, degree, budget.settings(seed).withTargetMooreRatio(ratio),
            AsplOptimizer.Progress.NONE, way);
      } catch (IllegalArgumentException e) {
        if (way == AsplOptimizer.Scoring.DYNAMIC && e.getMessage().startsWith("dynamic scoring")) {
          throw new dev.prunus.InvalidInputException("--scoring dynamic: " + e.getMessage());
        }
        throw e;
      }
    }

    private AsplOptimizer.Scoring scoring() {
      for (AsplOptimizer.Scoring way : AsplOptimizer.Scoring.values()) {
        if (way.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(scoring)) {
          return way;
        }
      }
      throw new dev.prunus.InvalidInputException("--scoring " + scoring + " is not one of auto, full-search, dynamic");
    }
  }
}
