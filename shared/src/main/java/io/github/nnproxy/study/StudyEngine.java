package io.github.nnproxy.study;

import io.github.nnproxy.internal.DaemonPools;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.study.report.RunFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine every study runs on; what the runs are comes from its {@link StudyProtocol}. One
 * {@link #run()}: locks the folder ({@link StudyFolder#lock}); when it holds results of the same
 * configuration, keeps the finished rows that match and the saved proxies; trains the missing
 * proxies ({@link ProxyCache}) and makes the missing runs on a pool of daemon threads, each run
 * once its proxy and the rows it needs are there; streams every row to disk before the listener
 * hears of it; stops at the first failure; then rewrites the runs in canonical order (the
 * protocol's order of runs) and lets the protocol summarize. Not API; one instance per run.
 *
 * @param <S> the description of one run
 * @param <R> the row one run gives
 * @param <T> the study's result
 */
final class StudyEngine<S, R, T> {
  private static final Logger LOG = LoggerFactory.getLogger(StudyEngine.class);
  private final StudyProtocol<S, R, T> protocol;
  private final Path out;
  private final Object listenerLock = new Object();
  private int proxiesDone;
  private int runsDone;

  StudyEngine(StudyProtocol<S, R, T> protocol) {
    this.protocol = protocol;
    this.out = protocol.output();
  }

  T run() {
    try (StudyFolder.Lock lock = StudyFolder.lock(out)) {
      return runLocked();
    }
  }

  private T runLocked() {
    boolean resuming = protocol.prepare();
    List<S> specs = protocol.runs();
    Map<String, S> byKey = new HashMap<>();
    for (S s : specs) {
      if (byKey.put(protocol.runKey(s), s) != null) {
        throw new IllegalStateException("two runs share the key " + protocol.runKey(s));
      }
    }
    RunFiles<R> files = protocol.files();
    List<R> kept = resuming ? restore(files, byKey, specs.size()) : List.of();
    Map<String, R> finished = new HashMap<>();
    for (R r : kept) {
      finished.put(protocol.rowKey(r), r);
    }
    ProxyCache proxies = protocol.proxies(out.resolve("proxies"));
    if (resuming) {
      proxies.load(out.resolve("proxies"), c -> true);
    }
    protocol.loadForeignProxies(proxies);
    int proxiesTotal = proxies.size();
    int runsTotal = specs.size();
    ExecutorService pool = DaemonPools.fixed(protocol.threads(), protocol.threadName());
    try {
      try (RunFiles.Appender<R> log = files.open(out, kept)) {
        StudyListener listener = protocol.listener();
        listener.onStart(proxiesTotal, runsTotal);
        int reused = proxies.loaded();
        synchronized (listenerLock) {
          proxiesDone = reused;
          runsDone = kept.size();
          if (resuming && (reused > 0 || !kept.isEmpty())) {
            listener.onResumed(reused, kept.size());
          }
        }
        await(submitAll(specs, finished, proxies, log, pool, proxiesTotal, runsTotal), pool);
      }
      List<R> rows = new ArrayList<>(files.restore(out).rows());
      if (rows.size() != runsTotal) {
        throw new IllegalStateException(out.resolve(files.name()) + " holds " + rows.size()
            + " readable runs after the study, but " + runsTotal + " were expected. Was the file"
            + " changed while the study ran? Run the study again to make the missing runs.");
      }
      rows.sort(canonicalOrder(specs));
      files.rewrite(out, rows);
      return protocol.finish(rows, proxies.records(), pool);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Reads the rows of an interrupted study, keeping those this study would make the same way; the
   * others are dropped and made again.
   */
  private List<R> restore(RunFiles<R> files, Map<String, S> byKey, int total) {
    RunFiles.Restored<R> restored = files.restore(out);
    List<R> kept = new ArrayList<>();
    int foreign = 0;
    for (R r : restored.rows()) {
      S s = byKey.get(protocol.rowKey(r));
      if (s != null && protocol.matches(s, r)) {
        kept.add(r);
      } else {
        foreign++;
      }
    }
    if (restored.dropped() + foreign > 0) {
      LOG.warn("resuming in {}: dropped {} torn or unreadable and {} unexpected rows of {}; their"
          + " runs are made again", out, restored.dropped(), foreign, files.name());
    }
    LOG.info("resuming in {}: {} of {} runs are finished", out, kept.size(), total);
    return kept;
  }

  private List<CompletableFuture<?>> submitAll(List<S> specs, Map<String, R> finished,
      ProxyCache proxies, RunFiles.Appender<R> log, ExecutorService pool, int proxiesTotal,
      int runsTotal) {
    List<CompletableFuture<?>> tasks = new ArrayList<>();
    Map<String, CompletableFuture<R>> rows = new HashMap<>();
    java.util.function.Consumer<ProxyRecord> trained = rec -> {
      synchronized (listenerLock) {
        protocol.listener().onProxyTrained(rec, ++proxiesDone, proxiesTotal);
      }
    };
    List<S> order = specs;
    Comparator<S> submission = protocol.submissionOrder();
    if (submission != null) {
      order = new ArrayList<>(specs);
      order.sort(submission);
    }
    for (S s : order) {
      String key = protocol.runKey(s);
      R done = finished.get(key);
      if (done != null) {
        rows.put(key, CompletableFuture.completedFuture(done));
        continue;
      }
      ProxyCache.Cell cell = protocol.proxyCell(s);
      CompletableFuture<Proxy> proxy = cell == null ? CompletableFuture.completedFuture(null)
          : proxies.get(cell, pool, trained);
      List<CompletableFuture<R>> needs = new ArrayList<>();
      for (S n : protocol.needs(s)) {
        CompletableFuture<R> f = rows.get(protocol.runKey(n));
        if (f == null) {
          throw new IllegalStateException("run " + key + " needs " + protocol.runKey(n)
              + ", which is not listed before it");
        }
        needs.add(f);
      }
      CompletableFuture<?>[] all = new CompletableFuture<?>[needs.size() + 1];
      all[0] = proxy;
      for (int i = 0; i < needs.size(); i++) {
        all[i + 1] = needs.get(i);
      }
      CompletableFuture<R> row = CompletableFuture.allOf(all).thenApplyAsync(v -> {
        List<R> needed = new ArrayList<>(needs.size());
        for (CompletableFuture<R> f : needs) {
          needed.add(f.join());
        }
        R r = protocol.run(s, proxy.join(), needed);
        log.append(r);
        synchronized (listenerLock) {
          protocol.finished(r, ++runsDone, runsTotal);
        }
        return r;
      }, pool);
      rows.put(key, row);
      tasks.add(row);
    }
    tasks.addAll(proxies.all(pool, trained)); // every proxy, used by a run left or not
    return tasks;
  }

  /** Waits for every task; the first failure stops the pool and fails the study. */
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
      while (cause instanceof CompletionException && cause.getCause() != null) {
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

  /** The order of the protocol's runs; a row of no run fails. */
  private Comparator<R> canonicalOrder(List<S> specs) {
    Map<String, Integer> index = new HashMap<>();
    for (S s : specs) {
      index.put(protocol.runKey(s), index.size());
    }
    return Comparator.comparingInt(r -> {
      Integer i = index.get(protocol.rowKey(r));
      if (i == null) {
        throw new IllegalStateException("the row " + protocol.rowKey(r) + " belongs to no run of"
            + " this study");
      }
      return i;
    });
  }
}
