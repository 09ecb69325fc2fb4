package io.github.nnproxy.study;

import io.github.nnproxy.internal.DaemonPools;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.sampling.SamplingScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link StabilityStudy}: trains the proxies and makes the optimizer runs on a pool of
 * the study's threads, streams the runs to disk, then sorts, summarizes, plots and reports. When
 * the output folder holds results of the same configuration ({@link StudyFolder}), it reuses the
 * finished runs and the saved proxies and makes only the rest. One instance per {@link
 * StabilityStudy#run()} call.
 */
final class StudyRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StudyRunner.class);
  private final StabilityStudy study;
  private final Path out;
  private final Path proxyDir;
  private final Object listenerLock = new Object();
  private int proxiesDone;
  private int runsDone;
  private final int proxiesTotal;
  private final int runsTotal;

  StudyRunner(StabilityStudy study) {
    this.study = study;
    this.out = study.output();
    this.proxyDir = out.resolve("proxies");
    int cells = study.problems().size();
    int perCell = study.optimizers().size() * study.seeds().length;
    this.proxiesTotal = cells * study.schemes().size();
    this.runsTotal = cells * perCell * (study.schemes().size() + 1);
  }

  StudyResult run() {
    try (StudyFolder.Lock lock = StudyFolder.lock(out)) {
      return runLocked();
    }
  }

  private StudyResult runLocked() {
    boolean resuming = StudyFolder.prepare(study);
    List<RunRecord> kept = resuming ? restore() : List.of();
    Map<String, RunRecord> finished = new HashMap<>();
    for (RunRecord r : kept) {
      finished.put(key(r.function(), r.dimension(), r.scheme(), r.optimizer(), r.seed()), r);
    }
    ProxyRecord[] proxies = new ProxyRecord[proxiesTotal];
    Proxy[] reused = resuming ? reuseProxies(proxies) : new Proxy[proxiesTotal];
    ExecutorService pool = DaemonPools.fixed(study.threads(), "nnproxy-study");
    try {
      try (RunsCsv log = RunsCsv.open(out, kept)) {
        study.listener().onStart(proxiesTotal, runsTotal);
        int proxiesReused = (int) Arrays.stream(reused).filter(p -> p != null).count();
        if (resuming && (proxiesReused > 0 || !kept.isEmpty())) {
          synchronized (listenerLock) {
            proxiesDone = proxiesReused;
            runsDone = kept.size();
            study.listener().onResumed(proxiesReused, kept.size());
          }
        }
        await(submitAll(pool, log, proxies, reused, finished.keySet()), pool);
      }
      List<RunRecord> runs = new ArrayList<>(RunsCsv.read(out));
      if (runs.size() != runsTotal) {
        throw new IllegalStateException(out.resolve(RunsCsv.RUNS) + " holds " + runs.size()
            + " readable runs after the study, but " + runsTotal + " were expected. Was the file"
            + " changed while the study ran? Run the study again to make the missing runs.");
      }
      runs.sort(canonicalOrder());
      RunsCsv.rewrite(out, runs);
      List<ProxyRecord> proxyList = List.of(proxies);
      List<CellSummary> cells = Summaries.of(runs, proxyList);
      SummaryCsv.write(out, cells, proxyList);
      List<Path> plots = study.plots()
          ? new StudyPlots(study, out.resolve("plots")).draw(pool, runs, cells, proxyList)
          : List.of();
      Path md = MarkdownReport.write(out, study, cells, plots);
      return new StudyResult(out, out.resolve(RunsCsv.RUNS), out.resolve(SummaryCsv.SUMMARY), md,
          plots, proxyList, cells, runs.size());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Reads the finished runs of an interrupted study, keeping those this study would make with the
   * same seeds; the others are dropped and made again.
   */
  private List<RunRecord> restore() {
    RunsCsv.Restored restored = RunsCsv.restore(out);
    Map<String, Long> expected = new HashMap<>();
    for (BenchmarkFunction f : study.problems()) {
      int d = f.domain().dimension();
      for (StudyOptimizer o : study.optimizers()) {
        for (long seed : study.seeds()) {
          long runSeed = Seeds.derive(seed, "run", f.name(), d, o.label());
          expected.put(key(f.name(), d, "", o.label(), seed), runSeed);
          for (SamplingScheme s : study.schemes()) {
            expected.put(key(f.name(), d, s.label(), o.label(), seed), runSeed);
          }
        }
      }
    }
    List<RunRecord> kept = new ArrayList<>();
    int foreign = 0;
    for (RunRecord r : restored.runs()) {
      Long runSeed = expected.get(key(r.function(), r.dimension(), r.scheme(), r.optimizer(),
          r.seed()));
      boolean truth = r.scheme().isEmpty();
      if (runSeed != null && runSeed == r.runSeed()
          && r.objective() == (truth ? Objective.TRUTH : Objective.PROXY)) {
        kept.add(r);
      } else {
        foreign++;
      }
    }
    if (restored.dropped() + foreign > 0) {
      LOG.warn("resuming in {}: dropped {} torn or unreadable and {} unexpected rows of {}; their"
          + " runs are made again", out, restored.dropped(), foreign, RunsCsv.RUNS);
    }
    LOG.info("resuming in {}: {} of {} runs are finished", out, kept.size(), runsTotal);
    return kept;
  }

  /**
   * Loads the proxies an interrupted study saved, filling their records; a missing, unreadable or
   * misfitting file is left to be trained again.
   */
  private Proxy[] reuseProxies(ProxyRecord[] records) {
    Proxy[] reused = new Proxy[proxiesTotal];
    List<BenchmarkFunction> problems = study.problems();
    List<SamplingScheme> schemes = study.schemes();
    for (int p = 0; p < problems.size(); p++) {
      BenchmarkFunction f = problems.get(p);
      int d = f.domain().dimension();
      for (int s = 0; s < schemes.size(); s++) {
        SamplingScheme scheme = schemes.get(s);
        Path file = proxyDir.resolve(proxyFileName(f.name(), d, scheme.label()));
        if (!Files.exists(file)) {
          continue;
        }
        try {
          Proxy proxy = Proxy.load(file);
          if (!proxy.domain().equals(f.domain())) {
            throw new IllegalArgumentException("its domain " + proxy.domain() + " is not the "
                + "function's " + f.domain());
          }
          int[] hidden = study.trainer(f).hiddenLayers();
          int[] sizes = proxy.layerSizes();
          if (!Arrays.equals(Arrays.copyOfRange(sizes, 1, sizes.length - 1), hidden)) {
            throw new IllegalArgumentException("its layers " + Arrays.toString(sizes)
                + " do not have the trainer's hidden layers " + Arrays.toString(hidden));
          }
          int slot = p * schemes.size() + s;
          reused[slot] = proxy;
          records[slot] = record(f, scheme, file, proxy);
        } catch (RuntimeException e) {
          LOG.warn("cannot reuse the saved proxy {}, training it again: {}", file, e.toString());
        }
      }
    }
    return reused;
  }

  private ProxyRecord record(BenchmarkFunction f, SamplingScheme scheme, Path file, Proxy proxy) {
    int d = f.domain().dimension();
    long seed = Seeds.derive(study.proxySeed(), "proxy", f.name(), d, scheme.label());
    return new ProxyRecord(f.name(), d, scheme.label(), scheme.sampleSize(study.baseSize()), seed,
        file, proxy.quality());
  }

  private static String key(String function, int d, String scheme, String optimizer, long seed) {
    return function + "\u0000" + d + "\u0000" + scheme + "\u0000" + optimizer + "\u0000" + seed;
  }

  private List<CompletableFuture<?>> submitAll(ExecutorService pool, RunsCsv log,
      ProxyRecord[] proxies, Proxy[] reused, Set<String> finished) {
    List<CompletableFuture<?>> tasks = new ArrayList<>();
    List<BenchmarkFunction> problems = study.problems();
    List<SamplingScheme> schemes = study.schemes();
    for (int p = 0; p < problems.size(); p++) {
      BenchmarkFunction f = problems.get(p);
      int d = f.domain().dimension();
      for (StudyOptimizer o : study.optimizers()) {
        for (long seed : study.seeds()) {
          if (!finished.contains(key(f.name(), d, "", o.label(), seed))) {
            tasks.add(CompletableFuture.runAsync(() -> optimize(f, null, "", o, seed, log), pool));
          }
        }
      }
      for (int s = 0; s < schemes.size(); s++) {
        SamplingScheme scheme = schemes.get(s);
        int slot = p * schemes.size() + s;
        CompletableFuture<Proxy> trained = reused[slot] != null
            ? CompletableFuture.completedFuture(reused[slot])
            : CompletableFuture.supplyAsync(() -> train(f, scheme, proxies, slot), pool);
        tasks.add(trained);
        for (StudyOptimizer o : study.optimizers()) {
          for (long seed : study.seeds()) {
            if (!finished.contains(key(f.name(), d, scheme.label(), o.label(), seed))) {
              tasks.add(trained.thenAcceptAsync(
                  proxy -> optimize(f, proxy, scheme.label(), o, seed, log), pool));
            }
          }
        }
      }
    }
    return tasks;
  }

  private Proxy train(BenchmarkFunction f, SamplingScheme scheme, ProxyRecord[] slots, int slot) {
    int d = f.domain().dimension();
    long seed = Seeds.derive(study.proxySeed(), "proxy", f.name(), d, scheme.label());
    int n = scheme.sampleSize(study.baseSize());
    Proxy proxy = study.trainer(f).train(study.sampledTruth(f), scheme.sampler(f), n, seed);
    Path file = proxyDir.resolve(proxyFileName(f.name(), d, scheme.label()));
    proxy.save(file);
    ProxyRecord rec = record(f, scheme, file, proxy);
    slots[slot] = rec;
    synchronized (listenerLock) {
      study.listener().onProxyTrained(rec, ++proxiesDone, proxiesTotal);
    }
    return proxy;
  }

  /** The file name of a cell's proxy: {@code <function>-<d>d-<scheme>.nnproxy}. */
  static String proxyFileName(String function, int d, String scheme) {
    return function + "-" + d + "d-" + scheme + ".nnproxy";
  }

  private void optimize(
      BenchmarkFunction f, Proxy proxy, String scheme, StudyOptimizer o, long seed, RunsCsv log) {
    int d = f.domain().dimension();
    long runSeed = Seeds.derive(seed, "run", f.name(), d, o.label());
    ForwardModel objective = proxy == null ? f : proxy;
    long start = System.nanoTime();
    Optimum best = o.optimizer().minimize(objective, runSeed);
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    RunRecord r = measure(f, proxy, scheme, o.label(), seed, runSeed, best, wall);
    log.append(r);
    synchronized (listenerLock) {
      study.listener().onRunFinished(r, ++runsDone, runsTotal);
    }
  }

  /**
   * Judges an optimizer's result on the true function (and the proxy, if there is one).
   *
   * @throws IllegalStateException if the optimizer returned a point of the wrong length or with a
   *     non-finite coordinate
   */
  static RunRecord measure(BenchmarkFunction f, Proxy proxy, String scheme, String optimizer,
      long seed, long runSeed, Optimum best, Duration wall) {
    double[] x = best.x();
    int d = f.domain().dimension();
    if (x.length != d || !Arrays.stream(x).allMatch(Double::isFinite)) {
      throw new IllegalStateException("optimizer '" + optimizer + "' returned " + best
          + " on " + f.name() + " " + d + "-D; expected " + d + " finite coordinates."
          + " Check the optimizer.");
    }
    double trueValue = f.evaluate(x);
    double proxyValue = proxy == null ? Double.NaN : proxy.evaluate(x);
    return new RunRecord(f.name(), d, scheme, optimizer, seed, runSeed,
        proxy == null ? Objective.TRUTH : Objective.PROXY, x, best.distanceTo(f.optimum()),
        trueValue, trueValue - f.optimalValue(), best.value(), proxyValue,
        Math.abs(proxyValue - trueValue), best.evaluations(), f.domain().contains(x), wall);
  }

  private static void await(List<CompletableFuture<?>> tasks, ExecutorService pool) {
    CompletableFuture<Object> failure = new CompletableFuture<>();
    for (CompletableFuture<?> t : tasks) {
      t.whenComplete((v, e) -> {
        if (e != null) {
          failure.completeExceptionally(e);
        }
      });
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new));
    try {
      CompletableFuture.anyOf(all, failure).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(pool);
      throw new IllegalStateException("interrupted while the study was running", e);
    } catch (ExecutionException e) {
      stop(pool);
      Throwable cause = e.getCause();
      while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw new IllegalStateException("the study failed: " + cause, cause);
    }
  }

  private static void stop(ExecutorService pool) {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Function, dimension (as given), truth before the schemes (as given), optimizer, seed. */
  private Comparator<RunRecord> canonicalOrder() {
    Map<String, Integer> fn = index(study.functionNames());
    Map<String, Integer> sc = new HashMap<>();
    sc.put("", -1);
    for (SamplingScheme s : study.schemes()) {
      sc.put(s.label(), sc.size());
    }
    Map<String, Integer> op = new HashMap<>();
    for (StudyOptimizer o : study.optimizers()) {
      op.put(o.label(), op.size());
    }
    int[] dims = study.dimensions();
    long[] seeds = study.seeds();
    return Comparator.<RunRecord>comparingInt(r -> fn.get(r.function()))
        .thenComparingInt(r -> indexOf(dims, r.dimension()))
        .thenComparingInt(r -> sc.get(r.scheme()))
        .thenComparingInt(r -> op.get(r.optimizer()))
        .thenComparingInt(r -> indexOf(seeds, r.seed()));
  }

  private static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> m = new HashMap<>();
    for (String n : names) {
      m.put(n, m.size());
    }
    return m;
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    throw new IllegalStateException("unknown value " + v);
  }

  private static int indexOf(long[] a, long v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    throw new IllegalStateException("unknown value " + v);
  }
}
