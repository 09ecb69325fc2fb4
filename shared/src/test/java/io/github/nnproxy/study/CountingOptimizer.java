package io.github.nnproxy.study;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test optimizer that delegates under the delegate's name, counts its runs, and can crash after
 * a number of runs or sleep in each run (to be killed in the middle of a study). The results are
 * the delegate's, so a study with it is the same study as with the delegate.
 */
final class CountingOptimizer implements Optimizer {
  final AtomicInteger calls = new AtomicInteger();
  private final Optimizer delegate;
  private final int crashAfter;
  private final long sleepMillis;

  CountingOptimizer(Optimizer delegate, int crashAfter, long sleepMillis) {
    this.delegate = delegate;
    this.crashAfter = crashAfter;
    this.sleepMillis = sleepMillis;
  }

  CountingOptimizer(Optimizer delegate) {
    this(delegate, Integer.MAX_VALUE, 0);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public Optimum minimize(ForwardModel objective, long seed) {
    if (calls.incrementAndGet() > crashAfter) {
      throw new IllegalStateException("simulated crash");
    }
    if (sleepMillis > 0) {
      try {
        Thread.sleep(sleepMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return delegate.minimize(objective, seed);
  }
}
