package io.github.nnproxy.study;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test optimizer that always answers the same point, after one evaluation, and counts its calls
 * on the truth and on proxies: to check the metrics against hand-computed values and that truth
 * runs are made once.
 */
public final class FixedOptimizer implements Optimizer {
  final AtomicInteger truthCalls = new AtomicInteger();
  final AtomicInteger proxyCalls = new AtomicInteger();
  private final double[] point;

  public FixedOptimizer(double... point) {
    this.point = point.clone();
  }

  @Override
  public String name() {
    return "fixed";
  }

  @Override
  public Optimum minimize(ForwardModel objective, long seed) {
    if (objective instanceof io.github.nnproxy.proxy.Proxy) {
      proxyCalls.incrementAndGet();
    } else {
      truthCalls.incrementAndGet();
    }
    return Optimum.of(point, objective.evaluate(point), 1);
  }
}
