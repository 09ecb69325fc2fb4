package io.github.nnproxy.examples;

import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.SamplingScheme;
import java.util.Locale;

/**
 * Trains a proxy of a benchmark function and prints its quality.
 *
 * <p>Usage: {@code ProxyQualityExample [function] [dimension] [scheme] [paper|defaults]}, e.g.
 * {@code ProxyQualityExample ackley 2 dense defaults} (the default arguments).
 */
public final class ProxyQualityExample {
  private ProxyQualityExample() {}

  /**
   * Runs the example.
   *
   * @param args function, dimension, sampling scheme and trainer preset, all optional
   */
  public static void main(String[] args) {
    String name = args.length > 0 ? args[0] : "ackley";
    int d = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    SamplingScheme scheme = SamplingScheme.parse(args.length > 2 ? args[2] : "dense");
    boolean paper = args.length > 3 && args[3].equalsIgnoreCase("paper");

    BenchmarkFunction f = Benchmarks.byName(name, d);
    ProxyTrainer trainer = paper ? SeedRecipes.trainer(f) : ProxyTrainer.defaults();
    int n = scheme.sampleSize(SamplingScheme.PAPER_BASE_SIZE);
    System.out.printf(Locale.ROOT, "Training a proxy of %s on %d %s points with %s%n", f, n,
        scheme.label(), trainer);
    Proxy proxy = trainer.train(f, SeedRecipes.sampler(scheme, f), n, 42L);
    System.out.println("Quality: " + proxy.quality());
    double[] x = f.optimum();
    System.out.printf(Locale.ROOT, "At the true optimum: truth %.6f, proxy %.6f%n",
        f.evaluate(x), proxy.evaluate(x));
  }
}
