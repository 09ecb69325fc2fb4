package io.github.nnproxy.manage;

/**
 * Why a {@link ManagedOptimization} run ended.
 *
 * <p>Immutable and thread-safe, as every enum.
 *
 * <pre>{@code
 * if (result.stopReason() == StopReason.BUDGET_SPENT) { ... a larger budget may help ... }
 * }</pre>
 */
public enum StopReason {
  /** Every true evaluation of the budget was spent. */
  BUDGET_SPENT,
  /** The proxy's optimum moved less than the tolerance between two trusted rounds. */
  CONVERGED,
  /** The maximal number of rounds was run. */
  MAX_ROUNDS
}
