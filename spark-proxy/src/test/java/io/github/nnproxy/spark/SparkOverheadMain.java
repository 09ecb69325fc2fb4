package io.github.nnproxy.spark;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures what Spark costs and gains for expensive forward models: {@code n} evaluations of a
 * model that computes for about {@code ms} milliseconds per call, on a plain two-thread pool, on
 * {@code local[2]} and on a two-worker standalone cluster on the loopback interface; and Spark's
 * fixed overhead per job (one-point jobs of a model that costs nothing) and per task (a batch of
 * one point per task against the same batch in two tasks). Prints one line per figure; see
 * docs/spark.md for the command.
 *
 * <p>Arguments: {@code [n=2000] [ms=50] [cluster=true]}.
 */
public final class SparkOverheadMain {
  private SparkOverheadMain() {}

  /**
   * Runs the measurements.
   *
   * @param args {@code [n] [ms] [cluster]}
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    double ms = args.length > 1 ? Double.parseDouble(args[1]) : 50;
    boolean cluster = args.length <= 2 || Boolean.parseBoolean(args[2]);
    Busy model = Busy.calibrated(ms);
    double[][] xs = points(n);
    System.out.printf(Locale.ROOT, "model: %d iterations, %.1f ms per call on this JVM; "
        + "%d processors; Java %s%n", model.iterations, model.millisPerCall(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

    double[] reference = new double[n];
    double pool = pool(model, xs, reference);
    report("2-thread pool", n, pool, ms);

    try (SparkRuntime spark = SparkRuntime.builder().master("local[2]").build()) {
      measure("local[2]", spark, model, xs, reference, ms);
    }
    if (cluster) {
      try (LoopbackCluster c = LoopbackCluster.start(LoopbackCluster.folder(), 2)) {
        try (SparkRuntime spark = c.runtime().build()) {
          LoopbackCluster.awaitExecutors(spark.context(), 2, java.time.Duration.ofSeconds(120));
          measure("loopback cluster, 2 workers x 1 core", spark, model, xs, reference, ms);
        }
      }
    }
  }

  private static void measure(String where, SparkRuntime spark, Busy model, double[][] xs,
      double[] reference, double ms) {
    Busy free = new Busy(0);
    SparkForwardModel warm = spark.distribute(free);
    for (int i = 0; i < 5; i++) {
      warm.evaluateAll(points(200)); // executors up, classes loaded, JIT warm
    }
    int jobs = 40;
    long t0 = System.nanoTime();
    for (int i = 0; i < jobs; i++) {
      warm.evaluateAll(points(1));
    }
    double perJob = (System.nanoTime() - t0) / 1e6 / jobs;
    double[][] many = points(xs.length);
    long t1 = System.nanoTime();
    warm.evaluateAll(many);
    double oneEach = (System.nanoTime() - t1) / 1e6;
    SparkForwardModel two = warm.toBuilder().pointsPerTask((xs.length + 1) / 2).build();
    long t2 = System.nanoTime();
    two.evaluateAll(many);
    double twoTasks = (System.nanoTime() - t2) / 1e6;
    System.out.printf(Locale.ROOT, "%s: overhead per job %.1f ms (mean of %d one-point jobs); "
            + "per task %.2f ms of wall time with %d slots (%d tasks %.0f ms, 2 tasks %.0f ms)%n",
        where, perJob, jobs, (oneEach - twoTasks) / xs.length,
        spark.context().defaultParallelism(), xs.length, oneEach, twoTasks);

    SparkForwardModel m = spark.distribute(model);
    long t3 = System.nanoTime();
    double[] ys = m.evaluateAll(xs);
    double took = (System.nanoTime() - t3) / 1e9;
    if (!java.util.Arrays.equals(ys, reference)) {
      throw new IllegalStateException(where + ": values differ from the pool's");
    }
    report(where, xs.length, took, ms);
  }

  private static double pool(Busy model, double[][] xs, double[] out) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      long t = System.nanoTime();
      List<Future<Double>> fs = new ArrayList<>();
      for (double[] x : xs) {
        fs.add(pool.submit(() -> model.evaluate(x)));
      }
      for (int i = 0; i < xs.length; i++) {
        out[i] = fs.get(i).get();
      }
      return (System.nanoTime() - t) / 1e9;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void report(String where, int n, double seconds, double ms) {
    double ideal = n * ms / 1000 / 2;
    System.out.printf(Locale.ROOT, "%s: %d evaluations in %.1f s (%.1f per second; two "
        + "perfectly used cores: %.1f s)%n", where, n, seconds, n / seconds, ideal);
  }

  private static double[][] points(int n) {
    double[][] xs = new double[n][];
    for (int i = 0; i < n; i++) {
      xs[i] = new double[] {(i + 0.5) / n, 1 - (i + 0.5) / n};
    }
    return xs;
  }

  /** A model that does real floating-point work, a fixed number of iterations per call. */
  static final class Busy implements ForwardModel, Serializable {
    private static final long serialVersionUID = 1L;
    final long iterations;

    Busy(long iterations) {
      this.iterations = iterations;
    }

    /** Finds the iterations that take about {@code ms} milliseconds here, after warming up. */
    static Busy calibrated(double ms) {
      Busy b = new Busy(2_000_000);
      for (int round = 0; round < 4; round++) { // warm up, then refine on longer runs
        double per = b.millisPerCall() / b.iterations;
        b = new Busy(Math.max(1, Math.round(ms / per)));
      }
      return b;
    }

    double millisPerCall() {
      long t = System.nanoTime();
      int calls = 10;
      for (int i = 0; i < calls; i++) {
        evaluate(new double[] {0.3, 0.4});
      }
      return (System.nanoTime() - t) / 1e6 / calls;
    }

    @Override
    public Domain domain() {
      return Domain.cube(2, 0, 1);
    }

    @Override
    public double evaluate(double[] x) {
      double s = x[0];
      double c = x[1];
      for (long i = 0; i < iterations; i++) {
        s = s * 0.999 + Math.sqrt(c + i * 1e-9);
        c = c * 0.5 + 1e-3 * s;
      }
      return s + c;
    }
  }
}
