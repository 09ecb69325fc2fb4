package io.github.nnproxy.jmetal;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.manage.MixedEvaluator;
import io.github.nnproxy.manage.Source;
import io.github.nnproxy.manage.TaggedPoint;
import io.github.nnproxy.manage.TaggedValues;
import java.util.ArrayList;
import java.util.List;
import org.uma.jmetal.component.catalogue.common.evaluation.Evaluation;
import org.uma.jmetal.problem.Problem;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.util.evaluator.SolutionListEvaluator;

/**
 * Scores a share of each jMetal swarm or population with the expensive truth and the rest with a
 * proxy, tags each solution with its {@link Source}, and counts both: for the classic algorithms
 * (as a {@link SolutionListEvaluator}, e.g. StandardPSO2007) and for jmetal-component ones (as an
 * {@link Evaluation}, e.g. {@code ParticleSwarmOptimizationAlgorithm}).
 *
 * <p>Each call goes through a {@link MixedEvaluator}: the truth gets {@code floor(share * n)} or
 * one more of the {@code n} solutions, chosen by a generator seeded from {@code (seed, batch)}
 * with batches numbered from 0 by this evaluator; each model is called once, with {@link
 * ForwardModel#evaluateAll}. Every solution gets {@code objectives()[0]} = the model's value and
 * {@code attributes().get(SOURCE_ATTRIBUTE)} = its {@link Source} ({@code copy()} keeps it, so a
 * particle's remembered best carries the tag of the value it was judged by). The truth's points
 * are kept in {@link #truthLog()}, to judge results by and to retrain the proxy on; the proxy's
 * are only counted. A NaN from a model is refused with an {@link IllegalStateException}. As a
 * {@link SolutionListEvaluator} the problem argument only serves to check the number of variables:
 * the values come from the two models.
 *
 * <p>Thread safety: counters and log are guarded, so they may be read while a run goes on; one
 * instance serves one algorithm run at a time (its batch counter and {@link
 * #computedEvaluations()} are that run's). All work happens on the calling thread. Java
 * serialization, which jMetal's interface declares, is not supported.
 *
 * <pre>{@code
 * MixedSolutionListEvaluator mixed = MixedSolutionListEvaluator.of(truth, proxy, 0.05, 42L);
 * var pso = new StandardPSO2007(mixed.problem(), 40, 250, 3, mixed);
 * pso.run();
 * Source tag = (Source) pso.result().attributes().get(MixedSolutionListEvaluator.SOURCE_ATTRIBUTE);
 * System.out.println(mixed.truthEvaluations() + " true values, " + mixed.truthLog().size());
 * }</pre>
 */
