package io.github.nnproxy.benchmark;

import io.github.nnproxy.Domain;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Factories of the standard benchmark functions, each on its usual domain and with its known
 * global minimizer.
 *
 * <p>Definitions follow Surjanovic and Bingham, "Virtual Library of Simulation Experiments: Test
 * Functions and Datasets" (Simon Fraser University), and, for Ackley, Rastrigin and Rosenbrock, the
 * domains of the seed study (Albreiki, Belayouni and Gupta, arXiv 2301.07102). Unlike the seed's
 * notebooks, every function is correct in every dimension: Rastrigin sums all coordinates (theirs
 * summed only the first 4 in 10-D) and Rosenbrock sums over the coordinates of one point (theirs
 * looped over the rows of a batch). Rosenbrock is not divided by 1000 as in the seed: a {@link
 * io.github.nnproxy.proxy.Proxy} standardizes its targets, so no scaling by hand is needed, and
 * the minimizer is the same.
 *
 * <p>The functions are immutable, thread-safe and {@link java.io.Serializable}, so a cluster
 * backend can ship them to its workers.
 *
 * <pre>{@code
 * BenchmarkFunction f = Benchmarks.rastrigin(10);
 * BenchmarkFunction g = Benchmarks.byName("rosenbrock", 4);
 * }</pre>
 */
public final class Benchmarks {
  private static final double TWO_PI = 2 * Math.PI;

  /** The minimizing coordinate of Styblinski-Tang: the root of 4x^3 - 32x + 5 near -2.9035. */
  static final double STYBLINSKI_TANG_ARGMIN = newton(x -> 4 * x * x * x - 32 * x + 5,
      x -> 12 * x * x - 32, -2.9);

  /** The minimizing coordinate of Schwefel: the root of sin(sqrt x) + sqrt(x)/2 cos(sqrt x) near 420.97. */
  static final double SCHWEFEL_ARGMIN = newton(
      x -> Math.sin(Math.sqrt(x)) + 0.5 * Math.sqrt(x) * Math.cos(Math.sqrt(x)),
      x -> {
        double s = Math.sqrt(x);
        return 0.75 * Math.cos(s) / s - 0.25 * Math.sin(s);
      },
      421.0);

  private Benchmarks() {}

  /** Names accepted by {@link #byName(String, int)}. */
  public static final List<String> NAMES = List.of(
      "ackley", "rastrigin", "rosenbrock", "sphere", "griewank", "levy", "styblinski-tang",
      "schwefel");

  /**
   * Returns the benchmark function of the given name and dimension.
   *
   * @param name one of {@link #NAMES}, case-insensitive ({@code styblinskitang} and
   *     {@code styblinski_tang} are accepted too)
   * @param d the dimension, {@code >= 1} ({@code >= 2} for Rosenbrock)
   * @return the function
   * @throws IllegalArgumentException if the name is unknown or the dimension invalid
   */
  public static BenchmarkFunction byName(String name, int d) {
    io.github.nnproxy.internal.Requires.nonNull(name, "name");
    String key = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (key) {
      case "ackley" -> ackley(d);
      case "rastrigin" -> rastrigin(d);
      case "rosenbrock" -> rosenbrock(d);
      case "sphere" -> sphere(d);
      case "griewank" -> griewank(d);
      case "levy" -> levy(d);
      case "styblinski-tang", "styblinskitang" -> styblinskiTang(d);
      case "schwefel" -> schwefel(d);
      default -> throw new IllegalArgumentException(
          "name must be one of " + NAMES + ", but was '" + name + "'");
    };
  }

  /**
   * Ackley: {@code -20 exp(-0.2 sqrt(mean x_i^2)) - exp(mean cos(2 pi x_i)) + 20 + e} on
   * {@code [-5, 5]^d}; minimum 0 at the origin.
   *
   * @param d the dimension, {@code >= 1}
   * @return the function
   * @throws IllegalArgumentException if {@code d < 1}
   */
  public static BenchmarkFunction ackley(int d) {
    checkDimension(d, 1);
    return new StandardFunction("ackley", Domain.cube(d, -5, 5), new double[d], 0.0, x -> {
      double sq = 0;
      double cos = 0;
      for (double xi : x) {
        sq += xi * xi;
        cos += Math.cos(TWO_PI * xi);
      }
      double v = -20 * Math.exp(-0.2 * Math.sqrt(sq / x.length)) - Math.exp(cos / x.length) + 20
          + Math.E;
      return Math.max(0.0, v); // rounding gives -4.4e-16 at the origin; the minimum is exactly 0
    });
  }

  /**
   * Rastrigin: {@code 10 d + sum(x_i^2 - 10 cos(2 pi x_i))} on {@code [-5.12, 5.12]^d}; minimum 0
   * at the origin.
   *
   * @param d the dimension, {@code >= 1}
   * @return the function
   * @throws IllegalArgumentException if {@code d < 1}
   */
  public static BenchmarkFunction rastrigin(int d) {
    checkDimension(d, 1);
    return new StandardFunction("rastrigin", Domain.cube(d, -5.12, 5.12), new double[d], x -> {
      double s = 10.0 * x.length;
      for (double xi : x) {
        s += xi * xi - 10 * Math.cos(TWO_PI * xi);
      }
      return s;
    });
  }

