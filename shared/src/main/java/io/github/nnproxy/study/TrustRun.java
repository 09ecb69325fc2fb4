package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.internal.Requires;

/**
 * One run of a {@link TrustStudy}: which cell, optimizer, seed and method, and how it ended,
 * judged on the true function. One row of {@code trust.csv}.
 *
 * <p>Immutable.
 *
 * <pre>{@code
 * TrustRun r = result.runs().get(0);
 * System.out.println(r.method().letter() + ": " + r.distance() + " after " + r.trueEvaluations());
 * }</pre>
 *
 * @param function the benchmark function's name
 * @param dimension its dimension
 * @param scheme the sampling scheme's label; empty for {@link TrustMethod#TRUTH_FULL}, which does
 *     not depend on the scheme
 * @param optimizer the optimizer's label
 * @param seed the user's seed
 * @param method the method
 * @param distance the Euclidean distance from the answer to the true optimum
 * @param trueValue the true function's value at the answer
 * @param trueEvaluations the true evaluations spent: the training sample for {@link
 *     TrustMethod#OFFLINE_PROXY}, the whole loop (initial sample included) for {@link
 *     TrustMethod#MANAGED}, the optimizer's evaluations for the truth runs
 */
public record TrustRun(String function, int dimension, String scheme, String optimizer, long seed,
    TrustMethod method, double distance, double trueValue, long trueEvaluations) {

  /**
   * Validates.
   *
   * @throws NullPointerException if a text or the method is null
   * @throws IllegalArgumentException if {@code dimension <= 0} or {@code trueEvaluations < 0}
   */
  public TrustRun {
    nonNull(function, "function");
    nonNull(scheme, "scheme");
    nonNull(optimizer, "optimizer");
    nonNull(method, "method");
    Requires.positive(dimension, "dimension");
    Requires.nonNegative(trueEvaluations, "trueEvaluations");
  }
}
