package io.github.nnproxy.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Sampler;
import io.github.nnproxy.sampling.Samplers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style checks: for many random bad inputs (one seed per case, so a failure names its
 * seed and repeats), every public entry point throws a clear exception naming the bad value, and
 * nothing half-done is left behind.
 */
class BadInputPropertyTest {
  private static final double[] BAD = {Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY};
  private static Proxy proxy;
  private static byte[] proxyBytes;
  @TempDir static Path dir;

  static LongStream seeds() {
    return LongStream.range(0, 60);
  }

  @BeforeAll
  static void train() throws IOException {
    proxy = ProxyTrainer.builder().hiddenLayers(8, 8).epochs(3).build()
        .train(Benchmarks.sphere(3), Samplers.uniform(), 100, 1L);
    Path f = dir.resolve("good.nnproxy");
    proxy.save(f);
    proxyBytes = Files.readAllBytes(f);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void domainRejectsRandomBadBounds(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int d = 1 + r.nextInt(6);
    double[] lo = new double[d];
    double[] hi = new double[d];
    for (int i = 0; i < d; i++) {
      lo[i] = r.nextDouble(-10, 0);
      hi[i] = r.nextDouble(0.001, 10);
    }
    int k = r.nextInt(d);
    switch (r.nextInt(3)) {
      case 0 -> lo[k] = BAD[r.nextInt(BAD.length)];
      case 1 -> hi[k] = BAD[r.nextInt(BAD.length)];
      default -> {
        double t = lo[k];
        lo[k] = hi[k];
        hi[k] = t;
      }
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Domain.of(lo, hi));
    assertTrue(e.getMessage().contains("[" + k + "]"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void modelsRejectRandomBadPoints(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ForwardModel[] models = {proxy, Benchmarks.sphere(3),
        ForwardModel.of(Domain.cube(3, -1, 1), x -> x[0])};
    ForwardModel m = models[r.nextInt(models.length)];
    double[] x = new double[3];
    if (r.nextBoolean()) {
      int k = r.nextInt(3);
      x[k] = BAD[r.nextInt(BAD.length)];
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> m.evaluate(x));
      assertTrue(e.getMessage().contains("x[" + k + "]"), e.getMessage());
      double[][] batch = {new double[3], x};
      assertThrows(IllegalArgumentException.class, () -> m.evaluateAll(batch));
    } else {
      int len = r.nextBoolean() ? r.nextInt(3) : 4 + r.nextInt(3);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> m.evaluate(new double[len]));
      assertTrue(e.getMessage().contains("length " + len), e.getMessage());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void samplersAndTrainersRejectRandomBadSizes(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = -r.nextInt(1000);
    Sampler[] samplers = {Samplers.uniform(), Samplers.latinHypercube(), Samplers.sobol()};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> samplers[r.nextInt(3)].sample(Domain.cube(2, 0, 1), n, seed));
    assertTrue(e.getMessage().contains("but was " + n), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ProxyTrainer.defaults()
        .train(Benchmarks.sphere(2), Samplers.uniform(), n, seed));
    double fraction = r.nextBoolean() ? 1 + r.nextDouble(5) : -r.nextDouble(5);
    e = assertThrows(IllegalArgumentException.class,
        () -> ProxyTrainer.builder().validationFraction(fraction));
    assertTrue(e.getMessage().contains(String.valueOf(fraction)), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ProxyTrainer.builder()
        .validationFraction(Double.NaN));
    int[] layers = new int[r.nextInt(4)];
    Arrays.fill(layers, 5);
    if (layers.length > 0) {
      layers[r.nextInt(layers.length)] = -r.nextInt(10);
    }
    assertThrows(IllegalArgumentException.class, () -> ProxyTrainer.builder()
        .hiddenLayers(layers));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomlyCorruptedOrTruncatedProxyFilesAreRejected(long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] bytes = proxyBytes.clone();
    if (r.nextBoolean()) {
      int flips = 1 + r.nextInt(4);
      for (int i = 0; i < flips; i++) {
        bytes[r.nextInt(bytes.length)] ^= (byte) (1 + r.nextInt(255));
      }
    } else {
      bytes = Arrays.copyOf(bytes, r.nextInt(bytes.length));
    }
    Path f = dir.resolve("bad-" + seed + ".nnproxy");
    Files.write(f, bytes);
    if (Arrays.equals(bytes, proxyBytes)) {
      return; // the flips cancelled out
    }
    assertThrows(IllegalArgumentException.class, () -> Proxy.load(f));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fitRejectsRandomBadRowsAndLeavesTheCallersArraysAlone(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = Samplers.uniform().sample(Domain.cube(2, 0, 1), 30, seed);
    double[] y = new double[30];
    int k = r.nextInt(30);
    x[k][r.nextInt(2)] = BAD[r.nextInt(BAD.length)];
    double[][] copy = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProxyTrainer.defaults().fit(x, y, Domain.cube(2, 0, 1)));
    assertTrue(e.getMessage().contains("x[" + k + "]"), e.getMessage());
    for (int i = 0; i < x.length; i++) {
      assertArrayEquals(copy[i], x[i]);
    }
  }
}
