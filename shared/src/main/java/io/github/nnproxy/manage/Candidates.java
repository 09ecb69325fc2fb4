package io.github.nnproxy.manage;

import io.github.nnproxy.Domain;
import io.github.nnproxy.internal.Vectors;
import io.github.nnproxy.sampling.Samplers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The candidate generators of {@link ManagedRun}; not API, stateless. */
final class Candidates {
  /** Pool points per dimension for high-spread, merit and space-filling candidates. */
  static final int POOL_PER_DIMENSION = 256;
  private static final double[] MERIT_WEIGHTS = {0.3, 0.5, 0.8, 0.95};

  private Candidates() {}

  /**
   * Proposals of a fallback round: Gaussian steps around the best true point, or greedy maximin
   * points of a uniform pool, farthest from the evaluated points first.
   */
  static List<double[]> fallback(Fallback kind, Domain domain, List<double[]> evaluated,
      double[] centre, double radius, int n, long seed) {
    List<double[]> out = new ArrayList<>(n);
    if (kind == Fallback.LOCAL_SEARCH) {
      SplittableRandom r = new SplittableRandom(seed);
      for (int i = 0; i < n; i++) {
        double[] p = new double[centre.length];
        for (int j = 0; j < p.length; j++) {
          double width = domain.upper(j) - domain.lower(j);
          p[j] = centre[j] + radius * width * r.nextGaussian();
        }
        out.add(domain.clamp(p));
      }
      return out;
    }
    double[][] candidates = Samplers.uniform().sample(domain,
        POOL_PER_DIMENSION * domain.dimension(), seed);
    double[] nearest = new double[candidates.length];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (double[] e : evaluated) {
      updateNearest(candidates, nearest, e);
    }
    for (int i = 0; i < n; i++) {
      int far = argMax(nearest);
      out.add(candidates[far]);
      updateNearest(candidates, nearest, candidates[far]);
    }
    return out;
  }

  /**
   * Regis and Shoemaker's weighted merit over a pool of Gaussian steps around the best true point
   * and uniform points: {@code w * scaledProxyValue + (1 - w) * (1 - scaledDistance)}, lowest
   * first, with the weight w of the proxy value cycling through 0.3, 0.5, 0.8, 0.95.
   */
  static List<double[]> merit(ProxyEnsemble model, List<double[]> evaluated,
      List<double[]> chosen, double[] centre, double radius, double tolerance, int n, int cycle,
      long seed) {
    Domain domain = model.domain();
    int size = POOL_PER_DIMENSION * domain.dimension();
    SplittableRandom r = new SplittableRandom(seed);
    double[][] candidates = new double[size][];
    for (int i = 0; i < size; i++) {
      double[] p = new double[centre.length];
      for (int j = 0; j < p.length; j++) {
        double width = domain.upper(j) - domain.lower(j);
        p[j] = i % 2 == 0 ? centre[j] + radius * width * r.nextGaussian()
            : domain.lower(j) + width * r.nextDouble();
      }
      candidates[i] = domain.clamp(p);
    }
    double[] value = model.evaluateAll(candidates);
    double vMin = Double.POSITIVE_INFINITY;
    double vMax = Double.NEGATIVE_INFINITY;
    for (double v : value) {
      vMin = Math.min(vMin, v);
      vMax = Math.max(vMax, v);
    }
    double[] nearest = new double[size];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (double[] e : evaluated) {
      updateNearest(candidates, nearest, e);
    }
    for (double[] c : chosen) {
      updateNearest(candidates, nearest, c);
    }
    List<double[]> out = new ArrayList<>(n);
    for (int c = 0; c < n; c++) {
      double w = MERIT_WEIGHTS[(cycle + c) % MERIT_WEIGHTS.length];
      double dMin = Double.POSITIVE_INFINITY;
      double dMax = 0;
      for (double d : nearest) {
        dMin = Math.min(dMin, d);
        dMax = Math.max(dMax, d);
      }
      int pick = -1;
      double bestMerit = Double.POSITIVE_INFINITY;
      for (int i = 0; i < size; i++) {
        if (nearest[i] <= tolerance) {
          continue;
        }
        double sv = vMax > vMin ? (value[i] - vMin) / (vMax - vMin) : 0;
        double sd = dMax > dMin ? (dMax - nearest[i]) / (dMax - dMin) : 0;
        double merit = w * sv + (1 - w) * sd;
        if (merit < bestMerit) {
          bestMerit = merit;
          pick = i;
        }
      }
      if (pick < 0) {
        break;
      }
      out.add(candidates[pick]);
      updateNearest(candidates, nearest, candidates[pick]);
    }
    return out;
  }

  /** The most pool points of a distinct-minima selection. */
  static final int MAX_MINIMA_POOL = 8192;

