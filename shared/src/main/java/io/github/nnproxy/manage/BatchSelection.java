package io.github.nnproxy.manage;

/**
 * How {@link ManagedOptimization} fills the true evaluations of a round after the optimizer's
 * own proposals (the acquisition's optimum, its optimum inside the trust region, the restarts).
 *
 * <p>Immutable and thread-safe, as every enum.
 *
 * <pre>{@code
 * ManagedOptimization m = ManagedOptimization.builder()
 *     .batchSelection(BatchSelection.DISTINCT_MINIMA).build();
 * }</pre>
 */
public enum BatchSelection {
  /**
   * For an ensemble, the points where the members disagree most, then distance-merit points
   * (Regis and Shoemaker's weighted merit): the loop's first scheme.
   */
  SPREAD_AND_MERIT,
  /**
   * Distinct local minima of the acquisition over a pool of uniform points and Gaussian steps
   * around the best true point (their width the trust region's, when it is on): the lowest pool
   * point first, then the lowest outside an exclusion ball around every point already chosen,
   * so that one round's batch spreads over several basins instead of piling into one.
   */
  DISTINCT_MINIMA
}
