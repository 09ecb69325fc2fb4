package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.optimize.Optimizer;

/**
 * An optimizer taking part in a study, with the label it is reported under and the seed column,
 * if any, that its results are compared with.
 *
 * <p>Immutable; as thread-safe as the optimizer, which the {@link Optimizer} contract requires to
 * be safe to call concurrently.
 *
 * <pre>{@code
 * StudyOptimizer ga = StudyOptimizer.of(JeneticsOptimizer.paper(), SeedColumn.GA);
 * StudyOptimizer other = new StudyOptimizer("cmaes", SeedColumn.NONE, myCmaes);
 * }</pre>
 *
 * @param label the name in files and plots: non-blank, no comma, quote or line break
 * @param column the seed column it fills, or {@link SeedColumn#NONE}
 * @param optimizer the optimizer
 */
public record StudyOptimizer(String label, SeedColumn column, Optimizer optimizer) {

  /**
   * Validates.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the label is blank or holds a comma, quote or line break
   */
  public StudyOptimizer {
    nonNull(label, "label");
    nonNull(column, "column");
    nonNull(optimizer, "optimizer");
    if (label.isBlank() || label.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n'
        || c == '\r' || c == '/' || c == '\\')) {
      throw new IllegalArgumentException("label must be non-blank without a comma, quote, slash or"
          + " line break, but was '" + label + "'");
    }
  }

  /**
   * Wraps an optimizer under its own {@link Optimizer#name()}.
   *
   * @param optimizer the optimizer
   * @param column the seed column it fills, or {@link SeedColumn#NONE}
   * @return the study optimizer
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the optimizer's name is not a valid label
   */
  public static StudyOptimizer of(Optimizer optimizer, SeedColumn column) {
    nonNull(optimizer, "optimizer");
    return new StudyOptimizer(optimizer.name(), column, optimizer);
  }
}