public final class MixedSolutionListEvaluator
    implements SolutionListEvaluator<DoubleSolution>, Evaluation<DoubleSolution> {

  /** The key of a solution's {@code attributes()} that holds the {@link Source} of its value. */
  public static final String SOURCE_ATTRIBUTE = "nnproxy.source";

  private static final long serialVersionUID = 1L;

  /** Chooses the truth's share of each batch and calls both models. */
  private final MixedEvaluator mixed;

  /** A problem over the truth's domain, for bounds and the creation of solutions. */
  private final ProxyProblem problem;

  /** The truth's points, in order; also the lock of the counters. */
  private final List<TaggedPoint> truthLog = new ArrayList<>();

  /** The number of batches scored. */
  private long batches;

  /** The number of solutions scored by the truth. */
  private long truthCount;

  /** The number of solutions scored by the proxy. */
  private long proxyCount;

  private MixedSolutionListEvaluator(MixedEvaluator mixed, ProxyProblem problem) {
    this.mixed = mixed;
    this.problem = problem;
  }

  /**
   * Creates a mixed evaluator with zero counts.
   *
   * @param truth the expensive forward model
   * @param proxy the model that stands in for it
   * @param share the share of each list scored by the truth, in [0, 1]
   * @param seed the seed of the choice of solutions
   * @return a new evaluator
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code share} is outside [0, 1] or NaN, or the models'
   *     dimensions differ
   */
  public static MixedSolutionListEvaluator of(ForwardModel truth, ForwardModel proxy,
      double share, long seed) {
    MixedEvaluator m = MixedEvaluator.of(truth, proxy, share, seed);
    return new MixedSolutionListEvaluator(m, ProxyProblem.of(truth));
  }

  /**
   * Evaluates a list in place (the {@link SolutionListEvaluator} seam).
   *
   * @param solutions the solutions
   * @param problem the algorithm's problem; only its number of variables is checked
   * @return {@code solutions}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the problem's number of variables is not the truth's
   * @throws IllegalStateException if a model returns NaN
   */
  @Override
  public List<DoubleSolution> evaluate(List<DoubleSolution> solutions,
      Problem<DoubleSolution> problem) {
    nonNull(problem, "problem");
    if (problem.numberOfVariables() != this.problem.numberOfVariables()) {
      throw new IllegalArgumentException("problem must have the truth's "
          + this.problem.numberOfVariables() + " variables, but had "
          + problem.numberOfVariables());
    }
    return evaluate(solutions);
  }

  /**
   * Evaluates a list in place (the jmetal-component {@link Evaluation} seam).
   *
   * @param solutions the solutions
   * @return {@code solutions}
   * @throws NullPointerException if the list or a solution is null
   * @throws IllegalArgumentException if a solution has the wrong number of variables or a
   *     non-finite one
   * @throws IllegalStateException if a model returns NaN
   */
  @Override
  public List<DoubleSolution> evaluate(List<DoubleSolution> solutions) {
    nonNull(solutions, "solutions");
    int n = solutions.size();
    int d = problem.numberOfVariables();
    double[][] xs = new double[n][d];
    for (int i = 0; i < n; i++) {
      List<Double> v = nonNull(solutions.get(i), "solutions.get(" + i + ")").variables();
      if (v.size() != d) {
        throw new IllegalArgumentException("solutions.get(" + i + ") must have " + d
            + " variables, but had " + v.size());
      }
      for (int j = 0; j < d; j++) {
        xs[i][j] = nonNull(v.get(j), "variable " + j + " of solutions.get(" + i + ")");
      }
    }
    long batch;
    synchronized (truthLog) {
      batch = batches++;
    }
    TaggedValues t = mixed.evaluate(xs, batch);
    List<TaggedPoint> truths = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double y = t.value(i);
      if (Double.isNaN(y)) {
        throw new IllegalStateException("the " + (t.source(i) == Source.TRUTH ? "truth" : "proxy")
            + " returned NaN at " + solutions.get(i).variables() + ". Check that model.");
      }
      DoubleSolution s = solutions.get(i);
      s.objectives()[0] = y;
      s.attributes().put(SOURCE_ATTRIBUTE, t.source(i));
      if (t.source(i) == Source.TRUTH) {
        truths.add(new TaggedPoint(batch, xs[i], y, Source.TRUTH));
      }
    }
    synchronized (truthLog) {
      truthLog.addAll(truths);
      truthCount += truths.size();
      proxyCount += n - truths.size();
    }
    return solutions;
  }

  /**
   * Returns the source of a solution's value, as this evaluator tagged it.
   *
   * @param solution an evaluated solution
   * @return the source, or {@code null} if this evaluator did not evaluate it
   * @throws NullPointerException if {@code solution} is null
   */
  public static Source sourceOf(DoubleSolution solution) {
    Object s = nonNull(solution, "solution").attributes().get(SOURCE_ATTRIBUTE);
    return s instanceof Source src ? src : null;
  }

  /**
   * Returns the number of solutions scored so far, truth and proxy together (what jMetal's
   * termination conditions read).
   *
   * @return the count
   */
  @Override
  public int computedEvaluations() {
    synchronized (truthLog) {
      return (int) Math.min(Integer.MAX_VALUE, truthCount + proxyCount);
    }
  }

  /**
   * Returns a problem over the truth's domain, for building the algorithm (bounds, creation of
   * solutions); evaluate through this evaluator, not through it.
   *
   * @return the problem
   */
  @Override
  public ProxyProblem problem() {
    return problem;
  }

  /**
   * Returns the points scored by the truth so far, in order.
   *
   * @return an unmodifiable snapshot
   */
  public List<TaggedPoint> truthLog() {
    synchronized (truthLog) {
      return List.copyOf(truthLog);
    }
  }

  /**
   * Returns the number of solutions scored by the truth so far.
   *
   * @return the count
   */
  public long truthEvaluations() {
    synchronized (truthLog) {
      return truthCount;
    }
  }

  /**
   * Returns the number of solutions scored by the proxy so far.
   *
   * @return the count
   */
  public long proxyEvaluations() {
    synchronized (truthLog) {
      return proxyCount;
    }
  }

  /**
   * Returns the share of each list scored by the truth.
   *
   * @return the share, in [0, 1]
   */
  public double share() {
    return mixed.share();
  }

  /** Does nothing: the evaluator owns no threads. */
  @Override
  public void shutdown() {
    // nothing to release
  }

  @Override
  public String toString() {
    return "MixedSolutionListEvaluator[" + mixed + "]";
  }
}
