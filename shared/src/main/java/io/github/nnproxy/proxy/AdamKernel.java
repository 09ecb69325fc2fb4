package io.github.nnproxy.proxy;

import org.encog.neural.flat.FlatNetwork;

/**
 * Mini-batch Adam for a proxy's Encog network, computed by nnproxy's own vectorizable loops
 * instead of Encog's one-sample-at-a-time propagation: the mathematics of {@link
 * TrainingAlgorithm#ADAM} and of the seed study's PyTorch loop (mean squared error averaged over
 * the mini-batch, Adam with bias correction), in a fraction of the time.
 *
 * <p>The weights are read from and written back to the Encog network's flat array, in Encog's
 * order, so the trained network is an ordinary Encog network. Inside, each layer keeps its weights
 * twice: output-major (one row per output neuron, inputs then bias, as Encog stores them) for the
 * gradient and the backward pass, and input-major (one row per input neuron) for the forward
 * pass, so that every inner loop runs over a contiguous row of neurons, with no dependency between
 * iterations, and the JIT vectorizes it.
 *
 * <p>Each mini-batch is cut into a fixed number of shards. The gradient of every shard is computed
 * on its own (on a worker thread, when there are {@link StepWorkers}) and the shard gradients are
 * added in shard order, so the result does not depend on the number of threads: the same seed
 * gives the same network, bit for bit, on one thread or on several.
 *
 * <p>Not thread-safe: one kernel belongs to one training run.
 */
final class AdamKernel {
  static final double BETA1 = 0.9;
  static final double BETA2 = 0.999;
  static final double EPSILON = 1e-8;

  private final int layers;
  private final int[] in;
  private final int[] out;
  private final int[] offset;
  private final double[] biasAct;
  /** w[t][j][i]: weight from input i (i == in[t]: the bias neuron) to output j of layer t. */
  private final double[][][] w;
  /** wt[t][i][j]: the same weights, input-major. */
  private final double[][][] wt;
  private final double[][][] m;
  private final double[][][] v;
  private final double[][][] grad;
  private final Shard[] shards;
  private final StepWorkers workers;
  private double learningRate;
  private final int maxWidth;
  /** The activation of the hidden layers. */
  private final Activation activation;
  private final int weightCount;
  private long step;

  /**
   * Creates a kernel that starts from the network's current weights.
   *
   * @param flat the network: hidden layers with one {@link Activation}, one output neuron (computed
   *     as linear, whatever its Encog activation), one bias per layer
   * @param learningRate Adam's step size
   * @param maxBatch the largest mini-batch {@link #step} will get
   * @param shardCount the number of shards each mini-batch is cut into
   * @param workers run groups of shards beside the caller's thread, or null to run them all on
   *     the caller's thread
   */
  AdamKernel(FlatNetwork flat, double learningRate, int maxBatch, int shardCount,
      StepWorkers workers) {
    if (flat.getOutputCount() != 1) {
      throw new IllegalArgumentException("the network must have one output neuron, but had "
          + flat.getOutputCount());
    }
    LayerLayout layout = LayerLayout.of(flat);
    this.activation = LayerLayout.hiddenActivation(flat);
    this.layers = layout.layers();
    this.in = layout.in();
    this.out = layout.out();
    this.offset = layout.offset();
    this.biasAct = layout.biasActivation();
    this.w = new double[layers][][];
    this.wt = new double[layers][][];
    this.m = new double[layers][][];
    this.v = new double[layers][][];
    this.grad = new double[layers][][];
    for (int t = 0; t < layers; t++) {
      w[t] = new double[out[t]][in[t] + 1];
      wt[t] = new double[in[t] + 1][out[t]];
      m[t] = new double[out[t]][in[t] + 1];
      v[t] = new double[out[t]][in[t] + 1];
      grad[t] = new double[out[t]][in[t] + 1];
    }
    this.maxWidth = layout.maxWidth();
    this.weightCount = flat.getWeights().length;
    this.learningRate = learningRate;
    this.workers = workers;
    int perShard = (maxBatch + shardCount - 1) / shardCount;
    this.shards = new Shard[shardCount];
    for (int s = 0; s < shardCount; s++) {
      shards[s] = new Shard(perShard);
    }
    load(flat.getWeights());
  }

  /**
   * The number of shards a mini-batch of {@code batch} points is cut into: one per 8 points, at
   * most 8. A function of the batch size alone, so that results do not depend on the threads.
   */
  static int shardsFor(int batch) {
    return Math.max(1, Math.min(8, batch / 8));
  }

