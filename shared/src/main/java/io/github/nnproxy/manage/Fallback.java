package io.github.nnproxy.manage;

/**
 * What {@link ManagedOptimization} spends the next round's true evaluations on once the {@link
 * QualityGate} has tripped, instead of trusting the proxy's optimum.
 *
 * <p>Immutable and thread-safe, as every enum.
 *
 * <pre>{@code
 * ManagedOptimization m = ManagedOptimization.builder().fallback(Fallback.SPACE_FILLING).build();
 * }</pre>
 */
public enum Fallback {
  /**
   * Gaussian steps around the best true point so far (sigma a share of the domain's width per
   * coordinate, see {@link ManagedOptimization.Builder#localRadius(double)}), clamped to the
   * domain: a small truth-only search that also teaches the proxy where it matters.
   */
  LOCAL_SEARCH,
  /**
   * Points of the domain as far as possible from every evaluated point (greedy maximin over a
   * uniform pool): repairs the proxy where it has seen no data.
   */
  SPACE_FILLING
}
