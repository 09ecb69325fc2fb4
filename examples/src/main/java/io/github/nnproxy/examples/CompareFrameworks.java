package io.github.nnproxy.examples;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.jmetal.JmetalPsoOptimizer;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs Jenetics GA variants and jMetal PSO variants on the same proxy and on the true function at
 * an equal budget of 100,000 objective evaluations per run, and prints a table of the distance to
 * the true optimum on each. A minute or two on two cores.
 *
 * <pre>{@code
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.CompareFrameworks \
 *     [function] [dimension] [seeds]          # default: ackley 2 5
 * }</pre>
 */
public final class CompareFrameworks {
  /** The evaluation budget of every run: the seed PSO's 100 particles x 1000 iterations. */
  static final int BUDGET = 100_000;

  private CompareFrameworks() {}

  /**
   * Runs the comparison.
   *
   * @param args function (default ackley), dimension (2) and number of seeds (5), all optional
   * @throws InterruptedException if interrupted while waiting for the runs
   * @throws ExecutionException if a run fails
   */
  public static void main(String[] args) throws InterruptedException, ExecutionException {
    BenchmarkFunction truth = Benchmarks.byName(args.length > 0 ? args[0] : "ackley",
        args.length > 1 ? Integer.parseInt(args[1]) : 2);
    int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 5;

    System.out.println("Training a proxy of " + truth + " on 5,000 Latin hypercube points...");
    Proxy proxy = ProxyTrainer.defaults().train(truth, Samplers.latinHypercube(), 5_000, 42L);
    System.out.println("Quality: " + proxy.quality());

    List<Optimizer> optimizers = List.of(
        JmetalPsoOptimizer.paper(),                                  // 100 x 1000
        JmetalPsoOptimizer.spso2007(),                               // 100 x 1000
        JmetalPsoOptimizer.spso2011(),                               // 100 x 1000
        JeneticsOptimizer.paper().toBuilder()
            .name("jenetics-ga-paper-100k").evaluations(BUDGET).build(),
        JeneticsOptimizer.defaults().toBuilder()
            .name("jenetics-ga-defaults-100k").evaluations(BUDGET).build());

    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<List<Future<Optimum[]>>> runs = new ArrayList<>();
      for (Optimizer o : optimizers) {
        List<Future<Optimum[]>> perSeed = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
          long s = seed;
          perSeed.add(pool.submit(
              () -> new Optimum[] {o.minimize(proxy, s), o.minimize(truth, s)}));
        }
        runs.add(perSeed);
      }
      System.out.printf(Locale.ROOT, "%nDistance to the true optimum of %s, %d seeds, budget %,d "
          + "evaluations:%n", truth, seeds, BUDGET);
      System.out.printf("| %-26s | %-8s | %11s | %-17s | %-17s |%n", "optimizer", "library",
          "evaluations", "on the proxy", "on the truth");
      System.out.println("|" + "-".repeat(28) + "|" + "-".repeat(10) + "|" + "-".repeat(12)
          + ":|" + "-".repeat(19) + "|" + "-".repeat(19) + "|");
      for (int i = 0; i < optimizers.size(); i++) {
        double[] onProxy = new double[seeds];
        double[] onTruth = new double[seeds];
        long evaluations = 0;
        for (int k = 0; k < seeds; k++) {
          Optimum[] r = runs.get(i).get(k).get();
          onProxy[k] = r[0].distanceTo(truth.optimum());
          onTruth[k] = r[1].distanceTo(truth.optimum());
          evaluations += r[0].evaluations();
        }
        String name = optimizers.get(i).name();
        System.out.printf(Locale.ROOT, "| %-26s | %-8s | %,11d | %-17s | %-17s |%n", name,
            name.startsWith("jmetal") ? "jMetal" : "Jenetics", evaluations / seeds,
            meanStd(onProxy), meanStd(onTruth));
      }
    } finally {
      pool.shutdown();
    }
  }

  private static String meanStd(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x / v.length;
    }
    double var = 0;
    for (double x : v) {
      var += (x - mean) * (x - mean) / v.length;
    }
    return String.format(Locale.ROOT, "%.4f ± %.4f", mean, Math.sqrt(var));
  }
}
