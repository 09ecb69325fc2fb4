package io.github.nnproxy.optimize;

import io.github.nnproxy.ForwardModel;

/**
 * A single-objective minimizer over a {@link ForwardModel}'s domain: the seam that the Jenetics
 * and jMetal adapters implement and that the stability study runs.
 *
 * <p>Contract: {@link #minimize(ForwardModel, long)} is reproducible (the same objective and seed
 * give an equal {@link Optimum}), reports the number of objective evaluations actually made, and
 * is safe to call from several threads at once on the same optimizer instance.
 *
 * <pre>{@code
 * Optimizer pso = JmetalPsoOptimizer.paper();
 * Optimum onProxy = pso.minimize(proxy, 7L);
 * Optimum onTruth = pso.minimize(truth, 7L);
 * }</pre>
 */
public interface Optimizer {

  /**
   * Returns a short, stable name for reports, e.g. {@code "jmetal-pso-paper"}.
   *
   * @return the name
   */
  String name();

  /**
   * Returns every setting that shapes this optimizer's results (population or swarm size,
   * iterations, operators...), in a stable text: the same settings always give the same text, and
   * it holds no object identities, thread pools or other run-to-run details. The stability study
   * records it to refuse resuming a folder with results of differently configured optimizers.
   * The default returns {@link #name()}; implementations with settings should override it.
   *
   * @return the description
   */
  default String description() {
    return name();
  }

  /**
   * Minimizes the objective over its domain.
   *
   * @param objective the function to minimize
   * @param seed the seed of every random choice the run makes
   * @return the best point found, its objective value and the evaluations made
   * @throws NullPointerException if {@code objective} is null
   */
  Optimum minimize(ForwardModel objective, long seed);
}
