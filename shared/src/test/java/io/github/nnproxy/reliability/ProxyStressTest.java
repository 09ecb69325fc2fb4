package io.github.nnproxy.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrency stress: one proxy shared by 8 threads for 10^6 evaluations gives, bit for bit, the
 * values of a sequential run. An Encog network shared by threads is known to return silently wrong
 * values (about 1% of 600,000 outputs with 4 threads, see api-notes), so a single wrong bit here
 * means a proxy leaked its scratch buffers between threads.
 */
class ProxyStressTest {
  static final int THREADS = 8;
  static final int N = 1_000_000;
  static final int CHUNK = 1_000;
  static Proxy proxy;
  @TempDir static Path dir;

  @BeforeAll
  static void train() {
    proxy = ProxyTrainer.builder().hiddenLayers(16, 16).epochs(5).build()
        .train(Benchmarks.ackley(2), Samplers.uniform(), 500, 5L);
  }

  /**
   * The i-th point: a fixed scramble of i over [-6, 6]^2, a little wider than Ackley's [-5, 5]^2,
   * so about a third of the points make the proxy extrapolate.
   */
  static void point(int i, double[] into) {
    long z = (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    into[0] = ((z >>> 11) * 0x1.0p-53) * 12 - 6;
    into[1] = (((z * 0x2545F4914F6CDD1DL) >>> 11) * 0x1.0p-53) * 12 - 6;
  }

  static double[] sequential(Proxy p) {
    double[] ys = new double[N];
    double[] x = new double[2];
    for (int i = 0; i < N; i++) {
      point(i, x);
      ys[i] = p.evaluate(x);
    }
    return ys;
  }

  /**
   * Evaluates all N points on 8 threads that start together and take chunks of 1,000 points as
   * they go; even chunks one point at a time, odd chunks in one {@code evaluateAll} call.
   *
   * @return the values, by point
   */
  static double[] parallel(Proxy p) throws Exception {
    double[] ys = new double[N];
    AtomicInteger next = new AtomicInteger();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        tasks.add(pool.submit(() -> {
          start.await();
          double[] x = new double[2];
          for (int c; (c = next.getAndIncrement()) < N / CHUNK; ) {
            int from = c * CHUNK;
            if (c % 2 == 0) {
              for (int i = from; i < from + CHUNK; i++) {
                point(i, x);
                ys[i] = p.evaluate(x);
              }
            } else {
              double[][] xs = new double[CHUNK][2];
              for (int k = 0; k < CHUNK; k++) {
                point(from + k, xs[k]);
              }
              System.arraycopy(p.evaluateAll(xs), 0, ys, from, CHUNK);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : tasks) {
        f.get(); // rethrows a worker's failure; publishes its writes
      }
    } finally {
      pool.shutdownNow();
    }
    return ys;
  }

  static int mismatches(double[] expected, double[] actual) {
    int bad = 0;
    for (int i = 0; i < N; i++) {
      if (Double.doubleToRawLongBits(expected[i]) != Double.doubleToRawLongBits(actual[i])) {
        bad++;
      }
    }
    return bad;
  }

  @Test
  void eightThreadsOnOneProxyGiveTheSequentialValuesBitForBit() throws Exception {
    double[] expected = sequential(proxy);
    long queriesBefore = proxy.queries();
    long extrapolatedBefore = proxy.extrapolatedQueries();

    double[] actual = parallel(proxy);

    assertEquals(0, mismatches(expected, actual), "values differing from the sequential run");
    assertEquals(N, proxy.queries() - queriesBefore, "no query lost by the counters");
    long outside = 0;
    double[] x = new double[2];
    for (int i = 0; i < N; i++) {
      point(i, x);
      outside += proxy.domain().contains(x) ? 0 : 1;
    }
    assertEquals(outside, proxy.extrapolatedQueries() - extrapolatedBefore);
  }

  @Test
  void threadsThatStartTogetherOnAFreshlyLoadedProxyGetCorrectValues() throws Exception {
    // the per-thread network copies are made lazily, on a thread's first call: race them
    Path file = dir.resolve("p.nnproxy");
    proxy.save(file);
    double[][] xs = new double[200][2];
    for (int k = 0; k < xs.length; k++) {
      point(k, xs[k]);
    }
    double[] expected = proxy.evaluateAll(xs);
    AtomicLong wrong = new AtomicLong();
    for (int round = 0; round < 20; round++) {
      Proxy fresh = Proxy.load(file);
      CyclicBarrier start = new CyclicBarrier(THREADS);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        Thread th = new Thread(() -> {
          try {
            start.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          for (int k = 0; k < xs.length; k++) {
            if (Double.doubleToRawLongBits(fresh.evaluate(xs[k]))
                != Double.doubleToRawLongBits(expected[k])) {
              wrong.incrementAndGet();
            }
          }
        });
        th.start();
        threads.add(th);
      }
      for (Thread th : threads) {
        th.join();
      }
    }
    assertEquals(0, wrong.get());
  }
}
