package io.github.nnproxy.manage;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.internal.Requires;
import java.util.Arrays;

/**
 * One evaluation of the truth made by {@link ManagedOptimization}: where, the value, in which
 * round, why, and what the proxy predicted there before the value was known.
 *
 * <p>Immutable: the point is copied in and out.
 *
 * <pre>{@code
 * for (TrueEvaluation e : result.evaluations()) {
 *   System.out.println(e.round() + " " + e.reason() + " " + e.value() + " vs " + e.predicted());
 * }
 * }</pre>
 *
 * @param x the point
 * @param value the truth's value there (NaN if the truth failed there)
 * @param round the round, 0 for the initial sample
 * @param reason why the point was chosen
 * @param predicted the proxy's prediction made before evaluating (out of sample); NaN for the
 *     initial sample
 */
public record TrueEvaluation(double[] x, double value, int round, EvaluationReason reason,
    double predicted) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if {@code x} or {@code reason} is null
   * @throws IllegalArgumentException if {@code round < 0}
   */
  public TrueEvaluation {
    nonNull(x, "x");
    nonNull(reason, "reason");
    Requires.nonNegative(round, "round");
    x = x.clone();
  }

  /**
   * Returns a copy of the point.
   *
   * @return the point
   */
  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrueEvaluation e
        && Arrays.equals(x, e.x)
        && Double.compare(value, e.value) == 0
        && round == e.round
        && reason == e.reason
        && Double.compare(predicted, e.predicted) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new Object[] {Arrays.hashCode(x), value, round, reason, predicted});
  }

  @Override
  public String toString() {
    return "TrueEvaluation[x=" + Arrays.toString(x) + ", value=" + value + ", round=" + round
        + ", reason=" + reason + ", predicted=" + predicted + "]";
  }
}
