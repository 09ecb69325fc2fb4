package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

/**
 * The runs of one cell of a study summarized over its seeds: a row of {@code summary.csv}.
 *
 * <p>A cell is a function, dimension, scheme, optimizer and objective; truth cells have an empty
 * scheme. Standard deviations are population standard deviations ({@code ddof = 0}), as in the
 * seed study's table; see {@link MeanStd}. Immutable.
 *
 * <pre>{@code
 * for (CellSummary c : result.cells()) {
 *   System.out.printf("%s %d-D %s %s: %.4f +- %.4f%n", c.function(), c.dimension(), c.scheme(),
 *       c.optimizer(), c.distance().mean(), c.distance().std());
 * }
 * }</pre>
 *
 * @param function the benchmark function's name
 * @param dimension the dimension
 * @param scheme the sampling scheme's label, empty for truth cells
 * @param optimizer the optimizer's label
 * @param objective what the runs minimized
 * @param runs the number of runs (seeds)
 * @param distance the distance from the point found to the true minimizer
 * @param regret the true value at the point found minus the true minimum
 * @param proxyError the proxy's absolute error at the point found; {@link MeanStd#NONE} for truth
 * @param evaluations the objective evaluations per run
 * @param inDomainShare the share of runs whose point lies in the domain
 * @param validationRmse the proxy's validation RMSE; NaN for truth cells
 * @param validationR2 the proxy's validation R2; NaN for truth cells
 * @param validationSpearman the proxy's Spearman rank correlation on the validation points; NaN
 *     for truth cells
 * @param lowDecileRmse the proxy's RMSE on the validation points with the lowest tenth of true
 *     values; NaN for truth cells
 */
public record CellSummary(
    String function,
    int dimension,
    String scheme,
    String optimizer,
    Objective objective,
    int runs,
    MeanStd distance,
    MeanStd regret,
    MeanStd proxyError,
    MeanStd evaluations,
    double inDomainShare,
    double validationRmse,
    double validationR2,
    double validationSpearman,
    double lowDecileRmse) {

  /**
   * Creates a summary without the rank measures (NaN): the components of nnproxy 0.1.
   *
   * @param function the benchmark function's name
   * @param dimension the dimension
   * @param scheme the sampling scheme's label, empty for truth cells
   * @param optimizer the optimizer's label
   * @param objective what the runs minimized
   * @param runs the number of runs (seeds)
   * @param distance the distance from the point found to the true minimizer
   * @param regret the true value at the point found minus the true minimum
   * @param proxyError the proxy's absolute error at the point found
   * @param evaluations the objective evaluations per run
   * @param inDomainShare the share of runs whose point lies in the domain
   * @param validationRmse the proxy's validation RMSE; NaN for truth cells
   * @param validationR2 the proxy's validation R2; NaN for truth cells
   */
  public CellSummary(String function, int dimension, String scheme, String optimizer,
      Objective objective, int runs, MeanStd distance, MeanStd regret, MeanStd proxyError,
      MeanStd evaluations, double inDomainShare, double validationRmse, double validationR2) {
    this(function, dimension, scheme, optimizer, objective, runs, distance, regret, proxyError,
        evaluations, inDomainShare, validationRmse, validationR2, Double.NaN, Double.NaN);
  }

  /**
   * Validates.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if {@code runs <= 0}
   */
  public CellSummary {
    nonNull(function, "function");
    nonNull(scheme, "scheme");
    nonNull(optimizer, "optimizer");
    nonNull(objective, "objective");
    nonNull(distance, "distance");
    nonNull(regret, "regret");
    nonNull(proxyError, "proxyError");
    nonNull(evaluations, "evaluations");
    io.github.nnproxy.internal.Requires.positive(runs, "runs");
  }
}
