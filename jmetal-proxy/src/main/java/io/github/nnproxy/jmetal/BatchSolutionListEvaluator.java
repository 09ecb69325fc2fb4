package io.github.nnproxy.jmetal;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.util.List;
import org.uma.jmetal.problem.Problem;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.util.evaluator.SolutionListEvaluator;

/**
 * A jMetal {@link SolutionListEvaluator} that scores a whole swarm or population of a {@link
 * ProxyProblem} with one batched {@link io.github.nnproxy.ForwardModel#evaluateAll(double[][])}
 * call, for the classic jMetal algorithms (StandardPSO2007/2011, GA, DE...) that take such an
 * evaluator.
 *
 * <p>The values are exactly those of evaluating one by one. Any other problem is evaluated one
 * solution at a time, in list order, like jMetal's {@code SequentialSolutionListEvaluator}. All
 * work happens on the calling thread: unlike jMetal's multi-threaded evaluators, this one creates
 * no threads and sets no system property.
 *
 * <pre>{@code
 * ProxyProblem problem = ProxyProblem.of(original, proxy);
 * var pso = new StandardPSO2011(problem, 40, 500, 3, BatchSolutionListEvaluator.of());
 * pso.run();
 * }</pre>
 *
 * <p>Immutable and thread-safe (it holds no state).
 */
public final class BatchSolutionListEvaluator implements SolutionListEvaluator<DoubleSolution> {

  private static final long serialVersionUID = 1L;

  private static final BatchSolutionListEvaluator INSTANCE = new BatchSolutionListEvaluator();

  private BatchSolutionListEvaluator() {}

  /**
   * Returns the evaluator.
   *
   * @return the (stateless, shared) evaluator
   */
  public static BatchSolutionListEvaluator of() {
    return INSTANCE;
  }

  /**
   * Evaluates every solution of the list in place.
   *
   * @param solutions the solutions
   * @param problem the problem; a {@link ProxyProblem} is evaluated in one batch
   * @return {@code solutions}
   * @throws NullPointerException if an argument is null
   */
  @Override
  public List<DoubleSolution> evaluate(
      List<DoubleSolution> solutions, Problem<DoubleSolution> problem) {
    nonNull(solutions, "solutions");
    nonNull(problem, "problem");
    if (problem instanceof ProxyProblem p) {
      return p.evaluateAll(solutions);
    }
    for (DoubleSolution s : solutions) {
      problem.evaluate(s);
    }
    return solutions;
  }

  /** Does nothing: the evaluator owns no threads. */
  @Override
  public void shutdown() {
    // nothing to release
  }

  @Override
  public String toString() {
    return "BatchSolutionListEvaluator";
  }
}