  /** Replaces the kernel's weights by an Encog flat weight array; the Adam moments are kept. */
  void load(double[] flatWeights) {
    for (int t = 0; t < layers; t++) {
      int n = in[t] + 1;
      for (int j = 0; j < out[t]; j++) {
        System.arraycopy(flatWeights, offset[t] + j * n, w[t][j], 0, n);
      }
      transpose(t);
    }
  }

  /** Writes the kernel's weights into an Encog flat weight array. */
  void store(double[] flatWeights) {
    toFlat(w, flatWeights);
  }

  /** Copies per-layer, output-major values (weights or gradients) into Encog's flat order. */
  private void toFlat(double[][][] values, double[] flat) {
    for (int t = 0; t < layers; t++) {
      int n = in[t] + 1;
      for (int j = 0; j < out[t]; j++) {
        System.arraycopy(values[t][j], 0, flat, offset[t] + j * n, n);
      }
    }
  }

  /**
   * Sets the step size of the next steps (a learning-rate schedule changes it between epochs);
   * the Adam moments are kept.
   */
  void learningRate(double rate) {
    this.learningRate = rate;
  }

  /** Returns the number of Adam steps taken. */
  long steps() {
    return step;
  }

  /**
   * One Adam step on the mini-batch {@code order[from .. from + count)} of the rows of {@code x}
   * and {@code y}: the gradient of the mean squared error over the batch, then the update.
   */
  void step(double[][] x, double[] y, int[] order, int from, int count) {
    computeGradient(x, y, order, from, count);
    update();
  }

  /**
   * Computes the gradient of the mean squared error over the mini-batch {@code order[from ..
   * from + count)} into {@code grad}, shard by shard.
   */
  private void computeGradient(double[][] x, double[] y, int[] order, int from, int count) {
    int shardCount = Math.min(shards.length, count);
    if (workers == null || shardCount == 1) {
      shardRange(0, shardCount, shardCount, x, y, order, from, count);
    } else {
      int groups = Math.min(workers.parts(), shardCount);
      workers.run(g -> {
        if (g < groups) {
          shardRange(g * shardCount / groups, (g + 1) * shardCount / groups, shardCount, x, y,
              order, from, count);
        }
      });
    }
    for (int t = 0; t < layers; t++) {
      int n = in[t] + 1;
      for (int j = 0; j < out[t]; j++) {
        double[] g = grad[t][j];
        System.arraycopy(shards[0].grad[t][j], 0, g, 0, n);
        for (int s = 1; s < shardCount; s++) {
          double[] gs = shards[s].grad[t][j];
          for (int i = 0; i < n; i++) {
            g[i] += gs[i];
          }
        }
      }
    }
  }

  /**
   * The gradient of the mean squared error over the rows {@code order[from .. from + count)},
   * in Encog's flat weight order, without changing the weights: for tests.
   */
  double[] gradient(double[][] x, double[] y, int[] order, int from, int count) {
    computeGradient(x, y, order, from, count);
    double[] flat = new double[weightCount];
    toFlat(grad, flat);
    return flat;
  }

  /** Computes the gradients of shards {@code first .. last - 1} of the batch, in order. */
  private void shardRange(int first, int last, int shardCount, double[][] x, double[] y,
      int[] order, int from, int count) {
    for (int s = first; s < last; s++) {
      int a = from + (int) ((long) s * count / shardCount);
      int b = from + (int) ((long) (s + 1) * count / shardCount);
      shards[s].gradient(x, y, order, a, b - a, count);
    }
  }

  /** Applies Adam to every weight with the gradient in {@code grad}. */
  private void update() {
    step++;
    double c1 = 1 - Math.pow(BETA1, step);
    double c2 = 1 - Math.pow(BETA2, step);
    double stepSize = learningRate / c1;
    double root2 = Math.sqrt(c2);
    for (int t = 0; t < layers; t++) {
      int n = in[t] + 1;
      for (int j = 0; j < out[t]; j++) {
        double[] g = grad[t][j];
        double[] mj = m[t][j];
        double[] vj = v[t][j];
        double[] wj = w[t][j];
        for (int i = 0; i < n; i++) {
          double gi = g[i];
          mj[i] = BETA1 * mj[i] + (1 - BETA1) * gi;
          vj[i] = BETA2 * vj[i] + (1 - BETA2) * gi * gi;
          wj[i] -= stepSize * mj[i] / (Math.sqrt(vj[i]) / root2 + EPSILON);
        }
      }
      transpose(t);
    }
  }

  private void transpose(int t) {
    double[][] src = w[t];
    double[][] dst = wt[t];
    for (int j = 0; j < out[t]; j++) {
      double[] row = src[j];
      for (int i = 0; i <= in[t]; i++) {
        dst[i][j] = row[i];
      }
    }
  }

