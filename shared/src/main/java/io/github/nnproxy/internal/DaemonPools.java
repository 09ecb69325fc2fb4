package io.github.nnproxy.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread pools of daemon threads, so that a pool its owner forgot to shut down never keeps the
 * JVM alive. Threads are named {@code <name>-<n>}. Not API: the package {@code
 * io.github.nnproxy.internal} may change without notice.
 *
 * <pre>{@code
 * ExecutorService pool = DaemonPools.fixed(4, "nnproxy-study");
 * try { ... } finally { pool.shutdownNow(); }
 * }</pre>
 *
 * <p>Stateless and thread-safe; the caller owns and shuts down every pool.
 */
public final class DaemonPools {
  private DaemonPools() {}

  /**
   * Creates a pool of a fixed number of daemon threads.
   *
   * @param threads the number of threads, {@code > 0}
   * @param name the threads' name prefix
   * @return the pool
   * @throws IllegalArgumentException if {@code threads <= 0}
   * @throws NullPointerException if {@code name} is null
   */
  public static ExecutorService fixed(int threads, String name) {
    Requires.positive(threads, "threads");
    return Executors.newFixedThreadPool(threads, factory(name));
  }

  /**
   * Creates a pool that starts daemon threads as they are needed and reuses idle ones.
   *
   * @param name the threads' name prefix
   * @return the pool
   * @throws NullPointerException if {@code name} is null
   */
  public static ExecutorService cached(String name) {
    return Executors.newCachedThreadPool(factory(name));
  }

  /**
   * Returns a factory of daemon threads named {@code <name>-<n>}.
   *
   * @param name the threads' name prefix
   * @return the factory
   * @throws NullPointerException if {@code name} is null
   */
  public static ThreadFactory factory(String name) {
    Requires.nonNull(name, "name");
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
