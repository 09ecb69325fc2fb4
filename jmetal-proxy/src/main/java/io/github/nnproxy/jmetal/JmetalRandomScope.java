package io.github.nnproxy.jmetal;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.lang.reflect.Field;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.uma.jmetal.algorithm.singleobjective.particleswarmoptimization.StandardPSO2011;
import org.uma.jmetal.util.neighborhood.impl.AdaptiveRandomNeighborhood;
import org.uma.jmetal.util.pseudorandom.JMetalRandom;
import org.uma.jmetal.util.pseudorandom.PseudoRandomGenerator;
import org.uma.jmetal.util.pseudorandom.impl.ExtendedPseudoRandomGenerator;
import org.uma.jmetal.util.pseudorandom.impl.JavaRandomGenerator;

/**
 * Gives every jMetal run its own seeded random stream, although jMetal draws all its randomness
 * from the process-wide singleton {@link JMetalRandom}.
 *
 * <p>Design (see also {@link JmetalPsoOptimizer}):
 *
 * <ol>
 *   <li>One {@link Router} is installed, once, as the generator of {@link JMetalRandom}. It is an
 *       {@link ExtendedPseudoRandomGenerator} (StandardPSO2011 casts the global generator to that
 *       type) whose every draw is forwarded to the generator bound to the <em>calling thread</em>.
 *       A thread with no bound generator draws from the generator that was installed before (the
 *       caller's own, or jMetal's default), so code outside nnproxy behaves as before.
 *   <li>{@link #run(long, Supplier)} binds a fresh {@code JavaRandomGenerator(seed)} to the calling
 *       thread for the duration of one run. It is the generator jMetal itself uses after {@code
 *       JMetalRandom.getInstance().setSeed(seed)}, so a single-threaded run draws the same stream
 *       as plain jMetal with that seed.
 *   <li>StandardPSO2011's constructor replaces the global generator by one seeded from the clock
 *       and draws its first random neighbourhood from it. {@link #constructSpso2011(Supplier)}
 *       therefore builds it under an exclusive lock, re-installs the router at once and
 *       redraws the neighbourhood from the run's seeded stream. Runs hold the shared side of the
 *       same lock while they draw, so no run ever sees the clock-seeded generator.
 * </ol>
 *
 * <p>Thread safety: all methods may be called from any thread. Runs proceed in parallel; only the
 * (short) construction of a StandardPSO2011 waits for the runs in progress to finish. Code that
 * replaces {@code JMetalRandom}'s generator outside nnproxy while an nnproxy run is in progress is
 * not covered.
 */
final class JmetalRandomScope {

  /** Exclusive for swapping the global generator, shared for runs that draw from it. */
  private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock(true);

  private static final ThreadLocal<PseudoRandomGenerator> BOUND = new ThreadLocal<>();

  private static final Router ROUTER = new Router(new Dispatcher());

  /**
   * The singleton, fetched once during (thread-safe) class initialization: JMetalRandom's lazy
   * getInstance() is not synchronized, and two racing first calls could create two instances.
   */
  private static final JMetalRandom GLOBAL = JMetalRandom.getInstance();

  /** The generator that threads without a bound generator use; guarded by LOCK's write lock. */
  private static volatile PseudoRandomGenerator fallback;

  private JmetalRandomScope() {}

  /**
   * Runs {@code body} on the calling thread with jMetal's randomness drawn from a generator seeded
   * with {@code seed}, and returns its result.
   */
  static <T> T run(long seed, Supplier<T> body) {
    nonNull(body, "body");
    PseudoRandomGenerator previous = BOUND.get();
    BOUND.set(new JavaRandomGenerator(seed));
    try {
      if (LOCK.getReadHoldCount() == 0) {
        // Not nested in another run on this thread, so the write lock cannot deadlock here.
        ensureInstalled();
      }
      LOCK.readLock().lock();
      try {
        return body.get();
      } finally {
        LOCK.readLock().unlock();
      }
    } finally {
      restore(previous);
    }
  }

