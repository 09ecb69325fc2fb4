package io.github.nnproxy.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.encog.mathutil.randomize.XaiverRandomizer;
import org.encog.neural.flat.FlatNetwork;
import org.encog.neural.networks.BasicNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The vector kernel against Encog's own {@code compute}: bit for bit for ReLU, within {@link
 * #SMOOTH_TOLERANCE} relative for SiLU and tanh, whose exponentials the kernel vectorizes. The
 * relative difference is taken against the larger of the output and {@link #SCALE_FLOOR} of the
 * largest output over the test's points: an output that cancels to near zero keeps the rounding
 * of the terms it sums, and the JDK's own {@code Math.tanh} differs by an ulp between releases
 * (17 and 25). The module's tests run with {@code --add-modules jdk.incubator.vector} (the build
 * says so), so the kernel is the one {@link Proxy} uses here; DenseForwardTest runs a second time
 * without the module, for the portable one.
 */
class VectorForwardTest {

  /**
   * Shapes: the seed network (d = 2 and 10), one input, hidden width 1, and widths that leave
   * every remainder of the tiles (four points by two vectors, one point by four vectors) for
   * vectors of 4 and 8 doubles.
   */
  private static final String[] SHAPES = {"1-1", "1-3-1", "1-17-1", "2-1-1", "3-7-1",
      "2-20-50-120-70-20-10-1", "10-20-50-120-70-20-10-1", "10-15-50-15-10-1", "4-64-64-64-1",
      "5-33-31-29-1", "7-2-5-1", "6-28-14-13-1", "9-40-1", "3-24-8-16-1", "2-41-1"};

  /** The largest relative difference from Encog the vector kernel may make, SiLU and tanh. */
  private static final double SMOOTH_TOLERANCE = 1e-12;

  /** The share of the largest output below which differences are taken against it instead. */
  private static final double SCALE_FLOOR = 0.01;

  /**
   * Asserts the kernel's answer against Encog's: exact for ReLU, else within the tolerance of the
   * larger of {@code |expected|} and {@link #SCALE_FLOOR} times {@code scale}, the largest
   * {@code |output|} of the network over the test's points.
   */
  private static void assertClose(
      Activation activation, double expected, double actual, double scale, String message) {
    if (activation != Activation.RELU) {
      assertEquals(expected, actual,
          SMOOTH_TOLERANCE * Math.max(Math.abs(expected), SCALE_FLOOR * scale), message);
    } else {
      assertEquals(expected, actual, message);
    }
  }

  private static int[] sizes(String layers) {
    return Arrays.stream(layers.split("-")).mapToInt(Integer::parseInt).toArray();
  }

  private static FlatNetwork randomNetwork(int[] sizes, Activation activation) {
    BasicNetwork net = Proxy.network(sizes, activation);
    new XaiverRandomizer(sizes.length * 31L + sizes[0]).randomize(net);
    return net.getFlat();
  }

  private static double encog(FlatNetwork flat, double[] x) {
    double[] out = new double[1];
    flat.compute(x, out);
    return out[0];
  }

  /** A kernel with the identity scaling, so its input is Encog's input. */
  private static ForwardKernel kernel(FlatNetwork flat) {
    int d = flat.getInputCount();
    double[] center = new double[d];
    double[] one = new double[d];
    Arrays.fill(one, 1.0);
    ForwardKernel kernel = ForwardKernels.vectorOrNull(flat, center, one);
    assertNotNull(kernel, "the vector kernel is not available in the test JVM");
    return kernel;
  }

