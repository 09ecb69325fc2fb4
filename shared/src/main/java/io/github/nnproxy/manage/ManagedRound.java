package io.github.nnproxy.manage;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.internal.Requires;
import io.github.nnproxy.optimize.Optimum;

/**
 * What happened in one round of {@link ManagedOptimization}.
 *
 * <p>Immutable.
 *
 * <pre>{@code
 * for (ManagedRound r : result.rounds()) {
 *   System.out.printf("%d: proxy error %.3f, rank corr %.2f%s%n", r.round(), r.proxyError(),
 *       r.gate().correlation(), r.gate().tripped() ? " (gate tripped)" : "");
 * }
 * }</pre>
 *
 * @param round the round, from 1
 * @param proxyOptimum what the optimizer found on this round's proxy (value = the proxy's value)
 * @param trueValueAtOptimum the truth at the proxy's optimum; NaN if it was not evaluated (a
 *     fallback round does not trust the optimum)
 * @param proxyError {@code proxyOptimum.value() - trueValueAtOptimum}: negative when the proxy
 *     promises too much; NaN if the truth was not evaluated there
 * @param moved the distance from the previous round's proxy optimum (infinite in round 1)
 * @param fallback true if this round's candidates came from the fallback, because the gate had
 *     tripped at the end of the previous round
 * @param trueEvaluations the number of true evaluations spent in this round
 * @param gate the quality gate's verdict at the end of this round, on the latest out-of-sample
 *     predictions
 */
public record ManagedRound(int round, Optimum proxyOptimum, double trueValueAtOptimum,
    double proxyError, double moved, boolean fallback, int trueEvaluations, GateAssessment gate) {

  /**
   * Validates.
   *
   * @throws NullPointerException if {@code proxyOptimum} or {@code gate} is null
   * @throws IllegalArgumentException if {@code round < 1} or {@code trueEvaluations < 0}
   */
  public ManagedRound {
    nonNull(proxyOptimum, "proxyOptimum");
    nonNull(gate, "gate");
    Requires.atLeast(round, 1, "round");
    Requires.nonNegative(trueEvaluations, "trueEvaluations");
  }
}
