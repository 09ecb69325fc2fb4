package io.github.nnproxy.proxy;

import org.encog.neural.flat.FlatNetwork;

/**
 * The forward pass of a proxy's Encog network, rewritten over the same weights for speed, with
 * the same arithmetic in the same order, so its results are bit-identical to {@link
 * FlatNetwork#compute(double[], double[])} (tested). Immutable and thread-safe: callers pass their
 * own scratch buffers.
 *
 * <p>Arithmetic: Encog computes each neuron as {@code sum = 0; sum += w[i] * in[i] * (1 - dropout)}
 * over its input neurons in order, the bias neuron last, then the activation. With dropout 0,
 * {@code w * in * 1.0} is {@code w * in} exactly, and Encog's ReLU ({@code x <= 0 ? 0 : x}) equals
 * {@code Math.max(x, 0.0)} for every double, -0.0 and NaN included. The smooth activations ({@link
 * Activation#SILU}, {@link Activation#TANH}) are applied to a whole layer after its sums, with the
 * same expression as their Encog classes ({@code x / (1 + Math.exp(-x))}, {@code Math.tanh}).
 * All passes here add, for every neuron, the same products in the same order starting from 0;
 * they only change which neurons and points are in flight at once. Java never contracts {@code a +
 * b * c} into a fused multiply-add, so no rounding differs ({@code Math.fma} would break
 * bit-identity, and docs/BENCHMARKS.md found it not worth that).
 *
 * <p>Layers are kept input-first (Encog stores them output-first). Each layer's weights are held
 * in two layouts:
 *
 * <ul>
 *   <li>{@code rows}, Encog's own: the weights of one output neuron contiguous, one per input
 *       neuron and the bias neuron's last. The batched pass reads them.
 *   <li>{@code cols}, for the one-point and two-point passes: one array per input neuron (the
 *       bias neuron's last) holding its weights to every output neuron, padded with zeros to a
 *       multiple of {@link #LANES}. These passes sweep over the output neurons, four input neurons
 *       per sweep ({@code next[j] = next[j] + w0[j] * x0 + w1[j] * x1 + ...}, left to right, so
 *       each neuron still adds its products in Encog's order). Sweeps over separate arrays with
 *       no offset in the index are what the JIT vectorizes; the same sweep over one flat array
 *       with per-row offsets stays scalar. The two-point pass serves two points from every
 *       weight it loads. The padded neurons compute values that no later layer reads.
 * </ul>
 *
 * <p>The batched pass evaluates blocks of points with the activations laid out neuron-major
 * ({@code act[neuron][point]}), so the innermost loop runs over the points of the block with no
 * dependency between iterations and the JIT vectorizes it. Each sweep over the points updates
 * three output neurons from two input neurons ({@code acc[p] = acc[p] + w0 * x0[p] + w1 * x1[p]},
 * evaluated left to right, Encog's order), so each loaded input row serves three neurons and each
 * accumulator load and store serves two multiply-adds; the remaining one or two neurons of a layer
 * take four inputs per sweep. Larger loop bodies (4 x 2, 2 x 4, 1 x 6 or 1 x 8) stay scalar: C2
 * (JDK 17) stops unrolling and so vectorizing them under its default {@code LoopUnrollLimit}.
 * A block runs over its count rounded up to {@link #LANE_GROUP} lanes (never more than {@link
 * #BLOCK}), so the vectorized loop covers every point instead of leaving a scalar tail; the input
 * lanes past {@code count} are zeroed first, and no lane reads another, so they never reach the
 * results.
 */
final class DenseForward {
  /**
   * The largest block of points of the batched pass: longer sweeps amortize each sweep's setup
   * (chosen by measurement against 64 and 128; the two scratch matrices then take {@code 2 * 256 *
   * 8} bytes per neuron of the widest layer).
   */
  static final int BLOCK = 256;

