package io.github.nnproxy.examples;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.optimize.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs an optimizer on a true function over seeds 1..n, for the rule-comparison examples. */
final class RuleRuns {
  private RuleRuns() {}

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
