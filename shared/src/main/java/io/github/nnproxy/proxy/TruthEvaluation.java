package io.github.nnproxy.proxy;

import io.github.nnproxy.EvaluationException;
import io.github.nnproxy.EvaluationOutcome;
import io.github.nnproxy.FailureKind;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.internal.DaemonPools;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a forward model at many points, on several threads, surviving calls that throw,
 * return NaN or infinity, or hang past a timeout. Failed points get NaN (or the infinity the model
 * returned) and are counted by kind. Results are placed by index, so they do not depend on the
 * thread count. A {@link ForwardModel#batched()} model gets the whole batch through {@link
 * ForwardModel#evaluateOutcomes(double[][])} and runs it with its own concurrency and timeouts.
 */
final class TruthEvaluation {
  private static final Logger LOG = LoggerFactory.getLogger(TruthEvaluation.class);

  private TruthEvaluation() {}

  record Result(double[] values, SampleFailures failures) {}

  static Result run(ForwardModel truth, double[][] xs, int threads, Duration timeout) {
    EvaluationOutcome[] outcomes;
    if (truth.batched()) {
      outcomes = truth.evaluateOutcomes(xs);
      if (outcomes == null || outcomes.length != xs.length) {
        throw new IllegalStateException("evaluateOutcomes of " + truth + " returned "
            + (outcomes == null ? "null" : outcomes.length + " outcomes") + " for " + xs.length
            + " points; check the model's evaluateOutcomes");
      }
    } else if (timeout == null && threads == 1) {
      outcomes = sequential(truth, xs);
    } else {
      outcomes = pooled(truth, xs, threads, timeout);
    }
    double[] ys = new double[xs.length];
    for (int i = 0; i < ys.length; i++) {
      ys[i] = outcomes[i].value();
      if (!outcomes[i].succeeded()) {
        LOG.debug("forward model failed at point {}: {}", i, outcomes[i]);
      }
    }
    return new Result(ys, SampleFailures.count(outcomes));
  }

  private static EvaluationOutcome[] sequential(ForwardModel truth, double[][] xs) {
    EvaluationOutcome[] out = new EvaluationOutcome[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = EvaluationOutcome.capture(truth, xs[i]);
    }
    return out;
  }

  /**
   * One task per point on daemon threads, at most {@code threads} in flight; a task that passes
   * its timeout is cancelled (interrupted) and abandoned, and a fresh thread takes its place.
   */
  private static EvaluationOutcome[] pooled(ForwardModel truth, double[][] xs, int threads,
      Duration timeout) {
    EvaluationOutcome[] out = new EvaluationOutcome[xs.length];
    ExecutorService pool = DaemonPools.cached("nnproxy-truth");
    try {
      List<Future<Double>> window = new ArrayList<>(threads);
      for (int start = 0; start < xs.length; start += threads) {
        int end = Math.min(xs.length, start + threads);
        window.clear();
        for (int i = start; i < end; i++) {
          double[] x = xs[i];
          window.add(pool.submit(() -> truth.evaluate(x)));
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        for (int i = start; i < end; i++) {
          out[i] = await(window.get(i - start), deadline);
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static EvaluationOutcome await(Future<Double> f, long deadline) {
    try {
      double y = deadline == Long.MAX_VALUE ? f.get()
          : f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return EvaluationOutcome.of(y);
    } catch (TimeoutException ex) {
      f.cancel(true);
      return EvaluationOutcome.failed(FailureKind.TIMED_OUT, "no value within the timeout");
    } catch (ExecutionException ex) {
      Throwable c = ex.getCause();
      if (c instanceof EvaluationException ee) {
        return EvaluationOutcome.failed(ee.kind(), ee.getMessage());
      }
      return EvaluationOutcome.failed(FailureKind.THROWN, String.valueOf(c));
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating the forward model", ex);
    }
  }
}