  /**
   * Up to this many points, evaluating them two at a time with {@link #compute2} is faster than
   * one block of {@link #computeBlock} (docs/BENCHMARKS.md).
   */
  static final int SMALL_BATCH = 12;

  /** The one-point and two-point passes sweep over a multiple of this many output neurons. */
  static final int LANES = 8;

  /** A block runs over a multiple of this many lanes (see the class comment). */
  static final int LANE_GROUP = 16;

  private final int layers;
  private final int[] inSize;
  private final int[] outSize;
  private final double[] bias;
  /** Per layer: Encog's layout, output-major, {@code (inSize + 1)} weights per output neuron. */
  private final double[][] rows;
  /** Per layer and input neuron (the bias neuron last): its weights, padded (class comment). */
  private final double[][][] cols;
  /** Per layer: the output width rounded up to {@link #LANES}. */
  private final int[] padded;
  private final int maxWidth;
  /** The activation of every hidden layer. */
  private final Activation activation;

  DenseForward(FlatNetwork flat) {
    LayerLayout layout = LayerLayout.of(flat);
    LayerLayout.requireLinearOutput(flat);
    this.activation = LayerLayout.hiddenActivation(flat);
    double[] weights = flat.getWeights();
    this.layers = layout.layers();
    this.inSize = layout.in();
    this.outSize = layout.out();
    this.bias = layout.biasActivation();
    this.rows = new double[layers][];
    this.cols = new double[layers][][];
    this.padded = new int[layers];
    int widest = layout.maxWidth();
    for (int t = 0; t < layers; t++) {
      int n = inSize[t];
      int m = outSize[t];
      int from = layout.offset()[t];
      rows[t] = java.util.Arrays.copyOfRange(weights, from, from + m * (n + 1));
      padded[t] = (m + LANES - 1) / LANES * LANES;
      cols[t] = columns(rows[t], n, m, padded[t]);
      widest = Math.max(widest, padded[t]);
    }
    this.maxWidth = widest;
  }

  /** One layer's weights by input neuron: {@code c[i][j]} is the weight from i to j. */
  private static double[][] columns(double[] rows, int n, int m, int width) {
    double[][] c = new double[n + 1][width];
    for (int j = 0; j < m; j++) {
      for (int i = 0; i <= n; i++) {
        c[i][j] = rows[j * (n + 1) + i];
      }
    }
    return c;
  }

  /** Returns the size of the scratch buffers {@link #compute} needs, each. */
  int scratchSize() {
    return maxWidth;
  }

  /**
   * Returns a scratch matrix for {@link #computeBlock}: one row of {@link #BLOCK} per neuron.
   */
  double[][] blockScratch() {
    return new double[maxWidth][BLOCK];
  }

  /**
   * One point: {@code in} holds the scaled input, {@code a} and {@code b} are scratch buffers of
   * {@link #scratchSize()}; returns the network's output.
   */
  double compute(double[] in, double[] a, double[] b) {
    double[] cur = in;
    double[] next = a;
    for (int t = 0; t < layers; t++) {
      int n = inSize[t];
      int mp = padded[t];
      double[][] w = cols[t];
      int i = 0;
      for (int j = 0; j < mp; j++) {
        next[j] = 0.0;
      }
      for (; i + 4 <= n; i += 4) {
        double x0 = cur[i];
        double x1 = cur[i + 1];
        double x2 = cur[i + 2];
        double x3 = cur[i + 3];
        double[] w0 = w[i];
        double[] w1 = w[i + 1];
        double[] w2 = w[i + 2];
        double[] w3 = w[i + 3];
        for (int j = 0; j < mp; j++) {
          next[j] = next[j] + w0[j] * x0 + w1[j] * x1 + w2[j] * x2 + w3[j] * x3;
        }
      }
      for (; i < n; i++) {
        double x0 = cur[i];
        double[] w0 = w[i];
        for (int j = 0; j < mp; j++) {
          next[j] = next[j] + w0[j] * x0;
        }
      }
      finish(next, w[n], bias[t], mp, t);
      cur = next;
      next = next == a ? b : a;
    }
    return cur[0];
  }

