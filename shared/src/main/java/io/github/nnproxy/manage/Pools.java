package io.github.nnproxy.manage;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.internal.DaemonPools;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Daemon thread pools and ordered parallel work for the manage package; not API. */
final class Pools {
  private static final Logger LOG = LoggerFactory.getLogger(Pools.class);

  private Pools() {}

  /**
   * Creates a fixed pool of daemon threads, or null for one thread (work then runs on the caller).
   *
   * @param threads the thread count, {@code > 0}
   * @return the pool, or null when {@code threads == 1}
   */
  static ExecutorService daemonPool(int threads, String name) {
    if (threads == 1) {
      return null;
    }
    return DaemonPools.fixed(threads, name);
  }

  /**
   * Runs the tasks on the executor (or on the caller if it is null) and returns their results in
   * task order, so the outcome does not depend on the thread count.
   */
  static <T> List<T> runAll(List<Callable<T>> tasks, Executor executor) {
    List<T> results = new ArrayList<>(tasks.size());
    try {
      if (executor == null) {
        for (Callable<T> task : tasks) {
          results.add(task.call());
        }
        return results;
      }
      List<Future<T>> futures = new ArrayList<>(tasks.size());
      for (Callable<T> task : tasks) {
        FutureTask<T> f = new FutureTask<>(task);
        executor.execute(f);
        futures.add(f);
      }
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for parallel work", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("parallel work failed", c);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("work failed", e);
    }
  }

  /**
   * Evaluates the truth at every point, in chunks on the executor; a point where the model throws
   * gets NaN (logged at debug), as {@link io.github.nnproxy.proxy.ProxyTrainer#train} does. A
   * {@link ForwardModel#batched()} model gets the whole batch in one call.
   */
  static double[] evaluate(ForwardModel truth, double[][] xs, Executor executor, int chunks) {
    if (truth.batched()) {
      io.github.nnproxy.EvaluationOutcome[] os = truth.evaluateOutcomes(xs);
      double[] ys = new double[xs.length];
      for (int i = 0; i < ys.length; i++) {
        ys[i] = os[i].value();
        if (!os[i].succeeded()) {
          LOG.debug("forward model failed at a point: {}", os[i]);
        }
      }
      return ys;
    }
    double[] ys = new double[xs.length];
    int c = Math.max(1, Math.min(xs.length, chunks));
    List<Callable<Void>> tasks = new ArrayList<>(c);
    for (int k = 0; k < c; k++) {
      int from = (int) ((long) xs.length * k / c);
      int to = (int) ((long) xs.length * (k + 1) / c);
      tasks.add(() -> {
        for (int i = from; i < to; i++) {
          ys[i] = safeEvaluate(truth, xs[i]);
        }
        return null;
      });
    }
    runAll(tasks, executor);
    return ys;
  }

  private static double safeEvaluate(ForwardModel truth, double[] x) {
    try {
      return truth.evaluate(x);
    } catch (RuntimeException e) {
      LOG.debug("forward model failed at a point: {}", e.toString());
      return Double.NaN;
    }
  }

  /** Shuts a pool made by {@link #daemonPool} down; null is allowed. */
  static void shutdown(ExecutorService pool) {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
