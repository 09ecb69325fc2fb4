package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

/**
 * One method's results in one cell of a {@link BudgetStudy}, over the seeds: final regret
 * (median and quartiles), median distance to the optimum, true evaluations, wall-time overhead
 * per true evaluation, and the convergence curve (the regret of the best true value after each
 * true evaluation: median and quartiles over the seeds; a run that stopped early keeps its last
 * value).
 *
 * @param cell the cell
 * @param method the method
 * @param optimizer the optimizer's label; empty for {@link BudgetMethod#LHS}
 * @param runs the number of seeds summarized
 * @param medianRegret the median final regret
 * @param lowerRegret the first quartile of the final regret
 * @param upperRegret the third quartile of the final regret
 * @param medianDistance the median distance of the best true point to the optimum
 * @param medianEvaluations the median number of true evaluations made
 * @param overheadPerEvaluation the median wall time per true evaluation spent outside the truth,
 *     in seconds
 * @param curve the median regret after evaluation {@code i + 1}, one entry per evaluation of the
 *     budget
 * @param curveLower the first quartile of the same
 * @param curveUpper the third quartile of the same
 */
public record BudgetSummary(BudgetCell cell, BudgetMethod method, String optimizer, int runs,
    double medianRegret, double lowerRegret, double upperRegret, double medianDistance,
    double medianEvaluations, double overheadPerEvaluation, double[] curve, double[] curveLower,
    double[] curveUpper) {

  /**
   * Validates and copies the curves.
   *
   * @throws NullPointerException if an object argument is null
   */
  public BudgetSummary {
    nonNull(cell, "cell");
    nonNull(method, "method");
    nonNull(optimizer, "optimizer");
    curve = nonNull(curve, "curve").clone();
    curveLower = nonNull(curveLower, "curveLower").clone();
    curveUpper = nonNull(curveUpper, "curveUpper").clone();
  }

  /**
   * Returns the method and optimizer as one label, as {@link BudgetRun#label()}.
   *
   * @return the label
   */
  public String label() {
    return BudgetRun.label(method, optimizer);
  }

  /**
   * Returns the median convergence curve.
   *
   * @return a copy
   */
  @Override
  public double[] curve() {
    return curve.clone();
  }

  /**
   * Returns the first quartile of the convergence curve.
   *
   * @return a copy
   */
  @Override
  public double[] curveLower() {
    return curveLower.clone();
  }

  /**
   * Returns the third quartile of the convergence curve.
   *
   * @return a copy
   */
  @Override
  public double[] curveUpper() {
    return curveUpper.clone();
  }

  /**
   * Returns the first true evaluation after which the median curve is at or below a regret.
   *
   * @param regret the regret to reach
   * @return the 1-based evaluation count, or -1 if the median curve never reaches it
   */
  public int evaluationsToReach(double regret) {
    for (int i = 0; i < curve.length; i++) {
      if (curve[i] <= regret) {
        return i + 1;
      }
    }
    return -1;
  }
}
