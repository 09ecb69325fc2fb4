package io.github.nnproxy.proxy;

import org.encog.neural.flat.FlatNetwork;

/**
 * The forward pass of a proxy's Encog network, rewritten over the same weights for speed, with
 * the same arithmetic in the same order, so its results are bit-identical to {@link
 * FlatNetwork#compute(double[], double[])} (tested). Immutable and thread-safe: callers pass their
 * own scratch buffers.
 *
 * <p>Encog stores layers output-first; here they are kept input-first. For each layer the weights
 * of one output neuron are contiguous, one per input neuron and the bias neuron last, exactly as
 * Encog's {@code computeLayer} reads them. Encog sums {@code w * in * (1 - dropout)} with dropout
 * 0, which is {@code w * in} exactly.
 *
 * <p>The batched pass evaluates blocks of points with the activations laid out neuron-major, so
 * the innermost loop runs over the points of the block with no dependency between iterations and
 * the JIT can vectorize it; each point's sum still adds the same terms in the same order.
 */
final class DenseForward {
  /** Points per block of the batched pass. */
  static final int BLOCK = 64;

  private final int layers;
  private final int[] inSize;
  private final int[] outSize;
  private final int[] offset;
  private final double[] bias;
  private final double[] weights;
  private final int maxWidth;

  DenseForward(FlatNetwork flat) {
    int[] counts = flat.getLayerCounts();
    int[] feed = flat.getLayerFeedCounts();
    int[] weightIndex = flat.getWeightIndex();
    double[] biasActivation = flat.getBiasActivation();
    this.weights = flat.getWeights().clone();
    this.layers = counts.length - 1;
    this.inSize = new int[layers];
    this.outSize = new int[layers];
    this.offset = new int[layers];
    this.bias = new double[layers];
    int width = 0;
    for (int t = 0; t < layers; t++) {
      int source = counts.length - 1 - t; // Encog's index of this transition's input layer
      if (counts[source] != feed[source] + 1) {
        throw new IllegalArgumentException("layer " + t + " must have exactly one bias neuron");
      }
      inSize[t] = feed[source];
      outSize[t] = feed[source - 1];
      offset[t] = weightIndex[source - 1];
      bias[t] = biasActivation[source];
      width = Math.max(width, Math.max(inSize[t], outSize[t]));
    }
    this.maxWidth = width;
  }

  /** Returns the size of the scratch buffers {@link #compute} needs, each. */
  int scratchSize() {
    return maxWidth;
  }

  /** Returns a scratch matrix for {@link #computeBlock}: one row of {@link #BLOCK} per neuron. */
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
      int row = offset[t];
      boolean relu = t < layers - 1;
      for (int j = 0; j < outSize[t]; j++, row += n + 1) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += weights[row + i] * cur[i];
        }
        s += weights[row + n] * bias[t];
        next[j] = relu && s <= 0 ? 0.0 : s;
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
      int row = offset[t];
      boolean relu = t < layers - 1;
      double biasValue = bias[t];
      for (int j = 0; j < outSize[t]; j++, row += n + 1) {
        double[] acc = next[j];
        java.util.Arrays.fill(acc, 0, count, 0.0);
        for (int i = 0; i < n; i++) {
          double w = weights[row + i];
          double[] src = cur[i];
          for (int p = 0; p < count; p++) {
            acc[p] += w * src[p];
          }
        }
        double wb = weights[row + n] * biasValue;
        for (int p = 0; p < count; p++) {
          double s = acc[p] + wb;
          acc[p] = relu && s <= 0 ? 0.0 : s;
        }
      }
      cur = next;
      next = next == a ? b : a;
    }
    System.arraycopy(cur[0], 0, out, from, count);
  }
}
