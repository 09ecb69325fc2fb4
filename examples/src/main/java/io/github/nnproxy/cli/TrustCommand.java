package io.github.nnproxy.cli;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.jmetal.JmetalPsoOptimizer;
import io.github.nnproxy.manage.ManagedOptimization;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.TrustCell;
import io.github.nnproxy.study.TrustOptimizer;
import io.github.nnproxy.study.TrustResult;
import io.github.nnproxy.study.TrustStudy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nnproxy trust}: the trust study. For every function, dimension, sampling scheme,
 * optimizer and seed: (a) the offline proxy, (b) the managed loop, (c) the optimizer on the truth
 * with (b)'s true evaluations and (d) the optimizer's full run on the truth; reports in which
 * cells (b) is as close to the optimum as (d) with a small share of its true evaluations.
 *
 * <p>Not thread-safe: picocli fills its fields; use one instance per run.
 *
 * <pre>{@code
 * nnproxy trust --quick
 * nnproxy trust --seeds 3 --out trust
 * }</pre>
 */
@Command(
    name = "trust",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "The trust study: for each function, dimension, sampling scheme, optimizer and seed, "
            + "(a) the offline proxy (trained on the scheme's sample, then minimized), (b) the "
            + "managed loop with at most a share of (d)'s true evaluations, (c) the optimizer on "
            + "the truth with as many evaluations as (b) and (d) the optimizer on the truth with "
            + "its full budget.",
        "Writes trust.csv (one row per run, streamed and resumable), trust-timings.csv, trust.md,"
            + " proxies/ and study-config.txt to the output folder and prints the verdict."})
public final class TrustCommand implements Callable<Integer> {
  /** The offline proxies' default trainer: a 32-32 network, at most 100 epochs, patience 20. */
  static final ProxyTrainer FAST = ProxyTrainer.builder().hiddenLayers(32, 32).epochs(100)
      .patience(20).batchSize(32).build();

  @Spec
  private CommandSpec spec;

  @Option(names = "--quick", description = "A toy grid that runs in seconds: the sparse scheme "
      + "only, base size 400, 16-16 networks for 20 epochs, a managed budget of 60, the seed's "
      + "PSO with 20 particles and 50 iterations. Options given beside it override it.")
  private boolean quick;

  @Option(names = "--functions", split = ",", paramLabel = "NAME",
      converter = Converters.FunctionName.class,
      description = "Benchmark functions. Default: ackley, rastrigin, rosenbrock.")
  private List<String> functions = List.of("ackley", "rastrigin", "rosenbrock");

  @Option(names = "--dimensions", split = ",", paramLabel = "D",
      description = "Dimensions. Default: 2.")
  private int[] dimensions = {2};

  @Option(names = "--schemes", split = ",", paramLabel = "SCHEME",
      converter = Converters.Scheme.class,
      description = "Sampling schemes: dense, sparse, gaussian, lhs, sobol. "
          + "Default: dense, sparse, gaussian (sparse with --quick).")
  private List<SamplingScheme> schemes;

  @Option(names = "--seeds", paramLabel = "SEEDS", converter = Converters.Seeds.class,
      description = "A count (5 = seeds 1..5), a range (3..7) or a list (1,7,42). Default: 3.")
  private SeedList seeds = SeedList.count(3);

  @Option(names = "--optimizers", split = ",", paramLabel = "pso|ga",
      description = "Optimizers: pso (the seed's PSO), ga (the seed's GA). Default: pso,ga.")
  private List<String> optimizers = List.of("pso", "ga");

  @Option(names = "--trainer", paramLabel = "fast|defaults|paper",
      description = "The offline proxies' trainer: fast (32-32, at most 100 epochs, patience "
          + "20), defaults (ProxyTrainer.defaults()) or paper (the seed's networks). "
          + "Default: fast (16-16, 20 epochs with --quick).")
  private String trainer;

  @Option(names = "--base-size", paramLabel = "N",
      description = "Dense sample size of the offline proxies; sparse draws a quarter of it. "
          + "Default: 10000 (400 with --quick).")
  private Integer baseSize;

  @Option(names = "--seed", paramLabel = "SEED",
      description = "Master seed of the offline proxies. Default: ${DEFAULT-VALUE}.")
  private long proxySeed = 42;

  @Option(names = "--budget-share", paramLabel = "SHARE",
      description = "The largest share of (d)'s true evaluations (b) may use. "
          + "Default: ${DEFAULT-VALUE}.")
  private double budgetShare = 0.05;

  @Option(names = "--proxies-from", paramLabel = "DIR",
      description = "A stability study's output folder whose saved proxies are reused where "
          + "they were made with the same seed, base size and trainer. Default: none.")
  private Path proxiesFrom;

