package io.github.nnproxy.sampling;

import io.github.nnproxy.Domain;

/**
 * Draws the points at which a forward model is evaluated to build a proxy's training set.
 *
 * <p>Contract: the same domain, size and seed give the same points, on any thread and any JVM;
 * implementations from {@link Samplers} are stateless and thread-safe.
 *
 * <pre>{@code
 * double[][] xs = Samplers.latinHypercube().sample(Domain.cube(4, -5, 5), 1000, 42L);
 * }</pre>
 */
@FunctionalInterface
public interface Sampler {

  /**
   * Draws {@code n} points.
   *
   * @param domain the domain to sample
   * @param n the number of points, {@code > 0}
   * @param seed the seed
   * @return {@code n} new arrays of length {@code domain.dimension()}
   * @throws NullPointerException if {@code domain} is null
   * @throws IllegalArgumentException if {@code n <= 0} or the sampler does not fit the domain
   */
  double[][] sample(Domain domain, int n, long seed);
}
