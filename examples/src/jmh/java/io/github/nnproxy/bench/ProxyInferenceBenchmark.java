package io.github.nnproxy.bench;

import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Activation;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Proxy inference throughput (the one-point pass of {@code Proxy.evaluate}, and {@code
 * Proxy.evaluateAll}, which in the portable kernel runs batches of up to 12 points two at a time
 * and larger ones in vectorized blocks, and in the vector kernel tiles of four points; against
 * Encog's own compute) on the seed's network for Ackley ({@code
 * d-20-50-120-70-20-10-1}), one point at a time and in batches of 10, 100 and 1,000. The
 * weights come from a short training run: throughput does not depend on them. For ratios against
 * the seed's PyTorch peer use the interleaved protocol of {@code
 * examples/scripts/bench-inference.sh} (docs/BENCHMARKS.md), not figures from separate runs.
 *
 * <p>Run: {@code java -cp examples/target/nnproxy.jar org.openjdk.jmh.Main ProxyInference} for
 * the portable kernel; add {@code -jvmArgsAppend --add-modules=jdk.incubator.vector} for the vector
 * kernel ({@code Proxy.vectorKernel()}), which the forked JVM then uses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ProxyInferenceBenchmark {
  private static final int POINTS = 1000;

  @Param({"2", "10"})
  int dimension;

  /** The hidden layers' activation: relu (the seed's), silu or tanh. */
  @Param({"relu", "silu", "tanh"})
  String activation;

  Proxy proxy;
  org.encog.neural.flat.FlatNetwork encog;
  double[] encogOut = new double[1];
  double[][] xs;
  double[][][] batches10;
  double[][][] batches100;

  /** Trains the proxy and draws the query points. */
  @Setup(Level.Trial)
  public void setUp() {
    BenchmarkFunction f = Benchmarks.ackley(dimension);
    proxy = SeedRecipes.trainer(f).toBuilder().activation(Activation.parse(activation)).epochs(1)
        .build()
        .train(f, Samplers.uniform(), 500, 1L);
    xs = Samplers.uniform().sample(f.domain(), POINTS, 2L);
    encog = proxy.toEncogNetwork().getFlat();
    batches10 = split(10);
    batches100 = split(100);
  }

  private double[][][] split(int size) {
    double[][][] b = new double[POINTS / size][size][];
    for (int i = 0; i < POINTS; i++) {
      b[i / size][i % size] = xs[i];
    }
    return b;
  }

  /**
   * One point per call.
   *
   * @param bh the sink
   */
  @Benchmark
  @OperationsPerInvocation(POINTS)
  public void onePointAtATime(Blackhole bh) {
    for (double[] x : xs) {
      bh.consume(proxy.evaluate(x));
    }
  }

  /**
   * The reference: Encog's own {@code FlatNetwork.compute}, one point per call, on the same
   * weights (no input scaling or checks).
   *
   * @param bh the sink
   */
  @Benchmark
  @OperationsPerInvocation(POINTS)
  public void encogComputeOnePointAtATime(Blackhole bh) {
    for (double[] x : xs) {
      encog.compute(x, encogOut);
      bh.consume(encogOut[0]);
    }
  }

  /**
   * Batches of 10 points.
   *
   * @param bh the sink
   */
  @Benchmark
  @OperationsPerInvocation(POINTS)
  public void batchesOf10(Blackhole bh) {
    for (double[][] b : batches10) {
      bh.consume(proxy.evaluateAll(b));
    }
  }

  /**
   * Batches of 100 points.
   *
   * @param bh the sink
   */
  @Benchmark
  @OperationsPerInvocation(POINTS)
  public void batchesOf100(Blackhole bh) {
    for (double[][] b : batches100) {
      bh.consume(proxy.evaluateAll(b));
    }
  }

  /**
   * One batch of 1,000 points.
   *
   * @param bh the sink
   */
  @Benchmark
  @OperationsPerInvocation(POINTS)
  public void batchesOf1000(Blackhole bh) {
    bh.consume(proxy.evaluateAll(xs));
  }
}
