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
 * Both passes here add, for every neuron, the same products in the same order starting from 0;
 * they only change which neurons and points are in flight at once. Java never contracts {@code a + b * c} into a fused
 * multiply-add, so no rounding differs. ({@code Math.fma} would break bit-identity; it measured at
 * most a few percent faster, so it is not used.)
 *
 * <p>Layers are kept input-first (Encog stores them output-first). Each layer's weights are held
 * in two layouts:
 *
 * <ul>
 *   <li>{@code rows}, Encog's own: the weights of one output neuron contiguous, one per input
 *       neuron and the bias neuron's last. The batched pass reads them.
 *   <li>{@code packed}, for the one-point pass: the output neurons in groups of 16, then 8, then
 *       4, then one at a time; within a group of {@code g} neurons starting at offset {@code o},
 *       the weight from input neuron {@code i} to the group's neuron {@code q} is at {@code o + i *
 *       g + q}, with {@code i = n} the bias neuron. The one-point pass keeps the group's {@code g}
 *       sums in registers and streams its weights in order, so {@code g} independent sums advance
 *       together instead of one latency-bound dot product at a time (groups of 16 measured faster
 *       than 8 or 4).
 * </ul>
 *
 * <p>The batched pass evaluates blocks of points with the activations laid out neuron-major
 * ({@code act[neuron][point]}), so the innermost loop runs over the points of the block with no
 * dependency between iterations and the JIT vectorizes it. Each sweep over the points updates
 * three output neurons from two input neurons ({@code acc[p] = acc[p] + w0 * x0[p] + w1 * x1[p]},
 * evaluated left to right, Encog's order), so each loaded input row serves three neurons and each
 * accumulator load and store serves two multiply-adds; the remaining one or two neurons of a layer
 * take four inputs per sweep. Larger loop bodies (4 x 2, 2 x 4, 1 x 6 or 1 x 8) measured much
 * slower: C2 (JDK 17) stops unrolling and so vectorizing them under its default {@code
 * LoopUnrollLimit} (they recover with a higher limit, which a library cannot ask of its users).
 * Lanes of a block past {@code count} are neither read nor written.
 */
final class DenseForward {
  /**
   * The largest block of points of the batched pass: longer sweeps amortize each sweep's setup
   * (256 measured faster than 64 or 128 on large batches; the two scratch matrices then take
   * {@code 2 * 256 * 8} bytes per neuron of the widest layer, about 0.5 MB for the seed network).
   */
  static final int BLOCK = 256;

  /**
   * Up to this many points, evaluating them one at a time with {@link #compute} is faster than
   * one block of {@link #computeBlock} (measured on the seed network: one at a time wins at 10
   * points, the block at 16).
   */
  static final int SMALL_BATCH = 12;

  private final int layers;
  private final int[] inSize;
  private final int[] outSize;
  private final double[] bias;
  /** Per layer: Encog's layout, output-major, {@code (inSize + 1)} weights per output neuron. */
  private final double[][] rows;
  /** Per layer: the grouped, interleaved layout of the one-point pass (see the class comment). */
  private final double[][] packed;
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
    this.packed = new double[layers][];
    for (int t = 0; t < layers; t++) {
      int n = inSize[t];
      int m = outSize[t];
      int from = layout.offset()[t];
      rows[t] = java.util.Arrays.copyOfRange(weights, from, from + m * (n + 1));
      packed[t] = pack(rows[t], n, m);
    }
    this.maxWidth = layout.maxWidth();
  }

  /** Rearranges one layer's rows into the one-point pass's groups of 16, 8, 4 and 1 neurons. */
  private static double[] pack(double[] rows, int n, int m) {
    int stride = n + 1;
    double[] out = new double[rows.length];
    int k = 0;
    int j = 0;
    for (int group : new int[] {16, 8, 4, 1}) {
      for (; j + group <= m; j += group) {
        for (int i = 0; i <= n; i++) {
          for (int q = 0; q < group; q++) {
            out[k++] = rows[(j + q) * stride + i];
          }
        }
      }
    }
    return out;
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
      int m = outSize[t];
      double bv = bias[t];
      boolean hidden = t < layers - 1;
      boolean relu = hidden && activation == Activation.RELU;
      double[] w = packed[t];
      int k = 0;
      int j = 0;
      for (; j + 16 <= m; j += 16) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        double s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0;
        for (int i = 0; i < n; i++, k += 16) {
          double x = cur[i];
          s0 += w[k] * x; s1 += w[k + 1] * x; s2 += w[k + 2] * x; s3 += w[k + 3] * x;
          s4 += w[k + 4] * x; s5 += w[k + 5] * x; s6 += w[k + 6] * x; s7 += w[k + 7] * x;
          s8 += w[k + 8] * x; s9 += w[k + 9] * x; s10 += w[k + 10] * x; s11 += w[k + 11] * x;
          s12 += w[k + 12] * x; s13 += w[k + 13] * x; s14 += w[k + 14] * x; s15 += w[k + 15] * x;
        }
        s0 += w[k] * bv; s1 += w[k + 1] * bv; s2 += w[k + 2] * bv; s3 += w[k + 3] * bv;
        s4 += w[k + 4] * bv; s5 += w[k + 5] * bv; s6 += w[k + 6] * bv; s7 += w[k + 7] * bv;
        s8 += w[k + 8] * bv; s9 += w[k + 9] * bv; s10 += w[k + 10] * bv; s11 += w[k + 11] * bv;
        s12 += w[k + 12] * bv; s13 += w[k + 13] * bv; s14 += w[k + 14] * bv; s15 += w[k + 15] * bv;
        k += 16;
        if (relu) {
          s0 = Math.max(s0, 0.0); s1 = Math.max(s1, 0.0); s2 = Math.max(s2, 0.0); s3 = Math.max(s3, 0.0);
          s4 = Math.max(s4, 0.0); s5 = Math.max(s5, 0.0); s6 = Math.max(s6, 0.0); s7 = Math.max(s7, 0.0);
          s8 = Math.max(s8, 0.0); s9 = Math.max(s9, 0.0); s10 = Math.max(s10, 0.0); s11 = Math.max(s11, 0.0);
          s12 = Math.max(s12, 0.0); s13 = Math.max(s13, 0.0); s14 = Math.max(s14, 0.0); s15 = Math.max(s15, 0.0);
        }
        next[j] = s0; next[j + 1] = s1; next[j + 2] = s2; next[j + 3] = s3;
        next[j + 4] = s4; next[j + 5] = s5; next[j + 6] = s6; next[j + 7] = s7;
        next[j + 8] = s8; next[j + 9] = s9; next[j + 10] = s10; next[j + 11] = s11;
        next[j + 12] = s12; next[j + 13] = s13; next[j + 14] = s14; next[j + 15] = s15;
      }
      for (; j + 8 <= m; j += 8) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int i = 0; i < n; i++, k += 8) {
          double x = cur[i];
          s0 += w[k] * x; s1 += w[k + 1] * x; s2 += w[k + 2] * x; s3 += w[k + 3] * x;
          s4 += w[k + 4] * x; s5 += w[k + 5] * x; s6 += w[k + 6] * x; s7 += w[k + 7] * x;
        }
        s0 += w[k] * bv; s1 += w[k + 1] * bv; s2 += w[k + 2] * bv; s3 += w[k + 3] * bv;
        s4 += w[k + 4] * bv; s5 += w[k + 5] * bv; s6 += w[k + 6] * bv; s7 += w[k + 7] * bv;
        k += 8;
        if (relu) {
          s0 = Math.max(s0, 0.0); s1 = Math.max(s1, 0.0); s2 = Math.max(s2, 0.0); s3 = Math.max(s3, 0.0);
          s4 = Math.max(s4, 0.0); s5 = Math.max(s5, 0.0); s6 = Math.max(s6, 0.0); s7 = Math.max(s7, 0.0);
        }
        next[j] = s0; next[j + 1] = s1; next[j + 2] = s2; next[j + 3] = s3;
        next[j + 4] = s4; next[j + 5] = s5; next[j + 6] = s6; next[j + 7] = s7;
      }
      for (; j + 4 <= m; j += 4) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < n; i++, k += 4) {
          double x = cur[i];
          s0 += w[k] * x; s1 += w[k + 1] * x; s2 += w[k + 2] * x; s3 += w[k + 3] * x;
        }
        s0 += w[k] * bv; s1 += w[k + 1] * bv; s2 += w[k + 2] * bv; s3 += w[k + 3] * bv;
        k += 4;
        if (relu) {
          s0 = Math.max(s0, 0.0); s1 = Math.max(s1, 0.0); s2 = Math.max(s2, 0.0); s3 = Math.max(s3, 0.0);
        }
        next[j] = s0; next[j + 1] = s1; next[j + 2] = s2; next[j + 3] = s3;
      }
      for (; j < m; j++, k += n + 1) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += w[k + i] * cur[i];
        }
        s += w[k + n] * bv;
        next[j] = relu ? Math.max(s, 0.0) : s;
      }
      if (hidden && !relu) {
        activation.applyInPlace(next, 0, m);
      }
      cur = next;
      next = next == a ? b : a;
    }
    return cur[0];
  }

  /**
   * A block of {@code count <= BLOCK} points: {@code in[i][p]} is coordinate i of point p; {@code
   * a} and {@code b} are scratch matrices from {@link #blockScratch()}; the outputs go to {@code
   * out[from .. from + count)}. Every row starts at index 0, so the inner loops read and write the
   * same index of different rows and the JIT can vectorize them.
   */
  void computeBlock(double[][] in, int count, double[][] a, double[][] b, double[] out, int from) {
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
    System.arraycopy(cur[0], 0, out, from, count);
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