  /**
   * Two points at once, each weight loaded once for both: the same arithmetic per point as {@link
   * #compute}. {@code x} and {@code y} hold the scaled inputs, {@code a}, {@code b}, {@code c},
   * {@code e} are scratch buffers of {@link #scratchSize()}; the outputs go to {@code out[at]} and
   * {@code out[at + 1]}.
   */
  void compute2(double[] x, double[] y, double[] a, double[] b, double[] c, double[] e,
      double[] out, int at) {
    double[] cx = x;
    double[] nx = a;
    double[] cy = y;
    double[] ny = c;
    for (int t = 0; t < layers; t++) {
      int n = inSize[t];
      int mp = padded[t];
      double[][] w = cols[t];
      for (int j = 0; j < mp; j++) {
        nx[j] = 0.0;
        ny[j] = 0.0;
      }
      int i = 0;
      for (; i + 2 <= n; i += 2) {
        double x0 = cx[i];
        double x1 = cx[i + 1];
        double y0 = cy[i];
        double y1 = cy[i + 1];
        double[] w0 = w[i];
        double[] w1 = w[i + 1];
        for (int j = 0; j < mp; j++) {
          double u0 = w0[j];
          double u1 = w1[j];
          nx[j] = nx[j] + u0 * x0 + u1 * x1;
          ny[j] = ny[j] + u0 * y0 + u1 * y1;
        }
      }
      if (i < n) {
        double x0 = cx[i];
        double y0 = cy[i];
        double[] w0 = w[i];
        for (int j = 0; j < mp; j++) {
          double u0 = w0[j];
          nx[j] = nx[j] + u0 * x0;
          ny[j] = ny[j] + u0 * y0;
        }
      }
      finish(nx, w[n], bias[t], mp, t);
      finish(ny, w[n], bias[t], mp, t);
      cx = nx;
      nx = nx == a ? b : a;
      cy = ny;
      ny = ny == c ? e : c;
    }
    out[at] = cx[0];
    out[at + 1] = cy[0];
  }

  /** Adds the bias neuron's products to {@code v[0 .. width)}, then the hidden activation. */
  private void finish(double[] v, double[] wb, double bv, int width, int t) {
    boolean hidden = t < layers - 1;
    if (hidden && activation == Activation.RELU) {
      for (int j = 0; j < width; j++) {
        v[j] = Math.max(v[j] + wb[j] * bv, 0.0);
      }
    } else {
      for (int j = 0; j < width; j++) {
        v[j] = v[j] + wb[j] * bv;
      }
      if (hidden) {
        activation.applyInPlace(v, 0, width);
      }
    }
  }