  /**
   * The network's output at the rows {@code order[from .. from + count)} of {@code x}, into
   * {@code into[0 .. count)}, on the caller's thread with the first shard's buffers.
   */
  void predict(double[][] x, int[] rows, int from, int count, double[] into) {
    Shard s = shards[0];
    for (int done = 0; done < count; ) {
      int c = Math.min(s.capacity, count - done);
      for (int p = 0; p < c; p++) {
        s.act[0][p] = x[rows == null ? from + done + p : rows[from + done + p]];
      }
      s.forward(c, false);
      for (int p = 0; p < c; p++) {
        into[done + p] = s.act[layers][p][0];
      }
      done += c;
    }
  }

  /** The buffers of one shard: activations, deltas and the shard's gradient. */
  private final class Shard {
    final int capacity;
    /** act[t][p]: the input of layer t for point p (act[0][p] is the data row itself). */
    final double[][][] act;
    /**
     * slope[t][p]: the activation's slope at the input sums behind act[t][p], for hidden layers
     * with a smooth activation (ReLU's slope is read off the activation itself).
     */
    final double[][][] slope;
    /** delta[p]: the loss gradient with respect to the current layer's outputs, for point p. */
    double[][] delta;
    double[][] back;
    final double[][][] grad;
    /** Scratch: the indices of the non-zero entries of an activation or delta vector. */
    private final int[] nonZero;

    Shard(int capacity) {
      this.capacity = capacity;
      this.act = new double[layers + 1][capacity][];
      for (int t = 1; t <= layers; t++) {
        for (int p = 0; p < capacity; p++) {
          act[t][p] = new double[out[t - 1]];
        }
      }
      this.slope = new double[layers][][];
      if (activation != Activation.RELU) {
        for (int t = 1; t < layers; t++) {
          slope[t] = new double[capacity][out[t - 1]];
        }
      }
      this.nonZero = new int[maxWidth];
      this.delta = new double[capacity][maxWidth];
      this.back = new double[capacity][maxWidth];
      this.grad = new double[layers][][];
      for (int t = 0; t < layers; t++) {
        grad[t] = new double[out[t]][in[t] + 1];
      }
    }

    /**
     * Forward pass of points 0 .. count - 1, whose inputs are in act[0]; {@code slopes} also
     * records the activation's slopes for the backward pass.
     */
    void forward(int count, boolean slopes) {
      for (int t = 0; t < layers; t++) {
        double[][] weights = wt[t];
        int n = in[t];
        int k = out[t];
        double[] biasRow = weights[n];
        double b = biasAct[t];
        boolean hidden = t < layers - 1;
        for (int p = 0; p < count; p++) {
          double[] a = act[t][p];
          double[] z = act[t + 1][p];
          for (int j = 0; j < k; j++) {
            z[j] = b * biasRow[j];
          }
          // ReLU leaves about half the inputs at 0: add only the others (smooth ones rarely are)
          int m = 0;
          for (int i = 0; i < n; i++) {
            if (a[i] != 0) {
              nonZero[m++] = i;
            }
          }
          int q = 0;
          for (; q + 3 < m; q += 4) {
            int i0 = nonZero[q];
            int i1 = nonZero[q + 1];
            int i2 = nonZero[q + 2];
            int i3 = nonZero[q + 3];
            double a0 = a[i0];
            double a1 = a[i1];
            double a2 = a[i2];
            double a3 = a[i3];
            double[] w0 = weights[i0];
            double[] w1 = weights[i1];
            double[] w2 = weights[i2];
            double[] w3 = weights[i3];
            for (int j = 0; j < k; j++) {
              z[j] += a0 * w0[j] + a1 * w1[j] + a2 * w2[j] + a3 * w3[j];
            }
          }
          for (; q < m; q++) {
            double ai = a[nonZero[q]];
            double[] wi = weights[nonZero[q]];
            for (int j = 0; j < k; j++) {
              z[j] += ai * wi[j];
            }
          }
          if (hidden) {
            activate(z, k, slopes && slope[t + 1] != null ? slope[t + 1][p] : null);
          }
        }
      }
    }

