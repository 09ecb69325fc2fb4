package io.github.nnproxy.sampling;

import static io.github.nnproxy.internal.Requires.nonNull;
import static io.github.nnproxy.internal.Requires.positive;

import io.github.nnproxy.Domain;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Factories of {@link Sampler}s: uniform, Gaussian (as in the seed study, or truncated to the
 * domain), Latin hypercube and Sobol.
 *
 * <p>Every sampler draws from a {@link SplittableRandom} seeded with the caller's seed, whose
 * algorithm is fixed by its specification, so samples are the same on every JVM.
 *
 * <pre>{@code
 * Sampler s = Samplers.gaussian(new double[] {0, 0}, new double[] {5.0 / 3, 5.0 / 3});
 * double[][] xs = s.sample(Domain.cube(2, -5, 5), 10_000, 1L);
 * }</pre>
 */
public final class Samplers {
  private Samplers() {}

  /**
   * Independent uniform points in the domain.
   *
   * @return the sampler
   */
  public static Sampler uniform() {
    return named("uniform", (domain, n, seed) -> {
      check(domain, n);
      SplittableRandom r = new SplittableRandom(seed);
      int d = domain.dimension();
      double[][] xs = new double[n][d];
      for (double[] x : xs) {
        for (int j = 0; j < d; j++) {
          x[j] = domain.lower(j) + r.nextDouble() * (domain.upper(j) - domain.lower(j));
        }
      }
      return xs;
    });
  }

  /**
   * Independent normal coordinates, {@code x_j ~ N(mean_j, sigma_j^2)}, NOT restricted to the
   * domain: this is the seed study's Gaussian scheme and the default of {@link
   * SamplingScheme#GAUSSIAN}. Points outside the domain are kept (a proxy then learns a slightly
   * larger box). Use {@link #truncatedGaussian(double[], double[])} to keep every point inside.
   *
   * @param mean the mean per coordinate (finite)
   * @param sigma the standard deviation per coordinate (finite, {@code > 0})
   * @return the sampler
   * @throws IllegalArgumentException if the arrays differ in length or hold a bad value
   */
  public static Sampler gaussian(double[] mean, double[] sigma) {
    double[] m = checkGaussian(mean, sigma);
    double[] s = sigma.clone();
    return named("gaussian", (domain, n, seed) -> {
      check(domain, n);
      checkLength(domain, m.length);
      SplittableRandom r = new SplittableRandom(seed);
      double[][] xs = new double[n][m.length];
      for (double[] x : xs) {
        for (int j = 0; j < m.length; j++) {
          x[j] = m[j] + s[j] * r.nextGaussian();
        }
      }
      return xs;
    });
  }

  /**
   * Normal coordinates truncated to the domain: a coordinate that falls outside its bounds is
   * drawn again (rejection), so every point lies in the domain and the density inside is the
   * normal density renormalized. Not the seed's scheme; offered for users who must stay in bounds.
   *
   * @param mean the mean per coordinate (finite)
   * @param sigma the standard deviation per coordinate (finite, {@code > 0})
   * @return the sampler
   * @throws IllegalArgumentException if the arrays differ in length or hold a bad value; at
   *     sampling time, if a mean lies outside the domain
   */
  public static Sampler truncatedGaussian(double[] mean, double[] sigma) {
    double[] m = checkGaussian(mean, sigma);
    double[] s = sigma.clone();
    return named("truncated-gaussian", (domain, n, seed) -> {
      check(domain, n);
      checkLength(domain, m.length);
      if (!domain.contains(m)) {
        throw new IllegalArgumentException("mean must lie in " + domain + " for a truncated Gaussian");
      }
      SplittableRandom r = new SplittableRandom(seed);
      double[][] xs = new double[n][m.length];
      for (double[] x : xs) {
        for (int j = 0; j < m.length; j++) {
          double v;
          do {
            v = m[j] + s[j] * r.nextGaussian();
          } while (v < domain.lower(j) || v > domain.upper(j));
          x[j] = v;
        }
      }
      return xs;
    });
  }

  /**
   * Latin hypercube sampling (McKay, Beckman and Conover, 1979): each coordinate's range is cut
   * into {@code n} equal strata, each stratum holds exactly one point, uniform inside it, and the
   * strata are paired across coordinates by independent random permutations.
   *
   * @return the sampler
   */
  public static Sampler latinHypercube() {
    return named("latin-hypercube", (domain, n, seed) -> {
      check(domain, n);
      SplittableRandom r = new SplittableRandom(seed);
      int d = domain.dimension();
      double[][] xs = new double[n][d];
      int[] perm = new int[n];
      for (int j = 0; j < d; j++) {
        for (int i = 0; i < n; i++) {
          perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
          int k = r.nextInt(i + 1);
          int t = perm[i];
          perm[i] = perm[k];
          perm[k] = t;
        }
        double lo = domain.lower(j);
        double width = domain.upper(j) - lo;
        for (int i = 0; i < n; i++) {
          xs[i][j] = lo + width * (perm[i] + r.nextDouble()) / n;
        }
      }
      return xs;
    });
  }

  /**
   * A randomly shifted Sobol sequence: the points of commons-math3's {@link
   * SobolSequenceGenerator} (Joe and Kuo direction numbers, up to 1000 dimensions), each
   * coordinate shifted modulo 1 by a uniform offset drawn from the seed (a Cranley-Patterson
   * rotation), then scaled to the domain. The shift keeps the low discrepancy and makes different
   * seeds give different point sets.
   *
   * @return the sampler
   */
  public static Sampler sobol() {
    return named("sobol", (domain, n, seed) -> {
      check(domain, n);
      int d = domain.dimension();
      if (d > 1000) {
        throw new IllegalArgumentException("sobol supports dimension <= 1000, but was " + d);
      }
      SobolSequenceGenerator g = new SobolSequenceGenerator(d);
      SplittableRandom r = new SplittableRandom(seed);
      double[] shift = new double[d];
      for (int j = 0; j < d; j++) {
        shift[j] = r.nextDouble();
      }
      double[][] xs = new double[n][];
      for (int i = 0; i < n; i++) {
        double[] u = g.nextVector();
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
          double v = u[j] + shift[j];
          v -= Math.floor(v);
          x[j] = domain.lower(j) + v * (domain.upper(j) - domain.lower(j));
        }
        xs[i] = x;
      }
      return xs;
    });
  }

  private static Sampler named(String name, Sampler s) {
    return new Sampler() {
      @Override
      public double[][] sample(Domain domain, int n, long seed) {
        return s.sample(domain, n, seed);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private static void check(Domain domain, int n) {
    nonNull(domain, "domain");
    positive(n, "n");
  }

  private static void checkLength(Domain domain, int length) {
    if (domain.dimension() != length) {
      throw new IllegalArgumentException("the sampler has dimension " + length
          + ", but the domain has dimension " + domain.dimension());
    }
  }

  private static double[] checkGaussian(double[] mean, double[] sigma) {
    nonNull(mean, "mean");
    nonNull(sigma, "sigma");
    if (mean.length == 0 || mean.length != sigma.length) {
      throw new IllegalArgumentException("mean and sigma must be non-empty and of the same length, "
          + "but had lengths " + mean.length + " and " + sigma.length);
    }
    for (int j = 0; j < mean.length; j++) {
      io.github.nnproxy.internal.Requires.finite(mean[j], "mean[" + j + "]");
      io.github.nnproxy.internal.Requires.positive(sigma[j], "sigma[" + j + "]");
    }
    return mean.clone();
  }
}
