package io.github.nnproxy.benchmark;

import io.github.nnproxy.ForwardModel;

/**
 * A forward model with a known global minimizer: the test functions of the seed study and of
 * optimization benchmarks in general. Knowing the minimizer lets the study measure how far an
 * optimizer driven by a proxy ends from the true optimum.
 *
 * <p>Implementations from {@link Benchmarks} are immutable and thread-safe.
 *
 * <pre>{@code
 * BenchmarkFunction f = Benchmarks.ackley(2);
 * double[] xStar = f.optimum();            // {0, 0}
 * double fStar = f.optimalValue();         // 0
 * }</pre>
 */
public interface BenchmarkFunction extends ForwardModel {

  /**
   * Returns the function's name in lower case, e.g. {@code "ackley"}; with {@link
   * #domain()}{@code .dimension()} it identifies the function in reports and files.
   *
   * @return the name
   */
  String name();

  /**
   * Returns a copy of the known global minimizer.
   *
   * @return the minimizer
   */
  double[] optimum();

  /**
   * Returns the value of the function at {@link #optimum()}.
   *
   * @return the global minimum value
   */
  double optimalValue();
}