  /**
   * Distinct local minima of an acquisition over a pool of uniform points and Gaussian steps
   * (width {@code radius} of each coordinate's width) around the {@code centres} in turn (the
   * best true points, best first): the lowest pool
   * point, then the lowest outside an exclusion ball (radius {@code exclusion} in the unit cube)
   * around every point chosen so far, skipping points within {@code tolerance} of an evaluated
   * or chosen one. A Gaussian step moves each coordinate with probability {@code perturb}
   * (1: all of them) and at least one.
   */
  static List<double[]> distinctMinima(AcquisitionModel acquisition, List<double[]> evaluated,
      List<double[]> chosen, List<double[]> centres, double radius, double perturb,
      double exclusion, double tolerance, int n, long seed) {
    Domain domain = acquisition.domain();
    int d = domain.dimension();
    int size = Math.min(MAX_MINIMA_POOL, 2 * POOL_PER_DIMENSION * d);
    SplittableRandom r = new SplittableRandom(seed);
    double[][] pool = new double[size][];
    for (int i = 0; i < size; i++) {
      double[] p = new double[d];
      if (i % 2 == 0) {
        double[] centre = centres.get((i / 2) % centres.size());
        boolean[] move = new boolean[d];
        boolean any = false;
        for (int j = 0; j < d; j++) {
          move[j] = perturb >= 1 || r.nextDouble() < perturb;
          any |= move[j];
        }
        if (!any) {
          move[r.nextInt(d)] = true;
        }
        for (int j = 0; j < d; j++) {
          double width = domain.upper(j) - domain.lower(j);
          p[j] = move[j] ? centre[j] + radius * width * r.nextGaussian() : centre[j];
        }
      } else {
        for (int j = 0; j < d; j++) {
          double width = domain.upper(j) - domain.lower(j);
          p[j] = domain.lower(j) + width * r.nextDouble();
        }
      }
      pool[i] = domain.clamp(p);
    }
    double[] score = acquisition.evaluateAll(pool);
    boolean[] out = new boolean[size];
    for (int i = 0; i < size; i++) {
      out[i] = !Double.isFinite(score[i]) || near(pool[i], evaluated, tolerance)
          || near(pool[i], chosen, tolerance);
    }
    for (double[] c : chosen) {
      exclude(domain, pool, out, c, exclusion);
    }
    List<double[]> picked = new ArrayList<>(n);
    while (picked.size() < n) {
      int best = -1;
      for (int i = 0; i < size; i++) {
        if (!out[i] && (best < 0 || score[i] < score[best])) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      picked.add(pool[best]);
      out[best] = true;
      exclude(domain, pool, out, pool[best], exclusion);
    }
    return picked;
  }

  private static boolean near(double[] p, List<double[]> points, double tolerance) {
    for (double[] q : points) {
      if (Vectors.distance(p, q) <= tolerance) {
        return true;
      }
    }
    return false;
  }

  private static void exclude(Domain domain, double[][] pool, boolean[] out, double[] c,
      double radius) {
    double r2 = radius * radius;
    for (int i = 0; i < pool.length; i++) {
      if (out[i]) {
        continue;
      }
      double s = 0;
      for (int j = 0; j < c.length; j++) {
        double e = (pool[i][j] - c[j]) / (domain.upper(j) - domain.lower(j));
        s += e * e;
      }
      if (s < r2) {
        out[i] = true;
      }
    }
  }

  /** Pool points with the largest spread, at least 5% of the diagonal apart from each other. */
  static List<double[]> highSpread(ProxyEnsemble model, int n, long seed) {
    Domain domain = model.domain();
    double[][] candidates = Samplers.uniform().sample(domain,
        POOL_PER_DIMENSION * domain.dimension(), seed);
    double[] spread = model.spreadAll(candidates);
    double diagonal = Vectors.distance(domain.lower(), domain.upper());
    List<double[]> out = new ArrayList<>(n);
    while (out.size() < n) {
      int top = argMax(spread);
      if (spread[top] == Double.NEGATIVE_INFINITY) {
        break;
      }
      out.add(candidates[top]);
      for (int i = 0; i < candidates.length; i++) {
        if (Vectors.distance(candidates[i], candidates[top]) < 0.05 * diagonal) {
          spread[i] = Double.NEGATIVE_INFINITY;
        }
      }
    }
    return out;
  }

  private static void updateNearest(double[][] candidates, double[] nearest, double[] p) {
    for (int i = 0; i < candidates.length; i++) {
      nearest[i] = Math.min(nearest[i], Vectors.distance(candidates[i], p));
    }
  }

  private static int argMax(double[] v) {
    int k = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[k]) {
        k = i;
      }
    }
    return k;
  }
}
