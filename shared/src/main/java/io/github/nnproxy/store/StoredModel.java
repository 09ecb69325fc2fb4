package io.github.nnproxy.store;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import io.github.nnproxy.EvaluationException;
import io.github.nnproxy.EvaluationOutcome;
import io.github.nnproxy.FailureKind;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.OutcomeListener;
import io.github.nnproxy.internal.Requires;
import io.github.nnproxy.store.EvaluationStore.FailurePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A forward model seen through an {@link EvaluationStore}: points the store holds are answered
 * from it, the others are simulated once, recorded as they finish, and then answered. Concurrent
 * requests for one missing point share one simulation.
 */
final class StoredModel implements ForwardModel {
  private final EvaluationStore store;
  private final ForwardModel inner;
  private final FailurePolicy policy;
  private final Map<String, CompletableFuture<EvaluationOutcome>> inFlight =
      new ConcurrentHashMap<>();

  StoredModel(EvaluationStore store, ForwardModel inner, FailurePolicy policy) {
    this.store = store;
    this.inner = inner;
    this.policy = policy;
  }

  @Override
  public Domain domain() {
    return inner.domain();
  }

  @Override
  public boolean batched() {
    return inner.batched();
  }

  @Override
  public double evaluate(double[] x) {
    Requires.point(x, domain().dimension(), "x");
    String key = EvaluationStore.key(x);
    EvaluationOutcome known = usable(store.cached(key));
    if (known != null) {
      store.countAnswer();
      return known.valueOrThrow();
    }
    CompletableFuture<EvaluationOutcome> mine = new CompletableFuture<>();
    CompletableFuture<EvaluationOutcome> other = inFlight.putIfAbsent(key, mine);
    if (other != null) {
      store.countAnswer();
      return await(other).valueOrThrow();
    }
    try {
      EvaluationOutcome o = usable(store.cached(key));
      if (o != null) {
        store.countAnswer();
      } else {
        long t0 = System.nanoTime();
        o = simulate(x);
        store.record(x, o, Duration.ofNanos(System.nanoTime() - t0));
        store.countSimulation();
      }
      mine.complete(o);
      return o.valueOrThrow();
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  @Override
  public double[] evaluateAll(double[][] xs) {
    return EvaluationOutcome.values(evaluateOutcomes(xs));
  }

  @Override
  public EvaluationOutcome[] evaluateOutcomes(double[][] xs) {
    return evaluateOutcomes(xs, (i, o, took) -> { });
  }

  @Override
  public EvaluationOutcome[] evaluateOutcomes(double[][] xs, OutcomeListener listener) {
    Requires.points(xs, domain().dimension(), "xs");
    nonNull(listener, "listener");
    EvaluationOutcome[] out = new EvaluationOutcome[xs.length];
    // indices of each point this batch must simulate, by key, in first-seen order
    Map<String, List<Integer>> mine = new LinkedHashMap<>();
    Map<String, CompletableFuture<EvaluationOutcome>> claimed = new LinkedHashMap<>();
    Map<Integer, CompletableFuture<EvaluationOutcome>> elsewhere = new LinkedHashMap<>();
    try {
      for (int i = 0; i < xs.length; i++) {
        String key = EvaluationStore.key(xs[i]);
        EvaluationOutcome known = usable(store.cached(key));
        if (known != null) {
          store.countAnswer();
          out[i] = known;
          listener.finished(i, known, null);
          continue;
        }
        List<Integer> same = mine.get(key);
        if (same != null) {
          same.add(i);
          continue;
        }
        CompletableFuture<EvaluationOutcome> f = new CompletableFuture<>();
        CompletableFuture<EvaluationOutcome> other = inFlight.putIfAbsent(key, f);
        if (other != null) {
          elsewhere.put(i, other);
          continue;
        }
        known = usable(store.cached(key));
        if (known != null) {
          inFlight.remove(key, f);
          f.complete(known);
          store.countAnswer();
          out[i] = known;
          listener.finished(i, known, null);
          continue;
        }
        claimed.put(key, f);
        List<Integer> idx = new ArrayList<>(1);
        idx.add(i);
        mine.put(key, idx);
      }
      if (!mine.isEmpty()) {
        simulateAll(xs, mine, claimed, out, listener);
      }
      for (Map.Entry<Integer, CompletableFuture<EvaluationOutcome>> e : elsewhere.entrySet()) {
        EvaluationOutcome o = await(e.getValue());
        store.countAnswer();
        out[e.getKey()] = o;
        listener.finished(e.getKey(), o, null);
      }
      return out;
    } catch (RuntimeException | Error e) {
      for (CompletableFuture<EvaluationOutcome> f : claimed.values()) {
        f.completeExceptionally(e);
      }
      throw e;
    } finally {
      claimed.forEach(inFlight::remove);
    }
  }

  private void simulateAll(double[][] xs, Map<String, List<Integer>> mine,
      Map<String, CompletableFuture<EvaluationOutcome>> claimed, EvaluationOutcome[] out,
      OutcomeListener listener) {
    List<String> keys = new ArrayList<>(mine.keySet());
    double[][] misses = new double[keys.size()][];
    for (int j = 0; j < misses.length; j++) {
      misses[j] = xs[mine.get(keys.get(j)).get(0)];
    }
    OutcomeListener record = (j, o, took) -> {
      String key = keys.get(j);
      store.record(misses[j], o, took);
      store.countSimulation();
      claimed.get(key).complete(o);
      List<Integer> idx = mine.get(key);
      for (int k = 0; k < idx.size(); k++) {
        int i = idx.get(k);
        out[i] = o;
        if (k > 0) {
          store.countAnswer();
        }
        listener.finished(i, o, k == 0 ? took : null);
      }
    };
    if (inner.batched()) {
      EvaluationOutcome[] os = inner.evaluateOutcomes(misses, record);
      if (os == null || os.length != misses.length) {
        throw new IllegalStateException("evaluateOutcomes of " + inner + " returned "
            + (os == null ? "null" : os.length + " outcomes") + " for " + misses.length
            + " points; check the model's evaluateOutcomes");
      }
      // a model that does not report every point (an override of the batch method alone): record
      // the rest now
      for (int j = 0; j < misses.length; j++) {
        if (!claimed.get(keys.get(j)).isDone()) {
          record.finished(j, os[j], null);
        }
      }
    } else {
      for (int j = 0; j < misses.length; j++) {
        long t0 = System.nanoTime();
        EvaluationOutcome o = simulate(misses[j]);
        record.finished(j, o, Duration.ofNanos(System.nanoTime() - t0));
      }
    }
  }

  /**
   * Runs the inner model once; an exception becomes a failure to record, unless the thread was
   * interrupted (the caller gave up: nothing is known about the point).
   */
  private EvaluationOutcome simulate(double[] x) {
    try {
      return EvaluationOutcome.of(inner.evaluate(x));
    } catch (EvaluationException e) {
      return EvaluationOutcome.failed(e.kind(), e.getMessage());
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e;
      }
      return EvaluationOutcome.failed(FailureKind.THROWN, e.toString());
    }
  }

  private EvaluationOutcome usable(EvaluationOutcome o) {
    if (o == null || policy == FailurePolicy.RETRY && !o.succeeded()) {
      return null;
    }
    return o;
  }

  private static EvaluationOutcome await(CompletableFuture<EvaluationOutcome> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw e;
    } catch (CancellationException e) {
      throw new IllegalStateException("the simulation of this point was cancelled", e);
    }
  }

  @Override
  public String toString() {
    return inner.toString();
  }
}
