package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

/**
 * One run of a {@link BudgetStudy}, judged on the truth.
 *
 * @param function the benchmark function's name
 * @param dimension its dimension
 * @param budget the budget of true evaluations
 * @param method the method
 * @param optimizer the optimizer's label; empty for {@link BudgetMethod#LHS}
 * @param seed the study seed
 * @param runSeed the seed the run used, derived from the seed and the run's place in the grid
 * @param evaluations the true evaluations counted, at most the budget
 * @param regret the best true value seen minus the optimal value
 * @param distance the Euclidean distance of the best true point to the optimum
 * @param x the best true point
 * @param trace the regret of the best true value after each true evaluation, one entry per
 *     evaluation counted
 * @param wallSeconds the run's wall time
 * @param truthSeconds the part of it spent inside the true function
 */
public record BudgetRun(String function, int dimension, int budget, BudgetMethod method,
    String optimizer, long seed, long runSeed, int evaluations, double regret, double distance,
    double[] x, double[] trace, double wallSeconds, double truthSeconds) {

  /**
   * Validates and copies the arrays.
   *
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if the trace's length is not {@code evaluations}
   */
  public BudgetRun {
    nonNull(function, "function");
    nonNull(method, "method");
    nonNull(optimizer, "optimizer");
    x = nonNull(x, "x").clone();
    trace = nonNull(trace, "trace").clone();
    if (trace.length != evaluations) {
      throw new IllegalArgumentException("trace must have one entry per evaluation ("
          + evaluations + "), but had " + trace.length);
    }
  }

  /**
   * Returns the best true point.
   *
   * @return a copy
   */
  @Override
  public double[] x() {
    return x.clone();
  }

  /**
   * Returns the regret after each true evaluation.
   *
   * @return a copy
   */
  @Override
  public double[] trace() {
    return trace.clone();
  }

  /**
   * Returns the method and optimizer as one label: {@code managed-pso}, {@code lhs}.
   *
   * @return the label
   */
  public String label() {
    return label(method, optimizer);
  }

  /**
   * Returns the wall time per true evaluation spent outside the truth: training and optimizing
   * the proxy, or running the optimizer.
   *
   * @return seconds per true evaluation
   */
  public double overheadPerEvaluation() {
    return evaluations == 0 ? 0 : Math.max(0, wallSeconds - truthSeconds) / evaluations;
  }

  /** The label of a method and an optimizer. */
  static String label(BudgetMethod method, String optimizer) {
    return optimizer.isEmpty() ? method.label() : method.label() + "-" + optimizer;
  }

  /** The regret after the first n evaluations (the last entry for a shorter trace). */
  double regretAfter(int n) {
    return trace[Math.min(n, trace.length) - 1];
  }
}
