package io.github.nnproxy.study;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import java.util.Arrays;

/**
 * A benchmark function that counts a budget: it records the best regret after each of its first
 * {@code budget} evaluations, the best point among them and the time spent inside the function.
 * Evaluations past the budget are answered but not counted, so an optimizer that overshoots is
 * judged on its first {@code budget} evaluations only. Batches are evaluated in order, on the
 * calling thread. Thread-safe (synchronized), but meant for one run.
 */
final class TracedTruth implements ForwardModel {
  private final BenchmarkFunction f;
  private final double[] trace;
  private int count;
  private double best = Double.POSITIVE_INFINITY;
  private double[] bestX;
  private long nanos;

  TracedTruth(BenchmarkFunction f, int budget) {
    this.f = f;
    this.trace = new double[budget];
  }

  @Override
  public Domain domain() {
    return f.domain();
  }

  @Override
  public synchronized double evaluate(double[] x) {
    long t0 = System.nanoTime();
    double y = f.evaluate(x);
    nanos += System.nanoTime() - t0;
    if (count < trace.length) {
      if (Double.isFinite(y) && y < best) {
        best = y;
        bestX = x.clone();
      }
      trace[count++] = best - f.optimalValue();
    }
    return y;
  }

  @Override
  public synchronized double[] evaluateAll(double[][] xs) {
    double[] ys = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      ys[i] = evaluate(xs[i]);
    }
    return ys;
  }

  synchronized int count() {
    return count;
  }

  synchronized double[] trace() {
    return Arrays.copyOf(trace, count);
  }

  /** The best point among the counted evaluations; the domain's centre if there is none. */
  synchronized double[] bestX() {
    return bestX == null ? f.domain().center() : bestX.clone();
  }

  synchronized double regret() {
    return best - f.optimalValue();
  }

  synchronized double truthSeconds() {
    return nanos / 1e9;
  }
}
