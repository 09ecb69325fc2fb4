package io.github.nnproxy.manage;

/**
 * Why {@link ManagedOptimization} spent a true evaluation on a point.
 *
 * <p>Immutable and thread-safe, as every enum.
 *
 * <pre>{@code
 * long explored = result.evaluations().stream()
 *     .filter(e -> e.reason() == EvaluationReason.HIGH_SPREAD).count();
 * }</pre>
 */
public enum EvaluationReason {
  /** A point of the initial sample, the proxy's first training data. */
  INITIAL_SAMPLE,
  /** The optimum the optimizer found on the proxy with the round's seed. */
  PROXY_OPTIMUM,
  /**
   * The optimum the optimizer found on the acquisition inside the trust region around the best
   * true point.
   */
  TRUST_REGION,
  /**
   * The minimum, inside the trust region, of a quadratic fitted by least squares to the true
   * points nearest the best one (see {@link ManagedOptimization.Builder#localModel}).
   */
  LOCAL_MODEL,
  /** A distinct local minimum of the acquisition over a pool of points. */
  ACQUISITION_MINIMUM,
  /** The optimum of a restart of the optimizer on the proxy with another seed. */
  RESTART_OPTIMUM,
  /** A point where the ensemble's members disagree most (exploration). */
  HIGH_SPREAD,
  /**
   * A point that trades a low proxy value against its distance from every evaluated point (the
   * weighted merit of Regis and Shoemaker's stochastic RBF method, 2007): exploration for a plain
   * proxy.
   */
  DISTANCE_MERIT,
  /** A point of a local true search around the best true point, after the quality gate tripped. */
  LOCAL_SEARCH,
  /**
   * A space-filling point far from all evaluated points: after the quality gate tripped, or to
   * spend the budget when a round found no new candidate.
   */
  SPACE_FILLING
}
