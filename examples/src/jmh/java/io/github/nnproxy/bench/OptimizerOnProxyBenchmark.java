package io.github.nnproxy.bench;

import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.jmetal.JmetalPsoOptimizer;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How much of an optimizer run on a proxy is spent in the network: one {@code
 * JmetalPsoOptimizer.paper()} run (100 particles x 1000 iterations = 100,000 evaluations) and one
 * {@code JeneticsOptimizer.paper()} run (population 10, 100 generations = 910 evaluations) on a
 * proxy of Ackley, against the "network floor": the very same points (recorded from one run in the
 * set-up) evaluated directly, by {@code Proxy.evaluateAll} in the batches the optimizer used (one
 * swarm of 100, one generation of 9 or 10) and by {@code Proxy.evaluate} one at a time.
 *
 * <p>Share of the run spent in the network = {@code floorBatched / run} (the adapters call {@code
 * evaluateAll} once per swarm or generation); the rest is adapter and framework code.
 *
 * <p>Networks: {@code defaults} is {@code ProxyTrainer.defaults()} (64-64-64-64, 5 epochs on 500
 * points); {@code paper} is the seed's Ackley network {@code d-20-50-120-70-20-10-1} (1 epoch).
 * The weights do not matter for speed.
 *
 * <p>Run: {@code java -cp examples/target/nnproxy.jar org.openjdk.jmh.Main OptimizerOnProxy}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class OptimizerOnProxyBenchmark {
  private static final long SEED = 7L;

  @Param({"2", "10"})
  int dimension;

  @Param({"defaults", "paper"})
  String network;

  Proxy proxy;
  Optimizer pso;
  Optimizer ga;
  /** The batches PSO passed to evaluateAll in one run, in order. */
  double[][][] psoBatches;
  /** The batches GA passed to evaluateAll in one run, in order. */
  double[][][] gaBatches;
  double[][] psoPoints;
  double[][] gaPoints;

  /** Trains the proxy and records the batches of one PSO run and one GA run. */
  @Setup(Level.Trial)
  public void setUp() {
    proxy = trainProxy(network, dimension);
    pso = JmetalPsoOptimizer.paper();
    ga = JeneticsOptimizer.paper();
    psoBatches = record(pso, proxy);
    gaBatches = record(ga, proxy);
    psoPoints = flatten(psoBatches);
    gaPoints = flatten(gaBatches);
    System.out.printf(
        "%n[setup] %s proxy %s, d=%d: PSO %d evaluations in %d batches, GA %d in %d batches%n",
        network, java.util.Arrays.toString(proxy.layerSizes()), dimension, psoPoints.length,
        psoBatches.length, gaPoints.length, gaBatches.length);
  }

  /**
   * Trains a small proxy of Ackley quickly: the weights do not matter for speed.
   *
   * @param network {@code "defaults"} or {@code "paper"}
   * @param dimension the dimension
   * @return the proxy
   */
  static Proxy trainProxy(String network, int dimension) {
    BenchmarkFunction f = Benchmarks.ackley(dimension);
    ProxyTrainer trainer =
        switch (network) {
          case "defaults" -> ProxyTrainer.defaults().toBuilder().epochs(5).build();
          case "paper" -> SeedRecipes.trainer(f).toBuilder().epochs(1).build();
          default -> throw new IllegalArgumentException("network: defaults or paper, not " + network);
        };
    return trainer.train(f, Samplers.uniform(), 500, 1L);
  }

  /** Runs the optimizer once on the proxy and returns the batches it evaluated. */
  static double[][][] record(Optimizer optimizer, Proxy proxy) {
    List<double[][]> batches = new ArrayList<>();
    ForwardModel recorder =
        new ForwardModel() {
          @Override
          public Domain domain() {
            return proxy.domain();
          }

          @Override
          public double evaluate(double[] x) {
            batches.add(new double[][] {x.clone()});
            return proxy.evaluate(x);
          }

          @Override
          public double[] evaluateAll(double[][] xs) {
            double[][] copy = new double[xs.length][];
            for (int i = 0; i < xs.length; i++) {
              copy[i] = xs[i].clone();
            }
            batches.add(copy);
            return proxy.evaluateAll(xs);
          }
        };
    Optimum o = optimizer.minimize(recorder, SEED);
    double[][][] result = batches.toArray(double[][][]::new);
    if (flatten(result).length != o.evaluations()) {
      throw new IllegalStateException("recorded " + flatten(result).length + " points but the run"
          + " reports " + o.evaluations() + " evaluations");
    }
    return result;
  }

  static double[][] flatten(double[][][] batches) {
    List<double[]> all = new ArrayList<>();
    for (double[][] b : batches) {
      all.addAll(List.of(b));
    }
    return all.toArray(double[][]::new);
  }

  /**
   * One seed-study PSO run (jMetal component gbest PSO, batched evaluation) on the proxy.
   *
   * @return the optimum
   */
  @Benchmark
  public Optimum psoRun() {
    return pso.minimize(proxy, SEED);
  }

  /**
   * The PSO run's points, one {@code evaluateAll} per swarm, as the adapter calls it.
   *
   * @param bh the sink
   */
  @Benchmark
  public void psoFloorBatched(Blackhole bh) {
    for (double[][] b : psoBatches) {
      bh.consume(proxy.evaluateAll(b));
    }
  }

  /**
   * The PSO run's points, one {@code evaluate} call each.
   *
   * @param bh the sink
   */
  @Benchmark
  public void psoFloorOneByOne(Blackhole bh) {
    for (double[] x : psoPoints) {
      bh.consume(proxy.evaluate(x));
    }
  }

  /**
   * One seed-study GA run (Jenetics, batched evaluation) on the proxy.
   *
   * @return the optimum
   */
  @Benchmark
  public Optimum gaRun() {
    return ga.minimize(proxy, SEED);
  }

  /**
   * The GA run's points, one {@code evaluateAll} per generation, as the adapter calls it.
   *
   * @param bh the sink
   */
  @Benchmark
  public void gaFloorBatched(Blackhole bh) {
    for (double[][] b : gaBatches) {
      bh.consume(proxy.evaluateAll(b));
    }
  }

  /**
   * The GA run's points, one {@code evaluate} call each.
   *
   * @param bh the sink
   */
  @Benchmark
  public void gaFloorOneByOne(Blackhole bh) {
    for (double[] x : gaPoints) {
      bh.consume(proxy.evaluate(x));
    }
  }
}