  /**
   * A block of {@code points <= BLOCK} points: {@code in[i][p]} is coordinate i of point p (rows of
   * {@link #BLOCK}; the lanes from {@code points} up to the next multiple of {@link #LANE_GROUP}
   * are overwritten with zeros); {@code a} and {@code b} are scratch matrices from {@link
   * #blockScratch()}; the outputs go to {@code out[from .. from + points)}. Every row starts at index 0, so the inner loops read and write the
   * same index of different rows and the JIT can vectorize them.
   */
  void computeBlock(
      double[][] in, int points, double[][] a, double[][] b, double[] out, int from) {
    int count = Math.min(BLOCK, (points + LANE_GROUP - 1) / LANE_GROUP * LANE_GROUP);
    for (double[] row : in) {
      java.util.Arrays.fill(row, points, count, 0.0);
    }
    double[][] cur = in;
    double[][] next = a;
    for (int t = 0; t < layers; t++) {
      int n = inSize[t];
      int m = outSize[t];
      int stride = n + 1;
      double[] w = rows[t];
      double bv = bias[t];
      boolean hidden = t < layers - 1;
      boolean relu = hidden && activation == Activation.RELU;
      int j = 0;
      for (; j + 3 <= m; j += 3) {
        int r0 = j * stride;
        int r1 = r0 + stride;
        int r2 = r1 + stride;
        double[] c0 = next[j];
        double[] c1 = next[j + 1];
        double[] c2 = next[j + 2];
        for (int p = 0; p < count; p++) {
          c0[p] = 0.0;
          c1[p] = 0.0;
          c2[p] = 0.0;
        }
        int i = 0;
        for (; i + 2 <= n; i += 2) {
          double u0 = w[r0 + i];
          double u1 = w[r0 + i + 1];
          double v0 = w[r1 + i];
          double v1 = w[r1 + i + 1];
          double z0 = w[r2 + i];
          double z1 = w[r2 + i + 1];
          double[] x0 = cur[i];
          double[] x1 = cur[i + 1];
          for (int p = 0; p < count; p++) {
            double y0 = x0[p];
            double y1 = x1[p];
            c0[p] = c0[p] + u0 * y0 + u1 * y1;
            c1[p] = c1[p] + v0 * y0 + v1 * y1;
            c2[p] = c2[p] + z0 * y0 + z1 * y1;
          }
        }
        if (i < n) {
          double u0 = w[r0 + i];
          double v0 = w[r1 + i];
          double z0 = w[r2 + i];
          double[] x0 = cur[i];
          for (int p = 0; p < count; p++) {
            double y0 = x0[p];
            c0[p] = c0[p] + u0 * y0;
            c1[p] = c1[p] + v0 * y0;
            c2[p] = c2[p] + z0 * y0;
          }
        }
        double b0 = w[r0 + n] * bv;
        double b1 = w[r1 + n] * bv;
        double b2 = w[r2 + n] * bv;
        if (relu) {
          for (int p = 0; p < count; p++) {
            c0[p] = Math.max(c0[p] + b0, 0.0);
            c1[p] = Math.max(c1[p] + b1, 0.0);
            c2[p] = Math.max(c2[p] + b2, 0.0);
          }
        } else {
          for (int p = 0; p < count; p++) {
            c0[p] = c0[p] + b0;
            c1[p] = c1[p] + b1;
            c2[p] = c2[p] + b2;
          }
        }
      }
      for (; j < m; j++) {
        neuronBlock(cur, next[j], w, j * stride, n, bv, relu, count);
      }
      if (hidden && !relu) {
        for (int q = 0; q < m; q++) {
          activation.applyInPlace(next[q], 0, count);
        }
      }
      cur = next;
      next = next == a ? b : a;
    }
    System.arraycopy(cur[0], 0, out, from, points);
  }

  /** One output neuron over a block, four input neurons per pass over the points. */
  private static void neuronBlock(
      double[][] cur, double[] acc, double[] w, int row, int n, double bv, boolean relu, int count) {
    for (int p = 0; p < count; p++) {
      acc[p] = 0.0;
    }
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      double u0 = w[row + i];
      double u1 = w[row + i + 1];
      double u2 = w[row + i + 2];
      double u3 = w[row + i + 3];
      double[] x0 = cur[i];
      double[] x1 = cur[i + 1];
      double[] x2 = cur[i + 2];
      double[] x3 = cur[i + 3];
      for (int p = 0; p < count; p++) {
        acc[p] = acc[p] + u0 * x0[p] + u1 * x1[p] + u2 * x2[p] + u3 * x3[p];
      }
    }
    for (; i < n; i++) {
      double u0 = w[row + i];
      double[] x0 = cur[i];
      for (int p = 0; p < count; p++) {
        acc[p] = acc[p] + u0 * x0[p];
      }
    }
    double b0 = w[row + n] * bv;
    if (relu) {
      for (int p = 0; p < count; p++) {
        acc[p] = Math.max(acc[p] + b0, 0.0);
      }
    } else {
      for (int p = 0; p < count; p++) {
        acc[p] = acc[p] + b0;
      }
    }
  }
}
