package io.github.nnproxy.proxy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A few daemon threads that run one short task together with the caller, many thousands of times
 * a second: the gradient shards of each mini-batch of {@link AdamKernel}. An executor's hand-off
 * (a queue, a future, parking and waking a thread for every task) costs about as much as the
 * work of a small mini-batch; here the workers spin briefly between tasks and park only when no
 * task comes, and the caller spins briefly for them to finish.
 *
 * <p>{@link #run} is called by one thread at a time (the training thread). Not reusable after
 * {@link #close()}.
 */
final class StepWorkers implements AutoCloseable {
  /** Spins (of {@link Thread#onSpinWait()}) before a waiting thread parks or yields. */
  private static final int SPIN = 20_000;

  private final Thread[] workers;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicInteger pending = new AtomicInteger();
  private volatile IntConsumer task;
  private volatile Throwable failure;
  private volatile boolean closed;

  /**
   * Starts the workers.
   *
   * @param count the number of worker threads, besides the caller of {@link #run}
   */
  StepWorkers(int count) {
    this.workers = new Thread[count];
    for (int i = 0; i < count; i++) {
      int index = i + 1;
      Thread t = new Thread(() -> loop(index), "nnproxy-train-" + index);
      t.setDaemon(true);
      workers[i] = t;
      t.start();
    }
  }

  /** Returns the number of parts {@link #run} runs: the workers and the caller. */
  int parts() {
    return workers.length + 1;
  }

  /**
   * Runs {@code task.accept(0)} on the calling thread and {@code task.accept(i)} for {@code i = 1
   * .. parts() - 1} on the workers, and returns when all are done.
   *
   * @throws IllegalStateException if a worker's part failed, with its exception as the cause
   */
  void run(IntConsumer task) {
    if (closed) {
      throw new IllegalStateException("the training workers are closed");
    }
    this.task = task;
    pending.set(workers.length);
    generation.incrementAndGet();
    for (Thread w : workers) {
      LockSupport.unpark(w);
    }
    Throwable mine = null;
    try {
      task.accept(0);
    } catch (RuntimeException | Error e) {
      mine = e;
    }
    int spins = 0;
    while (pending.get() > 0) {
      if (++spins < SPIN) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    this.task = null;
    if (mine instanceof RuntimeException r) {
      throw r;
    } else if (mine instanceof Error e) {
      throw e;
    }
    Throwable f = failure;
    if (f != null) {
      failure = null;
      throw new IllegalStateException("a training shard failed", f);
    }
  }

  private void loop(int index) {
    long seen = 0;
    while (true) {
      long g;
      int spins = 0;
      while ((g = generation.get()) == seen) {
        if (closed) {
          return;
        }
        if (++spins < SPIN) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      seen = g;
      try {
        task.accept(index);
      } catch (Throwable t) {
        failure = t;
      } finally {
        pending.decrementAndGet();
      }
    }
  }

  /** Stops the workers; they end as soon as they are idle. */
  @Override
  public void close() {
    closed = true;
    for (Thread w : workers) {
      LockSupport.unpark(w);
    }
  }
}