  @Test
  void theTestJvmUsesTheVectorKernel() {
    assertTrue(Proxy.vectorKernel(), "tests must run with --add-modules jdk.incubator.vector");
    // the build runs this class with the machine's widest vectors and again with 4 doubles
    assertTrue(VectorForward.lanes() >= 4, "lanes " + VectorForward.lanes());
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void onePointEqualsEncogBitForBit(Activation activation) {
    for (String shape : SHAPES) {
      int[] sizes = sizes(shape);
      FlatNetwork flat = randomNetwork(sizes, activation);
      ForwardKernel kernel = kernel(flat);
      double[][] xs = ProxyTestSupport.points(200, sizes[0], 1.5, 7);
      double scale = Arrays.stream(xs).mapToDouble(x -> Math.abs(encog(flat, x))).max().orElse(0);
      for (double[] x : xs) {
        assertClose(activation, encog(flat, x), kernel.compute(x), scale,
            shape + " at " + Arrays.toString(x));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void batchesOfEveryLengthEqualEncogBitForBit(Activation activation) {
    for (String shape : SHAPES) {
      int[] sizes = sizes(shape);
      FlatNetwork flat = randomNetwork(sizes, activation);
      ForwardKernel kernel = kernel(flat);
      int max = 2 * VectorForward.CHUNK + 7;
      double[][] xs = ProxyTestSupport.points(max, sizes[0], 1.5, 11);
      double[] expected = Arrays.stream(xs).mapToDouble(x -> encog(flat, x)).toArray();
      double scale = Arrays.stream(expected).map(Math::abs).max().orElse(0);
      for (int n = 1; n <= max; n += n < 40 ? 1 : 23) {
        int from = (n * 37) % (max - n + 1); // vary which points
        double[] ys = new double[n];
        kernel.computeAll(Arrays.copyOfRange(xs, from, from + n), ys);
        for (int p = 0; p < n; p++) {
          assertClose(activation, expected[from + p], ys[p], scale, shape + ", batch of " + n);
        }
        if (activation != Activation.RELU) { // not exact, but the same bits in every batch
          for (int p = 0; p < n; p++) {
            assertEquals(kernel.compute(xs[from + p]), ys[p], shape + ", batch of " + n);
          }
        }
      }
    }
  }

  /** Sums of exactly 0 or -0.0 before the ReLU, and inputs of -0.0, still match bit for bit. */
  @Test
  void signedZeroSumsEqualEncog() {
    FlatNetwork flat = ProxyTestSupport.signedZeroNetwork();
    ForwardKernel kernel = kernel(flat);
    double[][] xs = ProxyTestSupport.signedZeroPoints();
    double[] expected = new double[xs.length];
    for (int p = 0; p < xs.length; p++) {
      expected[p] = encog(flat, xs[p]);
      assertEquals(expected[p], kernel.compute(xs[p]), "point " + p);
    }
    double[] ys = new double[xs.length];
    kernel.computeAll(xs, ys);
    assertArrayEquals(expected, ys);
  }

  /**
   * The vectorized SiLU against {@code x / (1 + Math.exp(-x))}: within 2e-15 relative below
   * |x| = 708, x itself above, and below 3e-305 in size under -708, where the exact value
   * underflows too.
   */
  @Test
  void vectorizedSiluIsWithinAFewUlpsOfTheExactOne() {
    SplittableRandom r = new SplittableRandom(17);
    int n = 64 * 1024;
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = switch (i % 4) {
        case 0 -> r.nextDouble(-3, 3);
        case 1 -> r.nextDouble(-40, 40);
        case 2 -> r.nextDouble(-708, 708);
        default -> Math.scalb(r.nextDouble(-1, 1), -r.nextInt(1, 1000));
      };
    }
    double[] special = {0, 1, -1, 36, 37, -37, 707.9, -707.9, 708, -708, 709, -709, 745, -745,
        1e10, -1e10, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE};
    System.arraycopy(special, 0, xs, 0, special.length);
    double[] v = xs.clone();
    VectorForward.siluInPlace(v, n);
    for (int i = 0; i < n; i++) {
      double x = xs[i];
      double exact = ActivationSiLU.silu(x);
      String at = "silu(" + x + ")";
      if (Math.abs(x) < 708) {
        assertEquals(exact, v[i], 2e-15 * Math.abs(exact) + Double.MIN_VALUE, at);
      } else if (x > 0) {
        assertEquals(x, v[i], at);
      } else {
        assertTrue(Math.abs(v[i]) < 3e-305, at + " = " + v[i]);
      }
    }
    double[] nan = {Double.NaN, 0, 0, 0, 0, 0, 0, 0};
    VectorForward.siluInPlace(nan, VectorForward.lanes());
    assertTrue(Double.isNaN(nan[0]));
  }

  /** The vectorized tanh against {@code Math.tanh}: within 2e-15 relative, signs of zero kept. */
  @Test
  void vectorizedTanhIsWithinAFewUlpsOfMathTanh() {
    SplittableRandom r = new SplittableRandom(19);
    int n = 64 * 1024;
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = switch (i % 4) {
        case 0 -> r.nextDouble(-3, 3);
        case 1 -> r.nextDouble(-25, 25);
        case 2 -> r.nextDouble(-0.01, 0.01);
        default -> Math.scalb(r.nextDouble(-1, 1), -r.nextInt(1, 1000));
      };
    }
    double[] special = {0, -0.0, 1, -1, 0.3466, -0.3466, 19.99, 20, -20, 20.01, 40, -40, 1e10,
        -1e10, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE};
    System.arraycopy(special, 0, xs, 0, special.length);
    double[] v = xs.clone();
    VectorForward.tanhInPlace(v, n);
    for (int i = 0; i < n; i++) {
      double exact = Math.tanh(xs[i]);
      assertEquals(exact, v[i], 2e-15 * Math.abs(exact) + Double.MIN_VALUE, "tanh(" + xs[i] + ")");
      assertEquals(Math.copySign(1.0, exact), Math.copySign(1.0, v[i]), "sign of tanh(" + xs[i] + ")");
    }
    double[] nan = {Double.NaN, 0, 0, 0, 0, 0, 0, 0};
    VectorForward.tanhInPlace(nan, VectorForward.lanes());
    assertTrue(Double.isNaN(nan[0]));
  }

  /** The kernel scales raw points exactly as the portable path of {@link Proxy} does. */
  @Test
  void scalingMatchesTheProxysOwn() {
    int[] sizes = sizes("4-64-64-64-1");
    FlatNetwork flat = randomNetwork(sizes, Activation.RELU);
    double[] center = {0.5, -1, 2, 0};
    double[] inv = {0.4, 2.0 / 3, 0.1, 1.25};
    ForwardKernel kernel = ForwardKernels.vectorOrNull(flat, center, inv);
    DenseForward portable = new DenseForward(flat);
    double[] a = new double[portable.scratchSize()];
    double[] b = new double[portable.scratchSize()];
    double[][] xs = ProxyTestSupport.points(50, 4, 3, 5);
    double[] ys = new double[xs.length];
    kernel.computeAll(xs, ys);
    for (int p = 0; p < xs.length; p++) {
      double[] scaled = new double[4];
      for (int j = 0; j < 4; j++) {
        scaled[j] = (xs[p][j] - center[j]) * inv[j];
      }
      double expected = portable.compute(scaled, a, b);
      assertEquals(expected, ys[p], "point " + p);
      assertEquals(expected, kernel.compute(xs[p]), "point " + p);
    }
  }
}
