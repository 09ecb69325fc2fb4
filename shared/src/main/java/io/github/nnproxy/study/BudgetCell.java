package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.internal.Requires;

/**
 * One cell of a {@link BudgetStudy}: a function, a dimension and a budget of true evaluations.
 *
 * @param function the benchmark function's name
 * @param dimension its dimension, {@code > 0}
 * @param factor the budget per dimension, {@code > 0}
 * @param heldOut whether the function was kept aside from tuning the loop
 */
public record BudgetCell(String function, int dimension, int factor, boolean heldOut) {

  /**
   * Validates the cell.
   *
   * @throws NullPointerException if {@code function} is null
   * @throws IllegalArgumentException if {@code dimension} or {@code factor} is not positive
   */
  public BudgetCell {
    nonNull(function, "function");
    Requires.positive(dimension, "dimension");
    Requires.positive(factor, "factor");
  }

  /**
   * Returns the budget of true evaluations.
   *
   * @return {@code factor * dimension}
   */
  public int budget() {
    return factor * dimension;
  }

  /**
   * Returns the cell's name in files: {@code <function>-<d>d-B<budget>}.
   *
   * @return the name
   */
  public String fileName() {
    return function + "-" + dimension + "d-B" + budget();
  }

  @Override
  public String toString() {
    return function + " " + dimension + "-D, B = " + factor + "·d = " + budget()
        + (heldOut ? " (held out)" : "");
  }
}
