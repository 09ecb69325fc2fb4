package io.github.nnproxy.jmetal;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.internal.Requires;
import java.util.List;
import org.uma.jmetal.problem.doubleproblem.DoubleProblem;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.util.bounds.Bounds;

/**
 * Views of jMetal problems as nnproxy {@link ForwardModel}s, so that a proxy can be trained from a
 * problem a jMetal user already has.
 *
 * <pre>{@code
 * DoubleProblem problem = new Rastrigin(2);                 // or the user's own problem
 * ForwardModel truth = ProblemModels.of(problem);           // domain = the problem's bounds
 * Proxy proxy = ProxyTrainer.defaults().train(truth, Samplers.uniform(), 10_000, 42L);
 * DoubleProblem fast = ProxyProblem.of(problem, proxy);     // same algorithm code, proxy inside
 * }</pre>
 *
 * <p>Thread safety: this class is stateless. See {@link #of(DoubleProblem)} for the models.
 */
public final class ProblemModels {

  private ProblemModels() {}

  /**
   * Returns the problem's (single) objective as a forward model whose domain is the problem's
   * variable bounds.
   *
   * <p>Each evaluation copies a solution template made once by {@code problem.createSolution()},
   * sets its variables to the point and calls {@code problem.evaluate}. Points outside the bounds
   * are passed on unchanged (the forward-model contract allows them); whether the problem accepts
   * them is up to the problem.
   *
   * <p>Thread safety: jMetal does not require problems to be thread-safe (many keep scratch
   * fields), so the model calls the problem under a lock: it may be shared by many threads (as a
   * multi-threaded {@link io.github.nnproxy.proxy.ProxyTrainer} does), but calls to one problem are
   * serialized. {@code evaluateAll} takes the lock once per batch.
   *
   * @param problem a single-objective, unconstrained jMetal problem with finite bounds
   * @return the forward model; its {@code toString()} names the problem
   * @throws NullPointerException if {@code problem} is null
   * @throws IllegalArgumentException if the problem has more than one objective (or none), has
   *     constraints, has no variables, or has bounds that are not finite with lower &lt; upper
   */
  public static ForwardModel of(DoubleProblem problem) {
    nonNull(problem, "problem");
    String name = nameOf(problem);
    if (problem.numberOfObjectives() != 1) {
      throw new IllegalArgumentException(
          "problem must have exactly 1 objective, but '"
              + name
              + "' has "
              + problem.numberOfObjectives()
              + ": multi-objective problems are not supported yet (a forward model is scalar)");
    }
    if (problem.numberOfConstraints() != 0) {
      throw new IllegalArgumentException(
          "problem must be unconstrained, but '"
              + name
              + "' has "
              + problem.numberOfConstraints()
              + " constraints: a forward model would silently ignore them");
    }
    Domain domain = domainOf(problem);
    DoubleSolution template = problem.createSolution();
    return new ProblemModel(problem, name, domain, template);
  }

  /**
   * Returns the domain spanned by a problem's variable bounds.
   *
   * @param problem the problem
   * @return the domain, one interval per variable
   * @throws NullPointerException if {@code problem} is null
   * @throws IllegalArgumentException if the problem has no variables, or a bound is null, not
   *     finite, or not lower &lt; upper
   */
  public static Domain domainOf(DoubleProblem problem) {
    nonNull(problem, "problem");
    List<Bounds<Double>> bounds = nonNull(problem.variableBounds(), "problem.variableBounds()");
    if (bounds.isEmpty()) {
      throw new IllegalArgumentException(
          "problem must have >= 1 variable, but '" + nameOf(problem) + "' has none");
    }
    double[] lo = new double[bounds.size()];
    double[] hi = new double[bounds.size()];
    for (int i = 0; i < lo.length; i++) {
      Bounds<Double> b = nonNull(bounds.get(i), "problem.variableBounds().get(" + i + ")");
      lo[i] = nonNull(b.getLowerBound(), "lower bound of variable " + i);
      hi[i] = nonNull(b.getUpperBound(), "upper bound of variable " + i);
    }
    try {
      return Domain.of(lo, hi);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the variable bounds of problem '" + nameOf(problem) + "' are not a valid domain: "
              + e.getMessage(),
          e);
    }
  }

  /** The problem's name, or its class name when the problem has none. */
  static String nameOf(DoubleProblem problem) {
    String name = problem.name();
    return name != null && !name.isBlank() ? name : problem.getClass().getSimpleName();
  }

  /** The problem's first objective behind a lock. */
  private static final class ProblemModel implements ForwardModel {
    private final DoubleProblem problem;
    private final String name;
    private final Domain domain;
    private final DoubleSolution template;

    ProblemModel(DoubleProblem problem, String name, Domain domain, DoubleSolution template) {
      this.problem = problem;
      this.name = name;
      this.domain = domain;
      this.template = template;
    }

    @Override
    public Domain domain() {
      return domain;
    }

    @Override
    public double evaluate(double[] x) {
      Requires.point(x, domain.dimension(), "x");
      synchronized (this) {
        return evaluateLocked(x);
      }
    }

    @Override
    public double[] evaluateAll(double[][] xs) {
      nonNull(xs, "xs");
      for (int i = 0; i < xs.length; i++) {
        Requires.point(xs[i], domain.dimension(), "xs[" + i + "]");
      }
      double[] ys = new double[xs.length];
      synchronized (this) {
        for (int i = 0; i < xs.length; i++) {
          ys[i] = evaluateLocked(xs[i]);
        }
      }
      return ys;
    }

    private double evaluateLocked(double[] x) {
      DoubleSolution s = (DoubleSolution) template.copy();
      List<Double> vars = s.variables();
      for (int i = 0; i < x.length; i++) {
        vars.set(i, x[i]);
      }
      DoubleSolution evaluated = problem.evaluate(s);
      DoubleSolution result = evaluated != null ? evaluated : s;
      double[] objectives = result.objectives();
      if (objectives.length < 1) {
        throw new IllegalStateException(
            "problem '" + name + "' returned a solution with no objective value; check that it "
                + "calls numberOfObjectives(1)");
      }
      return objectives[0];
    }

    @Override
    public String toString() {
      return "ProblemModel[" + name + ", " + domain + "]";
    }
  }
}
