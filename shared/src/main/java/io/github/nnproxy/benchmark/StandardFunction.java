package io.github.nnproxy.benchmark;

import io.github.nnproxy.Domain;
import io.github.nnproxy.internal.Requires;
import java.io.Serializable;
import java.util.function.ToDoubleFunction;

/**
 * A benchmark function built from a formula; instances come from {@link Benchmarks}. Serializable,
 * so it can be shipped to cluster workers: the formula is a serializable lambda that captures
 * nothing but numbers.
 */
final class StandardFunction implements BenchmarkFunction, Serializable {
  private static final long serialVersionUID = 1L;

  /** A formula that can be serialized with the function. */
  @FunctionalInterface
  interface Formula extends ToDoubleFunction<double[]>, Serializable {}

  private final String name;
  private final Domain domain;
  private final double[] optimum;
  private final double optimalValue;
  private final Formula formula;

  StandardFunction(String name, Domain domain, double[] optimum, Formula formula) {
    this.name = name;
    this.domain = domain;
    this.optimum = optimum.clone();
    this.formula = formula;
    this.optimalValue = formula.applyAsDouble(this.optimum);
  }

  StandardFunction(
      String name,
      Domain domain,
      double[] optimum,
      double optimalValue,
      Formula formula) {
    this.name = name;
    this.domain = domain;
    this.optimum = optimum.clone();
    this.formula = formula;
    this.optimalValue = optimalValue;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Domain domain() {
    return domain;
  }

  @Override
  public double[] optimum() {
    return optimum.clone();
  }

  @Override
  public double optimalValue() {
    return optimalValue;
  }

  @Override
  public double evaluate(double[] x) {
    Requires.point(x, domain.dimension(), "x");
    return formula.applyAsDouble(x);
  }

  @Override
  public String toString() {
    return name + "(" + domain.dimension() + "-D)";
  }
}
