package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.util.EnumMap;
import java.util.Map;

/**
 * The summary of one cell (function, dimension, scheme) and optimizer of a {@link TrustStudy}:
 * mean and standard deviation over the seeds of the distance to the true optimum, the true value
 * and the true evaluations of each {@link TrustMethod}, whether the goal holds, and why not.
 *
 * <p>The goal: the managed loop (b) ends at least as close to the optimum as the optimizer's
 * full run on the truth (d), within the study's closeness, while using at most the study's budget
 * share (5% by default) of (d)'s true evaluations.
 *
 * <p>Immutable: the maps are unmodifiable copies.
 *
 * <pre>{@code
 * for (TrustCell c : result.cells()) {
 *   System.out.println(c.function() + " " + c.scheme() + " " + c.optimizer() + ": "
 *       + c.distance(TrustMethod.MANAGED).mean() + (c.goalHolds() ? "" : " (" + c.reason() + ")"));
 * }
 * }</pre>
 *
 * @param function the function's name
 * @param dimension its dimension
 * @param scheme the scheme's label
 * @param optimizer the optimizer's label
 * @param distances per method, the distance to the true optimum over the seeds
 * @param trueValues per method, the true value at the answer over the seeds
 * @param trueEvaluations per method, the true evaluations over the seeds
 * @param goalHolds whether the goal holds
 * @param reason why the goal does not hold, generated from the runs; empty when it holds
 */
public record TrustCell(String function, int dimension, String scheme, String optimizer,
    Map<TrustMethod, MeanStd> distances, Map<TrustMethod, MeanStd> trueValues,
    Map<TrustMethod, MeanStd> trueEvaluations, boolean goalHolds, String reason) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a map misses a method
   */
  public TrustCell {
    nonNull(function, "function");
    nonNull(scheme, "scheme");
    nonNull(optimizer, "optimizer");
    nonNull(reason, "reason");
    distances = complete(distances, "distances");
    trueValues = complete(trueValues, "trueValues");
    trueEvaluations = complete(trueEvaluations, "trueEvaluations");
  }

  private static Map<TrustMethod, MeanStd> complete(Map<TrustMethod, MeanStd> m, String name) {
    nonNull(m, name);
    for (TrustMethod t : TrustMethod.values()) {
      if (!m.containsKey(t)) {
        throw new IllegalArgumentException(name + " must hold every method, but missed " + t);
      }
    }
    return Map.copyOf(new EnumMap<>(m));
  }

  /**
   * Returns the distance to the true optimum of a method.
   *
   * @param method the method
   * @return mean and standard deviation over the seeds
   */
  public MeanStd distance(TrustMethod method) {
    return distances.get(nonNull(method, "method"));
  }

  /**
   * Returns the true evaluations of a method.
   *
   * @param method the method
   * @return mean and standard deviation over the seeds
   */
  public MeanStd trueEvaluations(TrustMethod method) {
    return trueEvaluations.get(nonNull(method, "method"));
  }
}
