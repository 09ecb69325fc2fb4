package io.github.nnproxy.examples;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.jenetics.ProxyAudit;
import io.github.nnproxy.jenetics.ProxyCodecs;
import io.github.nnproxy.jenetics.ProxyEvaluator;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import io.jenetics.DoubleGene;
import io.jenetics.Phenotype;
import io.jenetics.engine.Codec;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.util.RandomRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGeneratorFactory;

/**
 * Trains a small proxy of 2-D Ackley, runs a Jenetics GA on it with a batched evaluator and a
 * proxy audit, then runs the seed study's GA and Jenetics' defaults on the proxy and on the truth.
 * Takes a few seconds.
 *
 * <pre>{@code
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.JeneticsQuickstart [seed]
 * }</pre>
 */
public final class JeneticsQuickstart {
  private JeneticsQuickstart() {}

  /**
   * Runs the example.
   *
   * @param args optional seed (default 42)
   */
  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
    BenchmarkFunction truth = Benchmarks.ackley(2);

    long t0 = System.nanoTime();
    Proxy proxy =
        ProxyTrainer.builder()
            .hiddenLayers(64, 64, 64)
            .epochs(30)
            .batchSize(32)
            .patience(40)
            .build()
            .train(truth, Samplers.uniform(), 10_000, seed);
    System.out.printf(
        "proxy of %s-%dD trained in %.1f s: validation R2 %.4f, RMSE %.4f (seed %d)%n",
        truth.name(), truth.domain().dimension(), seconds(t0),
        proxy.quality().validationR2(), proxy.quality().validationRmse(), seed);

    // 1. A plain Jenetics engine: the proxy scores each generation in one batched pass,
    //    and the audit compares the best individual with the truth every 10 generations.
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(truth.domain());
    ProxyEvaluator evaluator = ProxyEvaluator.of(proxy, codec);
    ProxyAudit audit = ProxyAudit.of(proxy, truth, codec, 10);
    Engine<DoubleGene, Double> engine =
        new Engine.Builder<>(evaluator, codec.encoding())
            .populationSize(50)
            .minimizing()
            .executor(Runnable::run) // reproducible: operators on this thread
            .build();
    Phenotype<DoubleGene, Double> best =
        RandomRegistry.with(
            RandomGeneratorFactory.of("L64X256MixRandom").create(seed),
            r -> engine.stream().limit(100).peek(audit).collect(EvolutionResult.toBestPhenotype()));
    System.out.println("\nJenetics engine on the proxy, audited every 10 generations:");
    System.out.println("  gen   proxy(best)   truth(best)   |diff|");
    for (ProxyAudit.Entry e : audit.entries()) {
      System.out.printf(
          "  %3d   %11.5f   %11.5f   %.5f%n",
          e.generation(), e.proxyValue(), e.trueValue(), e.difference());
    }
    double[] x = codec.decode(best.genotype());
    System.out.printf(
        "  best x = %s, distance to the true optimum %.4f; %d proxy evaluations in %d batches%n",
        Arrays.toString(round(x)), distance(x, truth.optimum()),
        evaluator.evaluations(), evaluator.batches());

    // 2. The Optimizer seam: the same GA settings on the proxy and on the truth.
    System.out.println("\nOptimizer runs (distance of the result to the true optimum x = 0):");
    for (JeneticsOptimizer ga : List.of(JeneticsOptimizer.paper(), JeneticsOptimizer.defaults())) {
      for (boolean onProxy : new boolean[] {true, false}) {
        long t = System.nanoTime();
        Optimum o = ga.minimize(onProxy ? proxy : truth, seed);
        System.out.printf(
            "  %-22s on %-5s: distance %.4f, value %.5f, true value %.5f, %5d evaluations, %.2f s%n",
            ga.name(), onProxy ? "proxy" : "truth", o.distanceTo(truth.optimum()), o.value(),
            truth.evaluate(o.x()), o.evaluations(), seconds(t));
      }
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  private static double[] round(double[] x) {
    return Arrays.stream(x).map(v -> Math.round(v * 1e4) / 1e4).toArray();
  }
}
