package io.github.nnproxy.manage;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import java.util.SplittableRandom;

/**
 * A small deterministic global-best PSO for tests only (Clerc and Kennedy's constriction
 * constants w = 0.7298, c1 = c2 = 1.49618), bounded to the domain, evaluating one batch per
 * iteration. Stateless, so thread-safe.
 */
final class TestPso implements Optimizer {
  private final int particles;
  private final int iterations;

  TestPso(int particles, int iterations) {
    this.particles = particles;
    this.iterations = iterations;
  }

  static TestPso standard() {
    return new TestPso(30, 100);
  }

  @Override
  public String name() {
    return "test-pso-" + particles + "x" + iterations;
  }

  @Override
  public Optimum minimize(ForwardModel objective, long seed) {
    Domain dom = objective.domain();
    int d = dom.dimension();
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[particles][d];
    double[][] v = new double[particles][d];
    double[][] pBest = new double[particles][];
    double[] pVal = new double[particles];
    for (double[] p : x) {
      for (int j = 0; j < d; j++) {
        p[j] = dom.lower(j) + r.nextDouble() * (dom.upper(j) - dom.lower(j));
      }
    }
    double[] y = objective.evaluateAll(x);
    long evals = particles;
    int g = 0;
    for (int i = 0; i < particles; i++) {
      pBest[i] = x[i].clone();
      pVal[i] = y[i];
      if (pVal[i] < pVal[g]) {
        g = i;
      }
    }
    double[] gBest = pBest[g].clone();
    double gVal = pVal[g];
    for (int it = 1; it < iterations; it++) {
      for (int i = 0; i < particles; i++) {
        for (int j = 0; j < d; j++) {
          double width = dom.upper(j) - dom.lower(j);
          v[i][j] = 0.7298 * v[i][j]
              + 1.49618 * r.nextDouble() * (pBest[i][j] - x[i][j])
              + 1.49618 * r.nextDouble() * (gBest[j] - x[i][j]);
          v[i][j] = Math.max(-0.2 * width, Math.min(0.2 * width, v[i][j]));
          x[i][j] = Math.max(dom.lower(j), Math.min(dom.upper(j), x[i][j] + v[i][j]));
        }
      }
      y = objective.evaluateAll(x);
      evals += particles;
      for (int i = 0; i < particles; i++) {
        if (y[i] < pVal[i]) {
          pVal[i] = y[i];
          pBest[i] = x[i].clone();
          if (y[i] < gVal) {
            gVal = y[i];
            gBest = x[i].clone();
          }
        }
      }
    }
    return Optimum.of(gBest, gVal, evals);
  }
}
