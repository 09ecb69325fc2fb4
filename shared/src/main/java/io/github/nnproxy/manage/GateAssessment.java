package io.github.nnproxy.manage;

/**
 * The verdict of a {@link QualityGate} on one window of proxy and true values.
 *
 * <p>Immutable.
 *
 * <pre>{@code
 * GateAssessment a = QualityGate.of(0.3, 10).assess(proxyValues, trueValues);
 * if (a.tripped()) { ... spend the next true evaluations without trusting the proxy ... }
 * }</pre>
 *
 * @param correlation Spearman's rank correlation of proxy and truth on the window, in [-1, 1];
 *     0 when one side is constant (it ranks nothing); NaN when there were too few pairs
 * @param pairs the number of finite (proxy, truth) pairs in the window
 * @param threshold the gate's threshold
 * @param tripped true if the correlation was assessed and fell below the threshold
 */
public record GateAssessment(double correlation, int pairs, double threshold, boolean tripped) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if {@code pairs < 0}, or {@code tripped} is set without an
   *     assessed correlation
   */
  public GateAssessment {
    if (pairs < 0) {
      throw new IllegalArgumentException("pairs must be >= 0, but was " + pairs);
    }
    if (tripped && Double.isNaN(correlation)) {
      throw new IllegalArgumentException("a gate cannot trip without an assessed correlation");
    }
  }

  /**
   * Tells whether there were enough pairs to judge.
   *
   * @return true if {@link #correlation()} is a number
   */
  public boolean assessed() {
    return !Double.isNaN(correlation);
  }
}