  /**
   * Builds a {@link StandardPSO2011} whose random choices come from the calling thread's seeded
   * generator only; must be called inside {@link #run(long, Supplier)} (with the same thread).
   *
   * @throws IllegalStateException if called from inside another run's objective on this thread, or
   *     if the jMetal version has no field {@code neighborhood} in StandardPSO2011
   */
  static StandardPSO2011 constructSpso2011(Supplier<StandardPSO2011> constructor) {
    if (BOUND.get() == null) {
      throw new IllegalStateException("constructSpso2011 must be called inside JmetalRandomScope.run");
    }
    if (LOCK.getReadHoldCount() > 1) {
      // run() holds one read hold; a second one means a nested run on this thread.
      throw new IllegalStateException(
          "a StandardPSO2011 cannot be built from inside another jMetal run on the same thread "
              + "(e.g. an objective that itself runs an optimizer); run it on another thread");
    }
    // Upgrade: release this run's shared hold, take the exclusive lock, then take the hold back.
    LOCK.readLock().unlock();
    LOCK.writeLock().lock();
    try {
      JMetalRandom global = GLOBAL;
      PseudoRandomGenerator before = global.getRandomGenerator();
      if (before != ROUTER) {
        fallback = before;
      }
      StandardPSO2011 pso;
      try {
        pso = constructor.get();
      } finally {
        global.setRandomGenerator(ROUTER); // also when the constructor throws
      }
      redrawNeighbourhood(pso);
      return pso;
    } finally {
      LOCK.readLock().lock(); // downgrade: write holder may take the read lock
      LOCK.writeLock().unlock();
    }
  }

  /** Redraws StandardPSO2011's neighbourhood, first drawn from the clock-seeded generator. */
  private static void redrawNeighbourhood(StandardPSO2011 pso) {
    try {
      Field f = StandardPSO2011.class.getDeclaredField("neighborhood");
      f.setAccessible(true);
      ((AdaptiveRandomNeighborhood<?>) f.get(pso)).recompute();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot make StandardPSO2011 reproducible: its private field 'neighborhood' was not "
              + "found or not accessible (is the jMetal version 6.6?)",
          e);
    }
  }

  /** Installs the router in JMetalRandom if it is not there, keeping the replaced generator. */
  static void ensureInstalled() {
    JMetalRandom global = GLOBAL;
    if (global.getRandomGenerator() == ROUTER) {
      return;
    }
    LOCK.writeLock().lock();
    try {
      PseudoRandomGenerator current = global.getRandomGenerator();
      if (current != ROUTER) {
        fallback = current;
        global.setRandomGenerator(ROUTER);
      }
    } finally {
      LOCK.writeLock().unlock();
    }
  }

  private static void restore(PseudoRandomGenerator previous) {
    if (previous == null) {
      BOUND.remove();
    } else {
      BOUND.set(previous);
    }
  }

  /** The generator the calling thread draws from now. */
  private static PseudoRandomGenerator current() {
    PseudoRandomGenerator g = BOUND.get();
    return g != null ? g : fallback;
  }

  /** Forwards each draw to the calling thread's generator. */
  private static final class Dispatcher implements PseudoRandomGenerator {
    @Override
    public int nextInt(int lowerBound, int upperBound) {
      return current().nextInt(lowerBound, upperBound);
    }

    @Override
    public double nextDouble(double lowerBound, double upperBound) {
      return current().nextDouble(lowerBound, upperBound);
    }

    @Override
    public double nextDouble() {
      return current().nextDouble();
    }

    @Override
    public void setSeed(long seed) {
      current().setSeed(seed);
    }

    @Override
    public long getSeed() {
      return current().getSeed();
    }

    @Override
    public String getName() {
      return "nnproxy-thread-scoped(" + current().getName() + ")";
    }
  }

  /** The generator installed in JMetalRandom: an ExtendedPseudoRandomGenerator, as SPSO2011 needs. */
  static final class Router extends ExtendedPseudoRandomGenerator {
    Router(PseudoRandomGenerator dispatcher) {
      super(dispatcher);
    }
  }
}