  /**
   * Rosenbrock: {@code sum_{i<d} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2} on
   * {@code [-2.048, 2.048]^d}; minimum 0 at {@code (1, ..., 1)}.
   *
   * @param d the dimension, {@code >= 2}
   * @return the function
   * @throws IllegalArgumentException if {@code d < 2}
   */
  public static BenchmarkFunction rosenbrock(int d) {
    checkDimension(d, 2);
    double[] ones = new double[d];
    Arrays.fill(ones, 1.0);
    return new StandardFunction("rosenbrock", Domain.cube(d, -2.048, 2.048), ones, x -> {
      double s = 0;
      for (int i = 0; i + 1 < x.length; i++) {
        double a = x[i + 1] - x[i] * x[i];
        double b = 1 - x[i];
        s += 100 * a * a + b * b;
      }
      return s;
    });
  }

  /**
   * Sphere: {@code sum x_i^2} on {@code [-5.12, 5.12]^d}; minimum 0 at the origin.
   *
   * @param d the dimension, {@code >= 1}
   * @return the function
   * @throws IllegalArgumentException if {@code d < 1}
   */
  public static BenchmarkFunction sphere(int d) {
    checkDimension(d, 1);
    return new StandardFunction("sphere", Domain.cube(d, -5.12, 5.12), new double[d], x -> {
      double s = 0;
      for (double xi : x) {
        s += xi * xi;
      }
      return s;
    });
  }

  /**
   * Griewank: {@code 1 + sum x_i^2 / 4000 - prod cos(x_i / sqrt(i))} (i from 1) on
   * {@code [-600, 600]^d}; minimum 0 at the origin.
   *
   * @param d the dimension, {@code >= 1}
   * @return the function
   * @throws IllegalArgumentException if {@code d < 1}
   */
  public static BenchmarkFunction griewank(int d) {
    checkDimension(d, 1);
    return new StandardFunction("griewank", Domain.cube(d, -600, 600), new double[d], x -> {
      double s = 0;
      double p = 1;
      for (int i = 0; i < x.length; i++) {
        s += x[i] * x[i] / 4000.0;
        p *= Math.cos(x[i] / Math.sqrt(i + 1.0));
      }
      return 1 + s - p;
    });
  }

  /**
   * Levy: with {@code w_i = 1 + (x_i - 1) / 4},
   * {@code sin^2(pi w_1) + sum_{i<d} (w_i - 1)^2 (1 + 10 sin^2(pi w_i + 1))
   * + (w_d - 1)^2 (1 + sin^2(2 pi w_d))} on {@code [-10, 10]^d}; minimum 0 at {@code (1, ..., 1)}.
   *
   * @param d the dimension, {@code >= 1}
   * @return the function
   * @throws IllegalArgumentException if {@code d < 1}
   */
  public static BenchmarkFunction levy(int d) {
    checkDimension(d, 1);
    double[] ones = new double[d];
    Arrays.fill(ones, 1.0);
    return new StandardFunction("levy", Domain.cube(d, -10, 10), ones, 0.0, x -> {
      int n = x.length;
      double w1 = 1 + (x[0] - 1) / 4;
      double s = sq(Math.sin(Math.PI * w1));
      for (int i = 0; i < n - 1; i++) {
        double w = 1 + (x[i] - 1) / 4;
        s += sq(w - 1) * (1 + 10 * sq(Math.sin(Math.PI * w + 1)));
      }
      double wd = 1 + (x[n - 1] - 1) / 4;
      s += sq(wd - 1) * (1 + sq(Math.sin(TWO_PI * wd)));
      return s;
    });
  }

  /**
   * Styblinski-Tang: {@code 0.5 sum(x_i^4 - 16 x_i^2 + 5 x_i)} on {@code [-5, 5]^d}; minimum about
   * {@code -39.16617 d} at {@code x_i = -2.903534} (the root of {@code 4x^3 - 32x + 5}).
   *
   * @param d the dimension, {@code >= 1}
   * @return the function
   * @throws IllegalArgumentException if {@code d < 1}
   */
  public static BenchmarkFunction styblinskiTang(int d) {
    checkDimension(d, 1);
    double[] opt = new double[d];
    Arrays.fill(opt, STYBLINSKI_TANG_ARGMIN);
    return new StandardFunction("styblinski-tang", Domain.cube(d, -5, 5), opt, x -> {
      double s = 0;
      for (double xi : x) {
        double x2 = xi * xi;
        s += x2 * x2 - 16 * x2 + 5 * xi;
      }
      return 0.5 * s;
    });
  }

  /**
   * Schwefel: {@code 418.9829 d - sum x_i sin(sqrt|x_i|)} on {@code [-500, 500]^d}; minimum about
   * {@code 1.3e-5 d} (0 to the constant's precision) at {@code x_i = 420.9687}.
   *
   * @param d the dimension, {@code >= 1}
   * @return the function
   * @throws IllegalArgumentException if {@code d < 1}
   */
  public static BenchmarkFunction schwefel(int d) {
    checkDimension(d, 1);
    double[] opt = new double[d];
    Arrays.fill(opt, SCHWEFEL_ARGMIN);
    return new StandardFunction("schwefel", Domain.cube(d, -500, 500), opt, x -> {
      double s = 418.9829 * x.length;
      for (double xi : x) {
        s -= xi * Math.sin(Math.sqrt(Math.abs(xi)));
      }
      return s;
    });
  }

  private static double sq(double v) {
    return v * v;
  }

  private static void checkDimension(int d, int min) {
    if (d < min) {
      throw new IllegalArgumentException("d must be >= " + min + ", but was " + d);
    }
  }

  private static double newton(
      java.util.function.DoubleUnaryOperator f, java.util.function.DoubleUnaryOperator df,
      double x0) {
    double x = x0;
    for (int i = 0; i < 100; i++) {
      double step = f.applyAsDouble(x) / df.applyAsDouble(x);
      x -= step;
      if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(x))) {
        break;
      }
    }
    return x;
  }
}
