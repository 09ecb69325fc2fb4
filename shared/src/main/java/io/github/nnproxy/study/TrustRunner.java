package io.github.nnproxy.study;

import io.github.nnproxy.internal.DaemonPools;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.manage.ManagedOptimization;
import io.github.nnproxy.manage.ManagedResult;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one {@link TrustStudy}: offline proxies, full truth runs, managed runs and equal-budget
 * truth runs as a graph of tasks on the study's threads, then the report. Not API; one instance
 * per {@link TrustStudy#run()} call.
 */
final class TrustRunner {
  private final TrustStudy study;
  private final ConcurrentLinkedQueue<TrustRun> runs = new ConcurrentLinkedQueue<>();
  private final AtomicInteger done = new AtomicInteger();
  private final int total;

  TrustRunner(TrustStudy study) {
    this.study = study;
    int perProblem = study.optimizers().size() * study.seeds().length;
    this.total = study.problems().size() * perProblem * (1 + 3 * study.schemes().size());
  }

  TrustResult run() {
    ExecutorService pool = DaemonPools.fixed(study.threads(), "nnproxy-trust");
    try {
      List<CompletableFuture<?>> tasks = submitAll(pool);
      try {
        CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
      } catch (CompletionException e) {
        Throwable cause = e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
          cause = cause.getCause();
        }
        throw new IllegalStateException("the trust study failed: " + cause, cause);
      }
      return TrustReport.write(study, new ArrayList<>(runs));
    } finally {
      pool.shutdownNow();
    }
  }

  private List<CompletableFuture<?>> submitAll(ExecutorService pool) {
    List<CompletableFuture<?>> tasks = new ArrayList<>();
    for (BenchmarkFunction f : study.problems()) {
      List<CompletableFuture<Proxy>> proxies = new ArrayList<>();
      for (SamplingScheme s : study.schemes()) {
        proxies.add(CompletableFuture.supplyAsync(() -> offlineProxy(f, s), pool));
      }
      tasks.addAll(proxies);
      for (TrustOptimizer o : study.optimizers()) {
        for (long seed : study.seeds()) {
          CompletableFuture<Optimum> full =
              CompletableFuture.supplyAsync(() -> truthFull(f, o, seed), pool);
          tasks.add(full);
          for (int i = 0; i < study.schemes().size(); i++) {
            SamplingScheme s = study.schemes().get(i);
            CompletableFuture<ManagedResult> managed =
                full.thenApplyAsync(d -> managed(f, s, o, seed, d), pool);
            tasks.add(managed);
            tasks.add(managed.thenAcceptAsync(b -> equalBudget(f, s, o, seed, b), pool));
            tasks.add(proxies.get(i).thenAcceptAsync(p -> offline(f, s, o, seed, p), pool));
          }
        }
      }
    }
    return tasks;
  }

  private Proxy offlineProxy(BenchmarkFunction f, SamplingScheme s) {
    int d = f.domain().dimension();
    long seed = Seeds.derive(study.proxySeed(), "proxy", f.name(), d, s.label());
    int n = s.sampleSize(study.baseSize());
    Proxy proxy = study.trainer(f).train(f, s.sampler(f), n, seed);
    report("trained the offline proxy of " + f.name() + " " + d + "-D " + s.label() + " on " + n
        + " points: " + proxy.quality());
    return proxy;
  }

  private static long runSeed(BenchmarkFunction f, TrustOptimizer o, long seed) {
    return Seeds.derive(seed, "run", f.name(), f.domain().dimension(), o.label());
  }

  private Optimum truthFull(BenchmarkFunction f, TrustOptimizer o, long seed) {
    Optimum best = o.optimizer().minimize(f, runSeed(f, o, seed));
    add(f, "", o, seed, TrustMethod.TRUTH_FULL, best.x(), best.evaluations());
    return best;
  }

  private void offline(BenchmarkFunction f, SamplingScheme s, TrustOptimizer o, long seed,
      Proxy proxy) {
    Optimum best = o.optimizer().minimize(proxy, runSeed(f, o, seed));
    add(f, s.label(), o, seed, TrustMethod.OFFLINE_PROXY, best.x(),
        s.sampleSize(study.baseSize()));
  }

  /** The managed settings of one run: the budget capped by the share of (d)'s evaluations. */
  static ManagedOptimization managedSettings(ManagedOptimization m, double share,
      long fullEvaluations, SamplingScheme s, BenchmarkFunction f, long seed) {
    long cap = (long) Math.floor(share * fullEvaluations);
    int budget = (int) Math.min(m.budget(), Math.max(cap, 2L * ProxyTrainer.MIN_SAMPLES));
    int initial = m.initialSamples();
    if (budget < m.budget()) {
      initial = Math.max(ProxyTrainer.MIN_SAMPLES,
          (int) ((long) budget * m.initialSamples() / m.budget()));
    }
    return m.toBuilder().initialSampler(s.sampler(f)).initialSamples(initial).budget(budget)
        .seed(seed).threads(1).build();
  }

  private ManagedResult managed(BenchmarkFunction f, SamplingScheme s, TrustOptimizer o,
      long seed, Optimum full) {
    int d = f.domain().dimension();
    long managedSeed = Seeds.derive(seed, "managed", f.name(), d, s.label(), o.label());
    ManagedOptimization m = managedSettings(study.managed(), study.budgetShare(),
        full.evaluations(), s, f, managedSeed);
    ManagedResult r = m.run(f, o.optimizer());
    add(f, s.label(), o, seed, TrustMethod.MANAGED, r.best().x(), r.trueEvaluations());
    return r;
  }

  private void equalBudget(BenchmarkFunction f, SamplingScheme s, TrustOptimizer o, long seed,
      ManagedResult b) {
    Optimizer same = o.equalBudget().apply(b.trueEvaluations());
    if (same == null) {
      throw new IllegalStateException("the equal-budget factory of '" + o.label()
          + "' returned null for " + b.trueEvaluations() + " evaluations. Check the factory.");
    }
    Optimum best = same.minimize(f, runSeed(f, o, seed));
    add(f, s.label(), o, seed, TrustMethod.TRUTH_EQUAL_BUDGET, best.x(), best.evaluations());
  }

  private void add(BenchmarkFunction f, String scheme, TrustOptimizer o, long seed,
      TrustMethod method, double[] x, long trueEvaluations) {
    int d = f.domain().dimension();
    if (x.length != d) {
      throw new IllegalStateException("optimizer '" + o.label() + "' returned a point of length "
          + x.length + " on " + f.name() + " " + d + "-D. Check the optimizer.");
    }
    double distance = Optimum.of(x, 0, 0).distanceTo(f.optimum());
    TrustRun r = new TrustRun(f.name(), d, scheme, o.label(), seed, method, distance,
        f.evaluate(x), trueEvaluations);
    runs.add(r);
    report(String.format(java.util.Locale.ROOT, "%d/%d %s %d-D %s %s seed %d %s: distance %.4f,"
        + " %d true evaluations", done.incrementAndGet(), total, f.name(), d, scheme, o.label(),
        seed, method.letter(), distance, trueEvaluations));
  }

  private void report(String line) {
    synchronized (this) {
      study.progress().accept(line);
    }
  }
}
