package io.github.nnproxy.jmetal;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.uma.jmetal.problem.doubleproblem.DoubleProblem;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.solution.doublesolution.impl.DefaultDoubleSolution;
import org.uma.jmetal.util.bounds.Bounds;

/**
 * A jMetal {@link DoubleProblem} evaluated by an nnproxy {@link ForwardModel}: typically a trained
 * {@link io.github.nnproxy.proxy.Proxy} standing in for an expensive problem, so that existing
 * jMetal algorithm code runs on the proxy by swapping only the problem.
 *
 * <p>The problem has one objective (minimized, as everything in jMetal), no constraints, and one
 * variable per coordinate of the model's domain, bounded by it. {@link #evaluate(DoubleSolution)}
 * writes {@code model.evaluate(x)} into {@code objectives()[0]}; {@link #evaluateAll(List)} scores
 * a whole list with one {@link ForwardModel#evaluateAll(double[][])} call (a proxy does one batched
 * pass), giving exactly the same values. Both count into {@link #evaluations()}.
 *
 * <pre>{@code
 * DoubleProblem problem = new MyExpensiveProblem();
 * Proxy proxy = ProxyTrainer.defaults().train(ProblemModels.of(problem), Samplers.uniform(), 10_000, 42L);
 * ProxyProblem fast = ProxyProblem.of(problem, proxy);      // name "MyExpensiveProblem-proxy"
 * var pso = new StandardPSO2007(fast, 40, 500, 3, BatchSolutionListEvaluator.of());
 * pso.run();
 * System.out.println(pso.result().objectives()[0] + " after " + fast.evaluations() + " evaluations");
 * }</pre>
 *
 * <p>Immutable apart from the evaluation counter, and thread-safe as long as its model is (every
 * nnproxy model is, a {@link io.github.nnproxy.proxy.Proxy} included): it may be used by jMetal's
 * multi-threaded evaluators. The counter is atomic. Unlike jMetal's {@code AbstractDoubleProblem},
 * it has no mutators: name, bounds and objective count are fixed at creation. Java serialization,
 * which jMetal's {@code Problem} interface declares, is not supported.
 */
public final class ProxyProblem implements DoubleProblem {

  private static final long serialVersionUID = 1L;

  /** The model that evaluates the objective. */
  private final ForwardModel model;

  /** The model's domain. */
  private final Domain domain;

  /** The problem's name. */
  private final String name;

  /** One bound per variable, spanning the domain; unmodifiable. */
  private final List<Bounds<Double>> bounds;

  /** The number of solutions evaluated. */
  private final LongAdder evaluations = new LongAdder();

  private ProxyProblem(ForwardModel model, String name) {
    this.model = model;
    this.domain = nonNull(model.domain(), "model.domain()");
    this.name = name;
    List<Bounds<Double>> b = new ArrayList<>(domain.dimension());
    for (int i = 0; i < domain.dimension(); i++) {
      b.add(Bounds.create(domain.lower(i), domain.upper(i)));
    }
    this.bounds = List.copyOf(b);
  }

  /**
   * Replaces an existing problem by a proxy of it: same name with the suffix {@code "-proxy"},
   * same variables and bounds, one objective evaluated by {@code proxy}.
   *
   * @param original the problem the proxy stands in for (single-objective, unconstrained)
   * @param proxy a model whose domain equals the problem's bounds exactly, e.g. a proxy trained on
   *     {@link ProblemModels#of(DoubleProblem) ProblemModels.of(original)}
   * @return the proxy problem
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code original} is multi-objective or constrained, or
   *     {@code proxy.domain()} differs from the bounds of {@code original}
   */
  public static ProxyProblem of(DoubleProblem original, ForwardModel proxy) {
    nonNull(original, "original");
    nonNull(proxy, "proxy");
    String name = ProblemModels.nameOf(original);
    if (original.numberOfObjectives() != 1) {
      throw new IllegalArgumentException(
          "original must have exactly 1 objective, but '"
              + name
              + "' has "
              + original.numberOfObjectives()
              + ": multi-objective problems are not supported yet");
    }
    if (original.numberOfConstraints() != 0) {
      throw new IllegalArgumentException(
          "original must be unconstrained, but '"
              + name
              + "' has "
              + original.numberOfConstraints()
              + " constraints, which the proxy would not evaluate");
    }
    Domain expected = ProblemModels.domainOf(original);
    Domain actual = nonNull(proxy.domain(), "proxy.domain()");
    if (expected.dimension() != actual.dimension()) {
      throw new IllegalArgumentException(
          "proxy.domain() must have the "
              + expected.dimension()
              + " variables of problem '"
              + name
              + "', but had dimension "
              + actual.dimension());
    }
    if (!expected.equals(actual)) {
      throw new IllegalArgumentException(
          "proxy.domain() must equal the bounds of problem '"
              + name
              + "', "
              + expected
              + ", but was "
              + actual
              + " (train the proxy on ProblemModels.of(original))");
    }
    return new ProxyProblem(proxy, name + "-proxy");
  }

  /**
   * Wraps any forward model (a true function or a proxy) as a jMetal problem over its domain. The
   * name is the benchmark's name for a {@link BenchmarkFunction}, {@code "ForwardModel"} otherwise.
   *
   * @param model the model to minimize
   * @return the problem
   * @throws NullPointerException if {@code model} is null
   */
  public static ProxyProblem of(ForwardModel model) {
    nonNull(model, "model");
    String name = model instanceof BenchmarkFunction f ? f.name() : "ForwardModel";
    return new ProxyProblem(model, name);
  }