    /**
     * Applies the hidden activation to the sums {@code z[0 .. k)} in place and, when {@code into}
     * is not null, stores its slopes there. The activations are the expressions of their Encog
     * classes ({@link ActivationSiLU#silu}, {@link Math#tanh}), so training sees the network Encog
     * computes; SiLU's slope reuses the exponential of its value.
     */
    private void activate(double[] z, int k, double[] into) {
      switch (activation) {
        case RELU -> {
          for (int j = 0; j < k; j++) {
            z[j] = z[j] > 0 ? z[j] : 0.0;
          }
        }
        case SILU -> {
          for (int j = 0; j < k; j++) {
            double x = z[j];
            double e = Math.exp(-x);
            z[j] = x / (1.0 + e);
            if (into != null) {
              double sig = 1.0 / (1.0 + e);
              into[j] = sig * (1.0 + x * (1.0 - sig));
            }
          }
        }
        case TANH -> {
          for (int j = 0; j < k; j++) {
            double a = Math.tanh(z[j]);
            z[j] = a;
            if (into != null) {
              into[j] = 1.0 - a * a;
            }
          }
        }
        default -> throw new AssertionError(activation);
      }
    }

    /**
     * Computes this shard's share of the gradient of the batch's mean squared error: rows {@code
     * order[from .. from + count)}, in a batch of {@code batch} rows.
     */
    void gradient(double[][] x, double[] y, int[] order, int from, int count, int batch) {
      for (int p = 0; p < count; p++) {
        act[0][p] = x[order[from + p]];
      }
      forward(count, true);
      double scale = 2.0 / batch;
      for (int p = 0; p < count; p++) {
        delta[p][0] = scale * (act[layers][p][0] - y[order[from + p]]);
      }
      for (int t = layers - 1; t >= 0; t--) {
        accumulate(t, count);
        if (t > 0) {
          backward(t, count);
        }
      }
    }

    /** grad[t][j][i] = sum over points of delta_j * input_i (and the bias). */
    private void accumulate(int t, int count) {
      int n = in[t];
      double b = biasAct[t];
      double[][] g = grad[t];
      for (int j = 0; j < out[t]; j++) {
        double[] gj = g[j];
        java.util.Arrays.fill(gj, 0.0);
        int p = 0;
        for (; p + 3 < count; p += 4) {
          double d0 = delta[p][j];
          double d1 = delta[p + 1][j];
          double d2 = delta[p + 2][j];
          double d3 = delta[p + 3][j];
          double[] a0 = act[t][p];
          double[] a1 = act[t][p + 1];
          double[] a2 = act[t][p + 2];
          double[] a3 = act[t][p + 3];
          for (int i = 0; i < n; i++) {
            gj[i] += d0 * a0[i] + d1 * a1[i] + d2 * a2[i] + d3 * a3[i];
          }
          gj[n] += (d0 + d1 + d2 + d3) * b;
        }
        for (; p < count; p++) {
          double d = delta[p][j];
          double[] a = act[t][p];
          for (int i = 0; i < n; i++) {
            gj[i] += d * a[i];
          }
          gj[n] += d * b;
        }
      }
    }

    /** delta of layer t's inputs (the previous layer's outputs), through the activation. */
    private void backward(int t, int count) {
      int n = in[t];
      int k = out[t];
      double[][] weights = w[t];
      for (int p = 0; p < count; p++) {
        double[] d = delta[p];
        double[] e = back[p];
        java.util.Arrays.fill(e, 0, n, 0.0);
        // inactive units have a zero delta: skip them
        int m = 0;
        for (int j = 0; j < k; j++) {
          if (d[j] != 0) {
            nonZero[m++] = j;
          }
        }
        int q = 0;
        for (; q + 3 < m; q += 4) {
          double d0 = d[nonZero[q]];
          double d1 = d[nonZero[q + 1]];
          double d2 = d[nonZero[q + 2]];
          double d3 = d[nonZero[q + 3]];
          double[] w0 = weights[nonZero[q]];
          double[] w1 = weights[nonZero[q + 1]];
          double[] w2 = weights[nonZero[q + 2]];
          double[] w3 = weights[nonZero[q + 3]];
          for (int i = 0; i < n; i++) {
            e[i] += d0 * w0[i] + d1 * w1[i] + d2 * w2[i] + d3 * w3[i];
          }
        }
        for (; q < m; q++) {
          double dj = d[nonZero[q]];
          double[] wj = weights[nonZero[q]];
          for (int i = 0; i < n; i++) {
            e[i] += dj * wj[i];
          }
        }
        if (activation == Activation.RELU) {
          double[] a = act[t][p];
          for (int i = 0; i < n; i++) {
            e[i] = a[i] > 0 ? e[i] : 0.0;
          }
        } else {
          double[] g = slope[t][p];
          for (int i = 0; i < n; i++) {
            e[i] *= g[i];
          }
        }
      }
      double[][] swap = delta;
      delta = back;
      back = swap;
    }
  }
}