  @Option(names = "--threads", paramLabel = "N",
      description = "Runs made at once; results do not depend on it. "
          + "Default: the number of processors (${DEFAULT-VALUE} here).")
  private int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder. Running again with the same settings resumes; other "
          + "settings are refused. Default: nnproxy-trust (nnproxy-trust-quick with --quick).")
  private Path out;

  @Option(names = "--no-resume", negatable = false,
      description = "Refuse an output folder that already holds results. Default: resume.")
  private boolean noResume;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on standard error.")
  private boolean quiet;

  /** Creates the command; picocli fills it. */
  public TrustCommand() {}

  /**
   * Runs the study and prints its verdict.
   *
   * @return 0
   * @throws ParameterException if the options do not make a valid study
   */
  @Override
  public Integer call() {
    LoopLogging.errorsOnly();
    PrintWriter w = spec.commandLine().getOut();
    TrustStudy study = build();
    w.printf(Locale.ROOT, "nnproxy trust%s: %s x %s-D x %s x %s x %s; %s, output"
            + " %s%n", quick ? " --quick" : "", String.join(",", study.functionNames()),
        java.util.Arrays.stream(study.dimensions()).mapToObj(Integer::toString)
            .collect(Collectors.joining(",")),
        study.schemes().stream().map(SamplingScheme::label).collect(Collectors.joining(",")),
        String.join(",", optimizers), Counts.of(study.seeds().length, "seed", "seeds"),
        Counts.of(study.threads(), "thread", "threads"),
        study.output().toAbsolutePath().normalize());
    w.flush();
    long start = System.nanoTime();
    TrustResult r = study.run();
    double took = (System.nanoTime() - start) / 1e9;
    for (TrustOptimizer o : study.optimizers()) {
      List<TrustCell> mine = r.cells().stream().filter(c -> c.optimizer().equals(o.label()))
          .toList();
      w.printf(Locale.ROOT, "%s: goal met in %d of %d cells%n", o.label(),
          mine.stream().filter(TrustCell::goalHolds).count(), mine.size());
    }
    w.printf(Locale.ROOT, "%d runs in %.0f s.%nReport: %s%n", r.runs().size(), took,
        r.markdown().toAbsolutePath().normalize());
    w.flush();
    return 0;
  }

  TrustStudy build() {
    try {
      TrustStudy.Builder b = TrustStudy.builder()
          .functions(functions.toArray(String[]::new))
          .dimensions(dimensions)
          .schemes((schemes != null ? schemes : quick ? List.of(SamplingScheme.SPARSE_UNIFORM)
              : List.of(SamplingScheme.DENSE_UNIFORM, SamplingScheme.SPARSE_UNIFORM,
                  SamplingScheme.GAUSSIAN)).toArray(SamplingScheme[]::new))
          .seeds(seeds.seeds())
          .proxySeed(proxySeed)
          .baseSize(baseSize != null ? baseSize : quick ? 400 : SamplingScheme.PAPER_BASE_SIZE)
          .trainer(offlineTrainer(trainer != null ? trainer : quick ? "quick" : "fast"))
          .budgetShare(budgetShare)
          .threads(threads)
          .output(out != null ? out : Path.of(quick ? "nnproxy-trust-quick" : "nnproxy-trust"))
          .resume(!noResume);
      if (quick) {
        b.managed(ManagedOptimization.builder()
            .trainer(ProxyTrainer.builder().hiddenLayers(16, 16).epochs(20).batchSize(16).build())
            .initialSamples(30).budget(60).build());
      }
      if (proxiesFrom != null) {
        b.proxiesFrom(proxiesFrom);
      }
      if (!quiet) {
        b.progress(System.err::println);
      }
      if (optimizers.isEmpty() || optimizers.stream().distinct().count() != optimizers.size()) {
        throw new IllegalArgumentException("optimizers must be pso and/or ga, each once, but were "
            + optimizers);
      }
      for (String o : optimizers) {
        switch (o) {
          case "pso" -> b.optimizer(quick
              ? JmetalPsoOptimizer.paper().withSwarmSize(20).withIterations(50)
              : JmetalPsoOptimizer.paper(), TrustCommand::psoWithBudget);
          case "ga" -> b.optimizer(JeneticsOptimizer.paper(), TrustCommand::gaWithBudget);
          default -> throw new IllegalArgumentException(
              "optimizers must be pso or ga, but had '" + o + "'");
        }
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "invalid study: " + e.getMessage(), e);
    }
  }

  /** The offline proxies' trainer by name; {@code quick} is --quick's 16-16 network. */
  static Function<BenchmarkFunction, ProxyTrainer> offlineTrainer(String name) {
    return switch (name) {
      case "fast" -> f -> FAST;
      case "quick" -> f -> ProxyTrainer.builder().hiddenLayers(16, 16).epochs(20).build();
      case "defaults" -> f -> ProxyTrainer.defaults();
      case "paper" -> SeedRecipes::trainer;
      default -> throw new IllegalArgumentException(
          "--trainer must be fast, defaults or paper, but was '" + name + "'");
    };
  }

  /**
   * The seed's PSO with about n evaluations: a swarm of n/10 particles (2 to 100), n/swarm
   * iterations.
   *
   * @param n the evaluations
   * @return the optimizer
   */
  static Optimizer psoWithBudget(int n) {
    int swarm = Math.max(2, Math.min(100, n / 10));
    return JmetalPsoOptimizer.paper().withSwarmSize(swarm).withIterations(Math.max(1, n / swarm));
  }

  /**
   * The seed's GA stopped after about n evaluations.
   *
   * @param n the evaluations
   * @return the optimizer
   */
  static Optimizer gaWithBudget(int n) {
    return JeneticsOptimizer.paper().toBuilder().evaluations(n).build();
  }
}
