package io.github.nnproxy.proxy;

import io.github.nnproxy.paper.SeedRecipes;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.sampling.SamplingScheme;

/** Proxies trained once per test JVM and shared by the tests that only read them. */
public final class ProxyTestSupport {
  private static Proxy ackley;
  private static Proxy smallAckley;

  private ProxyTestSupport() {}

  /**
   * A proxy of 2-D Ackley, dense uniform (10,000 points), seed 42, trained with the seed's network
   * and training ({@link SeedRecipes#trainer}) shortened from 500 to 30 epochs to keep tests fast;
   * validation R2 about 0.967.
   *
   * @return the shared proxy
   */
  public static synchronized Proxy ackleyProxy() {
    if (ackley == null) {
      var f = Benchmarks.ackley(2);
      ackley = SeedRecipes.trainer(f).toBuilder().epochs(30).build()
          .train(f, SeedRecipes.sampler(SamplingScheme.DENSE_UNIFORM, f), 10_000, 42L);
    }
    return ackley;
  }

  /**
   * A proxy of 2-D Ackley for the adapters' tests: a 64-64-64 network trained on 10,000 uniform
   * samples for 30 epochs (batch 32, patience 40), seed 42. Trained once per test JVM.
   *
   * @return the shared proxy
   */
  public static synchronized Proxy smallAckleyProxy() {
    if (smallAckley == null) {
      smallAckley =
          ProxyTrainer.builder()
              .hiddenLayers(64, 64, 64)
              .epochs(30)
              .batchSize(32)
              .patience(40)
              .build()
              .train(
                  Benchmarks.ackley(2), io.github.nnproxy.sampling.Samplers.uniform(), 10_000, 42L);
    }
    return smallAckley;
  }

  /** {@code n} points of dimension {@code d}, uniform in {@code [-bound, bound)} per coordinate. */
  /**
   * Asserts a proxy's prediction against Encog's {@code compute} for the same point: bit for bit,
   * except with SiLU and tanh under the vector kernel, whose vectorized exponentials may differ by
   * up to 1e-12 relative, taken against the larger of the prediction and {@code scale}
   * (VectorForwardTest says why).
   */
  static void assertMatchesEncog(
      Activation activation, double expected, double actual, double scale, String message) {
    if (activation != Activation.RELU && Proxy.vectorKernel()) {
      org.junit.jupiter.api.Assertions.assertEquals(
          expected, actual, 1e-12 * Math.max(Math.abs(expected), scale), message);
    } else {
      org.junit.jupiter.api.Assertions.assertEquals(expected, actual, message);
    }
  }

  /** The scale {@link #assertMatchesEncog} measures against: 1% of the largest |value|. */
  static double scale(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, Math.abs(v));
    }
    return 0.01 * max;
  }

  /**
   * A 3-21-9-1 ReLU network whose weights are all -1, -0.0, 0, 0.5, 1 or -0.25, so that many sums
   * before the ReLU are exactly 0 or -0.0: for the kernels' signed-zero tests.
   */
  static org.encog.neural.flat.FlatNetwork signedZeroNetwork() {
    org.encog.neural.networks.BasicNetwork net = Proxy.network(new int[] {3, 21, 9, 1});
    double[] w = new double[net.encodedArrayLength()];
    double[] choices = {-1, -0.0, 0.0, 0.5, 1, -0.25};
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int i = 0; i < w.length; i++) {
      w[i] = choices[r.nextInt(choices.length)];
    }
    net.decodeFromArray(w);
    return net.getFlat();
  }

  /** The 64 points of {@code {-1, -0.0, 0, 1}^3}, for {@link #signedZeroNetwork()}. */
  static double[][] signedZeroPoints() {
    double[] values = {-1, -0.0, 0.0, 1};
    double[][] xs = new double[64][3];
    for (int p = 0; p < xs.length; p++) {
      for (int j = 0; j < 3; j++) {
        xs[p][j] = values[(p >> (2 * j)) & 3];
      }
    }
    return xs;
  }

  static double[][] points(int n, int d, double bound, long seed) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    double[][] xs = new double[n][d];
    for (double[] x : xs) {
      for (int j = 0; j < d; j++) {
        x[j] = r.nextDouble(-bound, bound);
      }
    }
    return xs;
  }
}
