package io.github.nnproxy.jenetics;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.util.concurrent.atomic.AtomicLong;

/** Shared test fixtures: one small trained proxy per test JVM, and a counting model. */
final class TestModels {
  private TestModels() {}

  private static Proxy ackley2d;

  /** A 2-D Ackley proxy, trained once (about 5 s) and shared by all tests of the JVM. */
  static synchronized Proxy ackley2d() {
    if (ackley2d == null) {
      ackley2d =
          ProxyTrainer.builder()
              .hiddenLayers(64, 64, 64)
              .epochs(30)
              .batchSize(32)
              .patience(40)
              .build()
              .train(Benchmarks.ackley(2), Samplers.uniform(), 10_000, 42L);
    }
    return ackley2d;
  }

  /** Counts single and batched calls; otherwise delegates. */
  static final class Counting implements ForwardModel {
    final ForwardModel delegate;
    final AtomicLong points = new AtomicLong();
    final AtomicLong evaluateCalls = new AtomicLong();
    final AtomicLong evaluateAllCalls = new AtomicLong();

    Counting(ForwardModel delegate) {
      this.delegate = delegate;
    }

    @Override
    public Domain domain() {
      return delegate.domain();
    }

    @Override
    public double evaluate(double[] x) {
      evaluateCalls.incrementAndGet();
      points.incrementAndGet();
      return delegate.evaluate(x);
    }

    @Override
    public double[] evaluateAll(double[][] xs) {
      evaluateAllCalls.incrementAndGet();
      points.addAndGet(xs.length);
      return delegate.evaluateAll(xs);
    }
  }
}
