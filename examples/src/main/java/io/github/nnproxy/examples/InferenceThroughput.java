package io.github.nnproxy.examples;

import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Activation;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the inference throughput of the seed's Ackley network ({@code d-20-50-120-70-20-10-1})
 * on one thread, in the same line format as the seed's PyTorch inference script, so that one
 * script can run both in turn and compare them (see {@code examples/scripts/bench-inference.sh}).
 *
 * <p>For every dimension and batch size it builds the proxy (one short training run: throughput
 * does not depend on the weights), draws the points, warms the JIT up on that batch size and then
 * counts evaluations for a fixed time: {@link Proxy#evaluate} for batches of 1, {@link
 * Proxy#evaluateAll} otherwise. Output, one line per measurement:
 *
 * <pre>{@code
 * nnproxy d=2 batch=100 evals_per_s=812345 activation=relu kernel=vector
 * }</pre>
 *
 * <p>{@code kernel} says which forward pass ran ({@link Proxy#vectorKernel()}): {@code vector}
 * when the JVM was started with {@code --add-modules jdk.incubator.vector}, else {@code
 * portable}.
 *
 * <p>Usage: {@code InferenceThroughput [activation] [dimensions] [batches] [seconds]}, e.g. {@code
 * InferenceThroughput silu 2,10 1,10,100,1000 1.0} (the defaults but for the activation, {@code
 * relu}); the warm-up takes twice {@code seconds} per measurement.
 */
public final class InferenceThroughput {
  private InferenceThroughput() {}

  /**
   * Runs the measurements.
   *
   * @param args activation, dimensions and batch sizes (comma-separated) and seconds per
   *     measurement, all optional
   */
  public static void main(String[] args) {
    Activation activation = Activation.parse(args.length > 0 ? args[0] : "relu");
    int[] dims = ints(args.length > 1 ? args[1] : "2,10", "dimensions");
    int[] batches = ints(args.length > 2 ? args[2] : "1,10,100,1000", "batches");
    double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 1.0;
    if (!(seconds > 0 && seconds <= 600)) {
      throw new IllegalArgumentException("seconds must be in (0, 600], but was " + seconds);
    }
    for (int d : dims) {
      BenchmarkFunction f = Benchmarks.ackley(d);
      Proxy proxy = SeedRecipes.trainer(f).toBuilder().activation(activation).epochs(1).build()
          .train(f, Samplers.uniform(), 500, 1L);
      for (int batch : batches) {
        double[][] xs = Samplers.uniform().sample(f.domain(), batch, 2L);
        run(proxy, xs, 2 * seconds);
        double rate = run(proxy, xs, seconds);
        System.out.printf(Locale.ROOT,
            "nnproxy d=%d batch=%d evals_per_s=%.0f activation=%s kernel=%s%n",
            d, batch, rate, activation.key(), Proxy.vectorKernel() ? "vector" : "portable");
      }
    }
  }

  /** Evaluates {@code xs} over and over for about {@code seconds}; returns evaluations/s. */
  private static double run(Proxy proxy, double[][] xs, double seconds) {
    long budget = (long) (seconds * 1e9);
    long evaluations = 0;
    double sink = 0;
    long start = System.nanoTime();
    long now = start;
    while (now - start < budget) {
      for (int rep = 0; rep < 16; rep++) { // read the clock every 16 calls at most
        if (xs.length == 1) {
          sink += proxy.evaluate(xs[0]);
        } else {
          sink += proxy.evaluateAll(xs)[xs.length - 1];
        }
        evaluations += xs.length;
      }
      now = System.nanoTime();
    }
    if (Double.isNaN(sink)) {
      System.out.println("(NaN)"); // keeps the results alive
    }
    return evaluations / ((now - start) / 1e9);
  }

  private static int[] ints(String list, String what) {
    List<Integer> values = new ArrayList<>();
    for (String s : list.split(",")) {
      int v = Integer.parseInt(s.trim());
      if (v < 1) {
        throw new IllegalArgumentException(what + " must be >= 1, but was " + v);
      }
      values.add(v);
    }
    return values.stream().mapToInt(Integer::intValue).toArray();
  }
}
