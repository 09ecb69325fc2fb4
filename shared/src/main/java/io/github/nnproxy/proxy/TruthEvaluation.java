package io.github.nnproxy.proxy;

import io.github.nnproxy.ForwardModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a forward model at many points, on several threads, surviving calls that throw,
 * return NaN or infinity, or hang past a timeout. Failed points get NaN and are counted by kind.
 * Results are placed by index, so they do not depend on the thread count.
 */
final class TruthEvaluation {
  private static final Logger LOG = LoggerFactory.getLogger(TruthEvaluation.class);

  private int thrown;
  private int nan;
  private int infinite;
  private int timedOut;

  private TruthEvaluation() {}

  record Result(double[] values, SampleFailures failures) {}

  static Result run(ForwardModel truth, double[][] xs, int threads, Duration timeout) {
    TruthEvaluation e = new TruthEvaluation();
    double[] ys = timeout == null && threads == 1
        ? e.sequential(truth, xs) : e.pooled(truth, xs, threads, timeout);
    for (double y : ys) {
      if (Double.isNaN(y)) {
        e.nan++;
      } else if (Double.isInfinite(y)) {
        e.infinite++;
      }
    }
    // thrown and timed-out calls were stored as NaN: take them out of the NaN count
    e.nan -= e.thrown + e.timedOut;
    return new Result(ys, new SampleFailures(e.thrown, e.nan, e.infinite, e.timedOut));
  }

  private double[] sequential(ForwardModel truth, double[][] xs) {
    double[] ys = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      try {
        ys[i] = truth.evaluate(xs[i]);
      } catch (RuntimeException ex) {
        thrown++;
        ys[i] = Double.NaN;
        LOG.debug("forward model threw at point {}: {}", i, ex.toString());
      }
    }
    return ys;
  }

  /**
   * One task per point on daemon threads, at most {@code threads} in flight; a task that passes
   * its timeout is cancelled (interrupted) and abandoned, and a fresh thread takes its place.
   */
  private double[] pooled(ForwardModel truth, double[][] xs, int threads, Duration timeout) {
    double[] ys = new double[xs.length];
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "nnproxy-truth");
      t.setDaemon(true);
      return t;
    });
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
          ys[i] = await(window.get(i - start), deadline, i);
        }
      }
      return ys;
    } finally {
      pool.shutdownNow();
    }
  }

  private double await(Future<Double> f, long deadline, int index) {
    try {
      if (deadline == Long.MAX_VALUE) {
        return f.get();
      }
      return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException ex) {
      f.cancel(true);
      timedOut++;
      LOG.debug("forward model timed out at point {}", index);
      return Double.NaN;
    } catch (ExecutionException ex) {
      thrown++;
      LOG.debug("forward model threw at point {}: {}", index, String.valueOf(ex.getCause()));
      return Double.NaN;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating the forward model", ex);
    }
  }
}
