package io.github.nnproxy.study;

import io.github.nnproxy.Domain;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import java.util.concurrent.atomic.AtomicLong;

/** A benchmark function that counts its evaluations; otherwise the delegate, name included. */
final class CountingFunction implements BenchmarkFunction {
  private final BenchmarkFunction delegate;
  private final AtomicLong counter;

  CountingFunction(BenchmarkFunction delegate, AtomicLong counter) {
    this.delegate = delegate;
    this.counter = counter;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public double[] optimum() {
    return delegate.optimum();
  }

  @Override
  public double optimalValue() {
    return delegate.optimalValue();
  }

  @Override
  public Domain domain() {
    return delegate.domain();
  }

  @Override
  public double evaluate(double[] x) {
    counter.incrementAndGet();
    return delegate.evaluate(x);
  }
}
