package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.optimize.Optimizer;
import java.util.function.IntFunction;

/**
 * An optimizer taking part in a {@link TrustStudy}: its full-budget form, used on the proxy and
 * on the truth, and a factory of a variant that makes about {@code n} evaluations, for the
 * equal-budget truth runs.
 *
 * <p>Immutable; as thread-safe as the optimizers (the {@link Optimizer} contract requires them to
 * be safe to call concurrently) and the factory.
 *
 * <pre>{@code
 * TrustOptimizer ga = TrustOptimizer.of(JeneticsOptimizer.paper(),
 *     n -> JeneticsOptimizer.paper().toBuilder().evaluations(n).build());
 * }</pre>
 *
 * @param label the name in files: non-blank, no comma, quote, slash or line break
 * @param optimizer the optimizer with its full budget
 * @param equalBudget returns a variant of the optimizer that makes about {@code n} evaluations
 */
public record TrustOptimizer(String label, Optimizer optimizer, IntFunction<Optimizer> equalBudget) {

  /**
   * Validates.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the label is blank or holds a comma, quote, slash or line
   *     break
   */
  public TrustOptimizer {
    nonNull(label, "label");
    nonNull(optimizer, "optimizer");
    nonNull(equalBudget, "equalBudget");
    new StudyOptimizer(label, SeedColumn.NONE, optimizer); // the same label rules
  }

  /**
   * Wraps an optimizer under its own {@link Optimizer#name()}.
   *
   * @param optimizer the optimizer with its full budget
   * @param equalBudget returns a variant that makes about {@code n} evaluations
   * @return the trust optimizer
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the optimizer's name is not a valid label
   */
  public static TrustOptimizer of(Optimizer optimizer, IntFunction<Optimizer> equalBudget) {
    nonNull(optimizer, "optimizer");
    return new TrustOptimizer(optimizer.name(), optimizer, equalBudget);
  }
}
