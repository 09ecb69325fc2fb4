package io.github.nnproxy.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nnproxy.Domain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.encog.mathutil.randomize.XaiverRandomizer;
import org.encog.neural.flat.FlatNetwork;
import org.encog.neural.networks.BasicNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The portable forward passes against Encog's own {@code compute}, the reference: bit for bit
 * ({@code assertEquals(double, double)} compares the bits, so even -0.0 against 0.0 fails). The
 * build runs this class twice: with the vector module, where the tests through {@link Proxy} meet
 * the vector kernel, and without it, where they meet this one.
 */
class DenseForwardTest {

  /**
   * Shapes: the seed network (d = 2 and 10), one input, one hidden layer, hidden width 1, and
   * widths that leave every remainder of the one-point pass's groups of 16/8/4 and of the batched
   * pass's 3 neurons x 2 inputs (odd and even input counts).
   */
  private static final String[] SHAPES = {"1-1", "1-3-1", "1-17-1", "2-1-1", "3-7-1",
      "2-20-50-120-70-20-10-1", "10-20-50-120-70-20-10-1", "10-15-50-15-10-1", "4-64-64-64-1",
      "5-33-31-29-1", "7-2-5-1", "6-28-14-13-1", "9-40-1"};

  private static int[] sizes(String layers) {
    return Arrays.stream(layers.split("-")).mapToInt(Integer::parseInt).toArray();
  }

  private static BasicNetwork randomNetwork(int[] sizes) {
    return randomNetwork(sizes, Activation.RELU);
  }

  private static BasicNetwork randomNetwork(int[] sizes, Activation activation) {
    BasicNetwork net = Proxy.network(sizes, activation);
    new XaiverRandomizer(sizes.length * 31L + sizes[0]).randomize(net);
    return net;
  }

  private static double[][] points(int n, int d, long seed) {
    return ProxyTestSupport.points(n, d, 1.5, seed);
  }

  private static double encog(FlatNetwork flat, double[] x) {
    double[] out = new double[1];
    flat.compute(x, out);
    return out[0];
  }

