package io.github.nnproxy.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.encog.mathutil.randomize.XaiverRandomizer;
import org.encog.neural.flat.FlatNetwork;
import org.encog.neural.networks.BasicNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast forward pass against Encog's own {@code compute}, the reference: bit for bit. */
class DenseForwardTest {

  @ParameterizedTest
  @ValueSource(strings = {"1-1", "1-3-1", "2-20-50-120-70-20-10-1", "10-15-50-15-10-1",
      "4-64-64-64-1", "3-7-1"})
  void singleAndBlockedPassesEqualEncogBitForBit(String layers) {
    int[] sizes = java.util.Arrays.stream(layers.split("-")).mapToInt(Integer::parseInt).toArray();
    BasicNetwork net = Proxy.network(sizes);
    new XaiverRandomizer(sizes.length * 31L).randomize(net);
    FlatNetwork flat = net.getFlat();
    DenseForward fast = new DenseForward(flat);
    SplittableRandom r = new SplittableRandom(7);
    int d = sizes[0];
    int n = 2 * DenseForward.BLOCK + 13; // two full blocks and a partial one
    double[][] xs = new double[n][d];
    double[] expected = new double[n];
    double[] out = new double[1];
    for (int p = 0; p < n; p++) {
      for (int j = 0; j < d; j++) {
        xs[p][j] = r.nextDouble(-1.5, 1.5);
      }
      flat.compute(xs[p], out);
      expected[p] = out[0];
    }
    double[] a = new double[fast.scratchSize()];
    double[] b = new double[fast.scratchSize()];
    for (int p = 0; p < n; p++) {
      assertEquals(expected[p], fast.compute(xs[p], a, b), "point " + p);
    }
    double[][] blockIn = new double[d][DenseForward.BLOCK];
    double[][] ba = fast.blockScratch();
    double[][] bb = fast.blockScratch();
    double[] got = new double[n];
    for (int from = 0; from < n; from += DenseForward.BLOCK) {
      int count = Math.min(DenseForward.BLOCK, n - from);
      for (int p = 0; p < count; p++) {
        for (int j = 0; j < d; j++) {
          blockIn[j][p] = xs[from + p][j];
        }
      }
      fast.computeBlock(blockIn, count, ba, bb, got, from);
    }
    for (int p = 0; p < n; p++) {
      assertEquals(expected[p], got[p], "point " + p + " of the blocked pass");
    }
  }
}