  /**
   * Wraps any forward model as a jMetal problem with the given name.
   *
   * @param model the model to minimize
   * @param name the problem's name, as {@link #name()} returns it
   * @return the problem
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static ProxyProblem of(ForwardModel model, String name) {
    nonNull(model, "model");
    nonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, but was '" + name + "'");
    }
    return new ProxyProblem(model, name);
  }

  /**
   * Evaluates one solution: {@code objectives()[0] = model.evaluate(variables)}.
   *
   * @param solution a solution with one variable per coordinate of the domain
   * @return {@code solution}, evaluated
   * @throws NullPointerException if {@code solution} is null
   * @throws IllegalArgumentException if it has the wrong number of variables or a non-finite one
   * @throws IllegalStateException if the model returns NaN
   */
  @Override
  public DoubleSolution evaluate(DoubleSolution solution) {
    nonNull(solution, "solution");
    double y = model.evaluate(point(solution, -1));
    evaluations.increment();
    store(solution, y);
    return solution;
  }

  /**
   * Evaluates a list of solutions with one {@link ForwardModel#evaluateAll(double[][])} call. The
   * values are identical to evaluating them one by one with {@link #evaluate(DoubleSolution)}.
   *
   * @param solutions the solutions, evaluated in place
   * @return {@code solutions}
   * @throws NullPointerException if the list or an element is null
   * @throws IllegalArgumentException if a solution has the wrong number of variables or a
   *     non-finite one
   * @throws IllegalStateException if the model returns a wrong number of values or NaN
   */
  public List<DoubleSolution> evaluateAll(List<DoubleSolution> solutions) {
    nonNull(solutions, "solutions");
    int n = solutions.size();
    double[][] xs = new double[n][];
    for (int i = 0; i < n; i++) {
      DoubleSolution s = solutions.get(i);
      if (s == null) {
        throw new NullPointerException(what(i) + " must not be null");
      }
      xs[i] = point(s, i);
    }
    double[] ys = model.evaluateAll(xs);
    if (ys == null || ys.length != n) {
      throw new IllegalStateException(
          "Expected "
              + n
              + " values from model.evaluateAll, but got "
              + (ys == null ? "null" : ys.length)
              + ". Check the model's evaluateAll.");
    }
    evaluations.add(n);
    for (int i = 0; i < n; i++) {
      store(solutions.get(i), ys[i]);
    }
    return solutions;
  }

  /** The name of solution {@code index} in messages; -1 is the single solution. */
  private static String what(int index) {
    return index < 0 ? "solution" : "solutions.get(" + index + ")";
  }

  /** The variables of a solution as a point, checked; messages are built only on failure. */
  private double[] point(DoubleSolution s, int index) {
    List<Double> vars = s.variables();
    int d = domain.dimension();
    if (vars.size() != d) {
      throw new IllegalArgumentException(
          what(index) + " must have " + d + " variables, but had " + vars.size());
    }
    double[] x = new double[d];
    for (int j = 0; j < d; j++) {
      Double v = vars.get(j);
      if (v == null || !Double.isFinite(v)) {
        throw new IllegalArgumentException(
            what(index) + " variable " + j + " must be finite, but was " + v);
      }
      x[j] = v;
    }
    return x;
  }

  private void store(DoubleSolution s, double y) {
    if (Double.isNaN(y)) {
      throw new IllegalStateException(
          "the model returned NaN at " + s.variables() + ". Check the model (" + model + ").");
    }
    s.objectives()[0] = y;
  }

  /**
   * Creates a solution with variables uniform in the bounds, drawn from jMetal's {@code
   * JMetalRandom}, as jMetal's own problems do.
   *
   * @return a new, unevaluated solution
   */
  @Override
  public DoubleSolution createSolution() {
    return new DefaultDoubleSolution(bounds, 1, 0);
  }

  /**
   * Returns the bounds of the variables, one per coordinate of the model's domain.
   *
   * @return an unmodifiable list
   */
  @Override
  public List<Bounds<Double>> variableBounds() {
    return bounds;
  }

  /**
   * Returns the number of variables.
   *
   * @return {@code domain().dimension()}
   */
  @Override
  public int numberOfVariables() {
    return domain.dimension();
  }

  /**
   * Returns the number of objectives.
   *
   * @return 1
   */
  @Override
  public int numberOfObjectives() {
    return 1;
  }

  /**
   * Returns the number of constraints.
   *
   * @return 0
   */
  @Override
  public int numberOfConstraints() {
    return 0;
  }

  /**
   * Returns the problem's name.
   *
   * @return the name
   */
  @Override
  public String name() {
    return name;
  }

  /**
   * Returns the model that evaluates this problem.
   *
   * @return the model
   */
  public ForwardModel model() {
    return model;
  }

  /**
   * Returns the domain of the model, which the variable bounds span.
   *
   * @return the domain
   */
  public Domain domain() {
    return domain;
  }

  /**
   * Returns the number of solutions evaluated so far by this problem, one by one or in batches.
   *
   * @return the evaluation count
   */
  public long evaluations() {
    return evaluations.sum();
  }

  @Override
  public String toString() {
    return "ProxyProblem[" + name + ", " + domain + ", evaluations=" + evaluations() + "]";
  }
}