  /** Runs {@code xs} through the batched pass as one block, on dirty scratch and dirty inputs. */
  private static double[] block(DenseForward fast, double[][] xs, double[][] ba, double[][] bb) {
    int d = xs[0].length;
    double[][] in = new double[d][DenseForward.BLOCK];
    for (double[] row : in) {
      Arrays.fill(row, Double.NaN); // lanes past the count must not leak into the results
    }
    for (int p = 0; p < xs.length; p++) {
      for (int j = 0; j < d; j++) {
        in[j][p] = xs[p][j];
      }
    }
    double[] got = new double[xs.length + 2];
    got[0] = 42;
    got[xs.length + 1] = 43;
    fast.computeBlock(in, xs.length, ba, bb, got, 1);
    assertEquals(42, got[0]);
    assertEquals(43, got[xs.length + 1]);
    return Arrays.copyOfRange(got, 1, xs.length + 1);
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void onePointPassEqualsEncogBitForBit(Activation activation) {
    for (String shape : SHAPES) {
      int[] sizes = sizes(shape);
      FlatNetwork flat = randomNetwork(sizes, activation).getFlat();
      DenseForward fast = new DenseForward(flat);
      double[] a = new double[fast.scratchSize()];
      double[] b = new double[fast.scratchSize()];
      for (double[] x : points(300, sizes[0], 7)) {
        assertEquals(encog(flat, x), fast.compute(x, a, b), shape + " at " + Arrays.toString(x));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void twoPointPassEqualsEncogBitForBit(Activation activation) {
    for (String shape : SHAPES) {
      int[] sizes = sizes(shape);
      FlatNetwork flat = randomNetwork(sizes, activation).getFlat();
      DenseForward fast = new DenseForward(flat);
      double[][] s = new double[4][fast.scratchSize()];
      for (double[] row : s) {
        Arrays.fill(row, Double.NaN); // dirty scratch must not leak into the results
      }
      double[][] xs = points(300, sizes[0], 9);
      double[] got = new double[xs.length];
      for (int p = 0; p < xs.length; p += 2) {
        fast.compute2(xs[p], xs[p + 1], s[0], s[1], s[2], s[3], got, p);
      }
      for (int p = 0; p < xs.length; p++) {
        assertEquals(encog(flat, xs[p]), got[p], shape + " at " + Arrays.toString(xs[p]));
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"relu,1-1", "relu,1-3-1", "relu,2-1-1", "relu,3-7-1", "relu,2-20-50-120-70-20-10-1",
      "relu,10-20-50-120-70-20-10-1", "relu,5-33-31-29-1", "relu,6-28-14-13-1", "silu,3-7-1",
      "silu,2-20-50-120-70-20-10-1", "silu,5-33-31-29-1", "tanh,3-7-1", "tanh,6-28-14-13-1",
      "tanh,10-20-50-120-70-20-10-1"})
  void blockedPassEqualsEncogBitForBitForEveryCount(String activation, String shape) {
    int[] sizes = sizes(shape);
    FlatNetwork flat = randomNetwork(sizes, Activation.parse(activation)).getFlat();
    DenseForward fast = new DenseForward(flat);
    double[][] xs = points(DenseForward.BLOCK, sizes[0], 11);
    double[] expected = Arrays.stream(xs).mapToDouble(x -> encog(flat, x)).toArray();
    double[][] ba = fast.blockScratch();
    double[][] bb = fast.blockScratch();
    for (int count = 1; count <= DenseForward.BLOCK; count++) {
      int offset = (count * 37) % (DenseForward.BLOCK - count + 1); // vary which points
      double[] got = block(fast, Arrays.copyOfRange(xs, offset, offset + count), ba, bb);
      assertArrayEquals(
          Arrays.copyOfRange(expected, offset, offset + count), got, shape + ", count " + count);
    }
  }

  /** Sums that are exactly 0 or -0.0 before the ReLU, and inputs of -0.0, still match bit for bit. */
  @Test
  void signedZeroSumsEqualEncog() {
    FlatNetwork flat = ProxyTestSupport.signedZeroNetwork();
    DenseForward fast = new DenseForward(flat);
    double[][] xs = ProxyTestSupport.signedZeroPoints();
    double[] a = new double[fast.scratchSize()];
    double[] b = new double[fast.scratchSize()];
    double[] expected = new double[xs.length];
    for (int p = 0; p < xs.length; p++) {
      expected[p] = encog(flat, xs[p]);
      assertEquals(expected[p], fast.compute(xs[p], a, b), "point " + p);
    }
    assertArrayEquals(expected, block(fast, xs, fast.blockScratch(), fast.blockScratch()));
  }

  private static Proxy proxy(int[] sizes) {
    return proxy(sizes, Activation.RELU);
  }

  private static Proxy proxy(int[] sizes, Activation activation) {
    BasicNetwork net = randomNetwork(sizes, activation);
    double[] weights = new double[net.encodedArrayLength()];
    net.encodeToArray(weights);
    ProxyQuality quality =
        new ProxyQuality(0, 0, 1, 0, 1, 0, 1, 1, Duration.ZERO, SampleFailures.NONE);
    return new Proxy(Domain.cube(sizes[0], -2, 3), sizes, activation, weights, 0.75, 2.5, quality,
        "test");
  }

  /** Encog's answer for a proxy: the same scaling, Encog's compute, the same unscaling. */
  private static double expected(Proxy proxy, FlatNetwork flat, double[] x) {
    double[] scaled = new double[x.length];
    proxy.scaleInput(x, scaled);
    return encog(flat, scaled) * proxy.targetScale() + proxy.targetMean();
  }

  @ParameterizedTest
  @CsvSource({"relu,2-20-50-120-70-20-10-1", "relu,10-20-50-120-70-20-10-1", "relu,1-3-1",
      "relu,5-33-31-29-1", "silu,10-20-50-120-70-20-10-1", "silu,1-3-1", "tanh,5-33-31-29-1"})
  void evaluateAllEqualsEncogForEveryBatchLength(String activation, String shape) {
    int[] sizes = sizes(shape);
    Proxy proxy = proxy(sizes, Activation.parse(activation));
    FlatNetwork flat = proxy.toEncogNetwork().getFlat();
    int max = 3 * DenseForward.BLOCK + 1;
    double[][] xs = points(max, sizes[0], 5);
    for (double[] x : xs) {
      for (int j = 0; j < x.length; j++) {
        x[j] = 0.5 + 2.5 * x[j]; // the domain is [-2, 3]: a few points lie outside
      }
    }
    double[] expected = Arrays.stream(xs).mapToDouble(x -> expected(proxy, flat, x)).toArray();
    List<Integer> lengths = new ArrayList<>();
    for (int n = 1; n <= DenseForward.BLOCK + 3; n++) {
      lengths.add(n);
    }
    lengths.addAll(List.of(2 * DenseForward.BLOCK - 1, 2 * DenseForward.BLOCK + 13, max));
    Activation a = proxy.activation();
    double scale = ProxyTestSupport.scale(expected);
    for (int n : lengths) {
      double[] got = proxy.evaluateAll(Arrays.copyOfRange(xs, 0, n));
      for (int p = 0; p < n; p++) {
        ProxyTestSupport.assertMatchesEncog(a, expected[p], got[p], scale,
            shape + ", batch of " + n);
      }
    }
    for (int p = 0; p < 50; p++) {
      ProxyTestSupport.assertMatchesEncog(a, expected[p], proxy.evaluate(xs[p]), scale,
          shape + ", point " + p);
    }
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void threadsSharingOneProxyGetTheSequentialResults(Activation activation) throws Exception {
    Proxy proxy = proxy(sizes("10-20-50-120-70-20-10-1"), activation);
    double[][] xs = points(2 * DenseForward.BLOCK + 57, 10, 9);
    double[] sequential = new double[xs.length];
    for (int p = 0; p < xs.length; p++) {
      sequential[p] = proxy.evaluate(xs[p]);
    }
    assertArrayEquals(sequential, proxy.evaluateAll(xs));
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int round = 0; round < 20; round++) {
            // batches of varying length, from different offsets, mixed with single points
            int length = 1 + (thread * 97 + round * 31) % xs.length;
            int from = (thread * 13 + round * 7) % (xs.length - length + 1);
            double[] got = proxy.evaluateAll(Arrays.copyOfRange(xs, from, from + length));
            assertArrayEquals(Arrays.copyOfRange(sequential, from, from + length), got,
                "thread " + thread + ", round " + round);
            int p = (thread + round * 5) % xs.length;
            assertEquals(sequential[p], proxy.evaluate(xs[p]));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
