package io.github.nnproxy.sampling;

import static io.github.nnproxy.internal.Requires.nonNull;
import static io.github.nnproxy.internal.Requires.positive;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import java.util.Locale;

/**
 * The ways the stability study builds a proxy's training set, each knowing its sample size from a
 * base size and its sampler for a benchmark function.
 *
 * <p>The first three are the seed study's schemes: dense uniform (the base size, 10,000 in the
 * seed), sparse uniform (25% of it) and Gaussian around the known optimum with sigma = half-width
 * / 3 per coordinate, not clipped to the domain. Latin hypercube and Sobol use the base size.
 *
 * <pre>{@code
 * int n = SamplingScheme.SPARSE_UNIFORM.sampleSize(10_000);            // 2,500
 * Sampler s = SamplingScheme.GAUSSIAN.sampler(Benchmarks.ackley(2));   // N(0, (5/3)^2) per coordinate
 * }</pre>
 */
public enum SamplingScheme {
  /** Uniform in the domain, the base size. */
  DENSE_UNIFORM,
  /** Uniform in the domain, 25% of the base size. */
  SPARSE_UNIFORM,
  /** Normal around the known optimum, sigma = half-width / 3, not clipped; the base size. */
  GAUSSIAN,
  /** Latin hypercube in the domain, the base size. */
  LATIN_HYPERCUBE,
  /** Randomly shifted Sobol sequence in the domain, the base size. */
  SOBOL;

  /** The seed study's base (dense) sample size. */
  public static final int PAPER_BASE_SIZE = 10_000;

  /**
   * Returns the number of points this scheme draws for a base size.
   *
   * @param baseSize the dense sample size, {@code > 0}
   * @return {@code baseSize}, or {@code max(1, round(baseSize / 4))} for {@link #SPARSE_UNIFORM}
   * @throws IllegalArgumentException if {@code baseSize <= 0}
   */
  public int sampleSize(int baseSize) {
    positive(baseSize, "baseSize");
    return this == SPARSE_UNIFORM ? Math.max(1, Math.round(baseSize / 4.0f)) : baseSize;
  }

  /**
   * Returns this scheme's sampler for a benchmark function (the Gaussian is centred on its known
   * optimum).
   *
   * <p>Deprecated because it is the study's recipe, not sampling's: use {@link
   * io.github.nnproxy.paper.SeedRecipes#sampler(SamplingScheme, BenchmarkFunction)}, which this
   * delegates to.
   *
   * @param f the function
   * @return the sampler
   * @throws NullPointerException if {@code f} is null
   */
  @Deprecated(since = "0.2")
  public Sampler sampler(BenchmarkFunction f) {
    return io.github.nnproxy.paper.SeedRecipes.sampler(this, f);
  }

  /**
   * Returns the scheme's short name in lower case with dashes, e.g. {@code "dense-uniform"}.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses a label ({@code "dense-uniform"}), an enum name ({@code DENSE_UNIFORM}) or a short form
   * ({@code dense}, {@code sparse}, {@code gaussian}, {@code lhs}, {@code sobol}).
   *
   * @param text the text
   * @return the scheme
   * @throws IllegalArgumentException if the text names no scheme
   */
  public static SamplingScheme parse(String text) {
    nonNull(text, "text");
    String key = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (key) {
      case "dense", "dense-uniform", "uniform" -> DENSE_UNIFORM;
      case "sparse", "sparse-uniform" -> SPARSE_UNIFORM;
      case "gaussian", "normal" -> GAUSSIAN;
      case "lhs", "latin-hypercube", "latin" -> LATIN_HYPERCUBE;
      case "sobol" -> SOBOL;
      default -> throw new IllegalArgumentException("scheme must be one of dense, sparse, gaussian, "
          + "lhs, sobol, but was '" + text + "'");
    };
  }

}
