package io.github.nnproxy.examples;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.optimize.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs an optimizer on a true function over seeds 1..n, for the rule-comparison examples. */
final class RuleRuns {
  private RuleRuns() {}

  /**
   * Prints, as a Markdown table, the mean and sample standard deviation of two optimizers'
   * distances to the true minimizer on Ackley, Rastrigin and Rosenbrock in 2, 4 and 10-D.
   */
  static void printTable(String labelA, Optimizer a, String labelB, Optimizer b, int seeds,
      int threads) throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      System.out.printf(Locale.ROOT, "| function, d | %s, seeds 1..%d | %s, seeds 1..%d |%n"
          + "|---|---|---|%n", labelA, seeds, labelB, seeds);
      for (String name : List.of("ackley", "rastrigin", "rosenbrock")) {
        for (int d : new int[] {2, 4, 10}) {
          BenchmarkFunction f = Benchmarks.byName(name, d);
          double[] da = distances(pool, a, f, seeds);
          double[] db = distances(pool, b, f, seeds);
          System.out.printf(Locale.ROOT, "| %s %d | %.4f +- %.4f | %.4f +- %.4f |%n", name, d,
              mean(da), sd(da), mean(db), sd(db));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static double[] distances(
      ExecutorService pool, Optimizer optimizer, BenchmarkFunction f, int seeds)
      throws InterruptedException, ExecutionException {
    List<Future<Double>> runs = new ArrayList<>();
    for (long s = 1; s <= seeds; s++) {
      long seed = s;
      runs.add(pool.submit(() -> optimizer.minimize(f, seed).distanceTo(f.optimum())));
    }
    double[] out = new double[seeds];
    for (int i = 0; i < seeds; i++) {
      out[i] = runs.get(i).get();
    }
    return out;
  }

  static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.length;
  }

  static double sd(double[] xs) {
    double m = mean(xs);
    double s = 0;
    for (double x : xs) {
      s += (x - m) * (x - m);
    }
    return xs.length > 1 ? Math.sqrt(s / (xs.length - 1)) : 0.0;
  }
}
