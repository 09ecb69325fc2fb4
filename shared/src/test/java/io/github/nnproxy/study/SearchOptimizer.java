package io.github.nnproxy.study;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import java.util.SplittableRandom;

/**
 * A small deterministic test optimizer: seeded uniform random search, then coordinate descent
 * with a halving step, clamped to the domain. Stateless, so reproducible and thread-safe, as the
 * {@link Optimizer} contract asks.
 */
final class SearchOptimizer implements Optimizer {
  private final String name;
  private final int samples;
  private final int sweeps;

  SearchOptimizer(String name, int samples, int sweeps) {
    this.name = name;
    this.samples = samples;
    this.sweeps = sweeps;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optimum minimize(ForwardModel objective, long seed) {
    Domain dom = objective.domain();
    int d = dom.dimension();
    SplittableRandom r = new SplittableRandom(seed);
    double[] best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    long evaluations = 0;
    for (int i = 0; i < samples; i++) {
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = dom.lower(j) + r.nextDouble() * (dom.upper(j) - dom.lower(j));
      }
      double v = objective.evaluate(x);
      evaluations++;
      if (v < bestValue) {
        best = x;
        bestValue = v;
      }
    }
    double step = 0.25 * (dom.upper(0) - dom.lower(0));
    for (int s = 0; s < sweeps; s++, step /= 2) {
      for (int j = 0; j < d; j++) {
        for (double dir : new double[] {-1, 1}) {
          double[] x = best.clone();
          x[j] = Math.max(dom.lower(j), Math.min(dom.upper(j), x[j] + dir * step));
          double v = objective.evaluate(x);
          evaluations++;
          if (v < bestValue) {
            best = x;
            bestValue = v;
          }
        }
      }
    }
    return Optimum.of(best, bestValue, evaluations);
  }
}
