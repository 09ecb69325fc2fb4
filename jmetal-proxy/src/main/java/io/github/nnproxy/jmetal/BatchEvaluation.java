package io.github.nnproxy.jmetal;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.uma.jmetal.component.catalogue.common.evaluation.Evaluation;
import org.uma.jmetal.problem.Problem;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;

/**
 * A jmetal-component {@link Evaluation} that scores a whole swarm or population of a {@link
 * ProxyProblem} with one batched {@link io.github.nnproxy.ForwardModel#evaluateAll(double[][])}
 * call: the component-framework counterpart of {@link BatchSolutionListEvaluator}, for algorithms
 * such as {@code ParticleSwarmOptimizationAlgorithm} or the component NSGA-II.
 *
 * <p>The values are exactly those of jMetal's {@code SequentialEvaluation}. Evaluation happens on
 * the calling thread.
 *
 * <pre>{@code
 * ProxyProblem problem = ProxyProblem.of(original, proxy);
 * ParticleSwarmOptimizationAlgorithm pso = ...;   // built with any Evaluation
 * pso.evaluation(BatchEvaluation.of(problem));    // swap in the batched one
 * pso.run();
 * }</pre>
 *
 * <p>Thread safety: the evaluated-solutions counter is atomic, but, as in jMetal, one instance
 * belongs to one algorithm run: {@link #computedEvaluations()} is that run's count.
 */
public final class BatchEvaluation implements Evaluation<DoubleSolution> {

  private final ProxyProblem problem;
  private final AtomicInteger computed = new AtomicInteger();

  private BatchEvaluation(ProxyProblem problem) {
    this.problem = problem;
  }

  /**
   * Creates a batched evaluation of a problem, with a count of zero.
   *
   * @param problem the problem
   * @return a new evaluation
   * @throws NullPointerException if {@code problem} is null
   */
  public static BatchEvaluation of(ProxyProblem problem) {
    return new BatchEvaluation(nonNull(problem, "problem"));
  }

  /**
   * Evaluates every solution of the list in place, with one call to the problem's model.
   *
   * @param solutions the solutions
   * @return {@code solutions}
   * @throws NullPointerException if {@code solutions} is null
   */
  @Override
  public List<DoubleSolution> evaluate(List<DoubleSolution> solutions) {
    nonNull(solutions, "solutions");
    problem.evaluateAll(solutions);
    computed.addAndGet(solutions.size());
    return solutions;
  }

  /**
   * Returns the number of solutions this evaluation has scored (what jMetal's termination
   * conditions read).
   *
   * @return the count
   */
  @Override
  public int computedEvaluations() {
    return computed.get();
  }

  /**
   * Returns the problem.
   *
   * @return the problem
   */
  @Override
  public Problem<DoubleSolution> problem() {
    return problem;
  }

  @Override
  public String toString() {
    return "BatchEvaluation[" + problem.name() + ", computed=" + computed.get() + "]";
  }
}
