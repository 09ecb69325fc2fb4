package io.github.nnproxy.manage;

/**
 * What {@link ManagedOptimization} minimizes on its proxy to choose the next true evaluations:
 * the ensemble's mean alone, or the mean traded against the members' spread, so that a point the
 * ensemble does not know can win over a point it merely predicts low.
 *
 * <p>With a one-member ensemble the spread is 0 and every acquisition is the mean.
 *
 * <p>Immutable and thread-safe, as every enum.
 *
 * <pre>{@code
 * ManagedOptimization m = ManagedOptimization.builder().ensembleSize(3)
 *     .acquisition(Acquisition.LOWER_CONFIDENCE_BOUND).explorationWeight(1.0).build();
 * }</pre>
 */
public enum Acquisition {
  /** The ensemble's mean: the proxy's own optimum, pure exploitation. */
  MEAN,
  /**
   * {@code mean - kappa * spread}, kappa being {@link ManagedOptimization.Builder#explorationWeight}:
   * the lower confidence bound of Srinivas et al. (GP-UCB, 2010), with the ensemble's spread in
   * place of a Gaussian process's standard deviation.
   */
  LOWER_CONFIDENCE_BOUND,
  /**
   * Minus the expected improvement over the best true value, with the ensemble's mean and
   * spread as a Gaussian belief (Jones, Schonlau and Welch, 1998); a tiny share of the mean
   * breaks ties where the expected improvement is 0.
   */
  EXPECTED_IMPROVEMENT
}
