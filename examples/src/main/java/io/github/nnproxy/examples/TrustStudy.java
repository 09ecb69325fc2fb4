package io.github.nnproxy.examples;

import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.jmetal.JmetalPsoOptimizer;
import io.github.nnproxy.manage.ManagedOptimization;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.TrustResult;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Runs the trust study (offline proxy against the managed loop, with the truth runs beside them)
 * on the seed study's 2-D grid with its PSO and GA, and writes {@code trust.csv} and {@code
 * trust.md}. The full run takes about 35 minutes on 2 cores; {@code --quick} takes seconds.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.TrustStudy trust
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.TrustStudy trust-quick --quick
 * }</pre>
 *
 * <p>Options: {@code [out]} (default {@code nnproxy-trust}), {@code --quick}, {@code --seeds N}
 * (seeds 1..N, default 3), {@code --dimensions 2,4} (default 2), {@code --threads N} (default
 * all processors), {@code --base-size N} (default 10,000, the seed's dense sample), {@code
 * --trainer fast|defaults|paper} (the offline proxies' trainer; default {@code fast}, a 32-32
 * network with early stopping, so that the grid fits in about half an hour on 2 cores; {@code
 * paper} is the seed's network, about 10 minutes per proxy).
 */
public final class TrustStudy {
  private TrustStudy() {}

  /**
   * Runs the study.
   *
   * @param args the output folder and options, see the class comment
   */
  public static void main(String[] args) {
    Path out = Path.of("nnproxy-trust");
    boolean quick = false;
    int seeds = 3;
    int[] dims = {2};
    int threads = Runtime.getRuntime().availableProcessors();
    int baseSize = SamplingScheme.PAPER_BASE_SIZE;
    String trainer = "fast";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--base-size" -> baseSize = Integer.parseInt(args[++i]);
        case "--trainer" -> trainer = args[++i];
        case "--dimensions" -> dims =
            Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        default -> {
          if (args[i].startsWith("--")) {
            throw new IllegalArgumentException("unknown option '" + args[i] + "'; options:"
                + " [out] --quick --seeds N --dimensions 2,4 --threads N --base-size N"
                + " --trainer fast|defaults|paper");
          }
          out = Path.of(args[i]);
        }
      }
    }
    long[] seedList = new long[seeds];
    for (int i = 0; i < seeds; i++) {
      seedList[i] = i + 1;
    }
    JmetalPsoOptimizer pso = quick
        ? JmetalPsoOptimizer.paper().withSwarmSize(20).withIterations(50)
        : JmetalPsoOptimizer.paper();
    io.github.nnproxy.study.TrustStudy.Builder b = io.github.nnproxy.study.TrustStudy.builder()
        .functions("ackley", "rastrigin", "rosenbrock")
        .dimensions(dims)
        .optimizer(pso, TrustStudy::psoWithBudget)
        .optimizer(JeneticsOptimizer.paper(), TrustStudy::gaWithBudget)
        .seeds(seedList)
        .baseSize(baseSize)
        .trainer(offlineTrainer(trainer))
        .threads(threads)
        .output(out)
        .progress(System.err::println);
    if (quick) {
      b.schemes(SamplingScheme.SPARSE_UNIFORM).baseSize(400)
          .trainer(f -> ProxyTrainer.builder().hiddenLayers(16, 16).epochs(20).build())
          .managed(ManagedOptimization.builder()
              .trainer(ProxyTrainer.builder().hiddenLayers(16, 16).epochs(20).batchSize(16)
                  .build())
              .initialSamples(30).budget(60).build());
    }
    long start = System.nanoTime();
    TrustResult r = b.build().run();
    System.out.printf(Locale.ROOT, "%d runs, goal met in %d of %d cells, %.0f s; see %s%n",
        r.runs().size(), r.goalsHeld(), r.cells().size(), (System.nanoTime() - start) / 1e9,
        r.markdown());
  }

  /** The offline proxies' trainer by name. */
  static java.util.function.Function<io.github.nnproxy.benchmark.BenchmarkFunction, ProxyTrainer>
      offlineTrainer(String name) {
    return switch (name) {
      case "fast" -> f -> FAST;
      case "defaults" -> f -> ProxyTrainer.defaults();
      case "paper" -> ProxyTrainer::paper;
      default -> throw new IllegalArgumentException(
          "--trainer must be fast, defaults or paper, but was '" + name + "'");
    };
  }

  /** A 32-32 network, at most 100 epochs, patience 20, batch 32: about 10 s on 10,000 points. */
  static final ProxyTrainer FAST = ProxyTrainer.builder().hiddenLayers(32, 32).epochs(100)
      .patience(20).batchSize(32).build();

  /** The seed's PSO with about n evaluations: swarm n/10 (2 to 100), n/swarm iterations. */
  static Optimizer psoWithBudget(int n) {
    int swarm = Math.max(2, Math.min(100, n / 10));
    return JmetalPsoOptimizer.paper().withSwarmSize(swarm).withIterations(Math.max(1, n / swarm));
  }

  /** The seed's GA stopped after about n evaluations. */
  static Optimizer gaWithBudget(int n) {
    return JeneticsOptimizer.paper().toBuilder().evaluations(n).build();
  }
}
