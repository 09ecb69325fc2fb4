package io.github.nnproxy.proxy;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.encog.neural.flat.FlatNetwork;

/**
 * The forward pass of a proxy's network written with the JDK's vector API ({@code
 * jdk.incubator.vector}), for JVMs started with {@code --add-modules jdk.incubator.vector}; {@link
 * ForwardKernels} loads it only then, by name, so nothing else in the library links against the
 * incubator module.
 *
 * <p>Arithmetic: every neuron's sum starts from 0 and adds its products {@code w * x} in Encog's
 * order, the bias neuron's last, with separate multiplies and adds (never a fused multiply-add),
 * then the activation. ReLU is {@code max(x, 0)} (Encog's {@code x <= 0 ? 0 : x} for every
 * double), so ReLU results are bit-identical to Encog's {@code compute} and to {@link
 * DenseForward}: the kernel only changes which sums are in flight at once. SiLU and tanh are
 * vectorized too ({@link #siluInPlace}, {@link #tanhInPlace}): a few units in the last place from
 * {@code x / (1 + Math.exp(-x))} and {@code Math.tanh} per activation, within 1e-12 relative of
 * Encog's output. Every point gets the same bits whatever the batch, chunk or thread count: each
 * lane's arithmetic is the same in every tile.
 *
 * <p>Layout: activations are point-major (one row of a layer's outputs per point, padded with
 * zeros to a multiple of the vector length), and each layer's weights input-major (the weights of
 * one input neuron to every output neuron contiguous, padded the same way, then the bias neuron's
 * row, already multiplied by the bias activation: the same product Encog forms). A tile keeps the
 * sums of up to four points times two vectors of output neurons in registers across the whole
 * input loop, so each weight vector loaded serves four points and each broadcast input two vectors,
 * and no sum is stored until it is complete. The padded neurons compute values no later layer
 * reads. Batches run in chunks of {@link #CHUNK} points, so the scratch rows stay in cache.
 *
 * <p>Immutable and thread-safe: each thread gets its own scratch buffers.
 */
final class VectorForward implements ForwardKernel {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  /** Returns the doubles per preferred vector of this machine ({@link ForwardKernels} asks). */
  static int lanes() {
    return LANES;
  }

  /** Points per chunk of a batch (scratch: two rows of the widest padded layer per point). */
  static final int CHUNK = 128;

  private final int dimension;
  private final int layers;
  private final int[] inSize;
  /** Per layer: the output width padded to a multiple of {@link #LANES}. */
  private final int[] width;
  /** Per layer: {@code inSize * width} weights input-major, then the bias row ({@code width}). */
  private final double[][] weights;
  private final Activation activation;
  private final double[] center;
  private final double[] invHalfWidth;
  private final int maxWidth;
  private final ThreadLocal<Scratch> scratch;

  /**
   * Per-thread buffers: the scaled input and two activation rows for one point, and the same for a
   * chunk, made on a thread's first batch.
   */
  private static final class Scratch {
    final double[] in;
    final double[] a;
    final double[] b;
    double[] chunkIn;
    double[] chunkA;
    double[] chunkB;

    Scratch(int dimension, int maxWidth) {
      in = new double[dimension];
      a = new double[maxWidth];
      b = new double[maxWidth];
    }

    void ensureChunk(int dimension, int maxWidth) {
      if (chunkIn == null) {
        chunkIn = new double[CHUNK * dimension];
        chunkA = new double[CHUNK * maxWidth];
        chunkB = new double[CHUNK * maxWidth];
      }
    }
  }

  /**
   * Copies the network's weights into this kernel's layout.
   *
   * @param flat the network, linear output of one neuron, hidden layers of one {@link Activation}
   * @param center the domain's center, per coordinate (the input scaling of {@link Proxy})
   * @param invHalfWidth {@code 2 / (upper - lower)} per coordinate
   */
  VectorForward(FlatNetwork flat, double[] center, double[] invHalfWidth) {
    LayerLayout layout = LayerLayout.of(flat);
    LayerLayout.requireLinearOutput(flat);
    this.activation = LayerLayout.hiddenActivation(flat);
    this.layers = layout.layers();
    this.inSize = layout.in();
    this.dimension = inSize[0];
    this.center = center.clone();
    this.invHalfWidth = invHalfWidth.clone();
    this.width = new int[layers];
    this.weights = new double[layers][];
    double[] all = flat.getWeights();
    int widest = 0;
    for (int t = 0; t < layers; t++) {
      int n = inSize[t];
      int m = layout.out()[t];
      int w = (m + LANES - 1) / LANES * LANES;
      int from = layout.offset()[t];
      double bv = layout.biasActivation()[t];
      double[] layer = new double[(n + 1) * w];
      for (int j = 0; j < m; j++) {
        for (int i = 0; i < n; i++) {
          layer[i * w + j] = all[from + j * (n + 1) + i];
        }
        layer[n * w + j] = all[from + j * (n + 1) + n] * bv;
      }
      width[t] = w;
      weights[t] = layer;
      widest = Math.max(widest, w);
    }
    this.maxWidth = widest;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(dimension, maxWidth));
  }

  @Override
  public double compute(double[] x) {
    Scratch s = scratch.get();
    scale(x, s.in, 0);
    double[] cur = s.in;
    double[] next = s.a;
    for (int t = 0; t < layers; t++) {
      int n = inSize[t];
      int w = width[t];
      double[] wt = weights[t];
      boolean relu = t < layers - 1 && activation == Activation.RELU;
      int j = 0;
      for (; j + 4 * LANES <= w; j += 4 * LANES) {
        tile1x4(cur, 0, n, wt, w, j, next, 0, relu);
      }
      for (; j < w; j += LANES) {
        tile1x1(cur, 0, n, wt, w, j, next, 0, relu);
      }
      if (t < layers - 1 && !relu) {
        activate(next, w);
      }
      cur = next;
      next = next == s.a ? s.b : s.a;
    }
    return cur[0];
  }

  @Override
  public void computeAll(double[][] xs, double[] ys) {
    Scratch s = scratch.get();
    s.ensureChunk(dimension, maxWidth);
    for (int from = 0; from < xs.length; from += CHUNK) {
      chunk(xs, from, Math.min(CHUNK, xs.length - from), s, ys);
    }
  }

  private void scale(double[] x, double[] into, int at) {
    ForwardKernel.scale(x, center, invHalfWidth, into, at);
  }

  /** Points {@code xs[from .. from + count)}, {@code count <= CHUNK}, into {@code ys}. */
  private void chunk(double[][] xs, int from, int count, Scratch s, double[] ys) {
    for (int p = 0; p < count; p++) {
      scale(xs[from + p], s.chunkIn, p * dimension);
    }
    double[] cur = s.chunkIn;
    int ld = dimension;
    double[] next = s.chunkA;
    for (int t = 0; t < layers; t++) {
      int n = inSize[t];
      int w = width[t];
      double[] wt = weights[t];
      boolean relu = t < layers - 1 && activation == Activation.RELU;
      // neurons outer, points inner: a tile's weight panel stays in the first-level cache while
      // every group of four points of the chunk passes over it (faster than points outer)
      int full = count / 4 * 4;
      int j = 0;
      for (; j + 2 * LANES <= w; j += 2 * LANES) {
        for (int p = 0; p < full; p += 4) {
          tile4x2(cur, p * ld, ld, n, wt, w, j, next, p * w, relu);
        }
      }
      if (j < w) {
        for (int p = 0; p < full; p += 4) {
          tile4x1(cur, p * ld, ld, n, wt, w, j, next, p * w, relu);
        }
      }
      for (int p = full; p < count; p++) {
        int k = 0;
        for (; k + 4 * LANES <= w; k += 4 * LANES) {
          tile1x4(cur, p * ld, n, wt, w, k, next, p * w, relu);
        }
        for (; k < w; k += LANES) {
          tile1x1(cur, p * ld, n, wt, w, k, next, p * w, relu);
        }
      }
      if (t < layers - 1 && !relu) {
        activate(next, count * w);
      }
      cur = next;
      ld = w;
      next = next == s.chunkA ? s.chunkB : s.chunkA;
    }
    for (int p = 0; p < count; p++) {
      ys[from + p] = cur[p * ld];
    }
  }

  /**
   * Four points (rows {@code x[xo + q * ld ..]}, q < 4) times output neurons {@code [j, j + 2 *
   * LANES)}: the sums in registers over all {@code n} inputs, then the bias row and ReLU, stored at
   * {@code out[oo + q * w + j ..]}.
   */
  private static void tile4x2(double[] x, int xo, int ld, int n, double[] wt, int w, int j,
      double[] out, int oo, boolean relu) {
    DoubleVector s00 = DoubleVector.zero(SPECIES);
    DoubleVector s01 = s00;
    DoubleVector s10 = s00;
    DoubleVector s11 = s00;
    DoubleVector s20 = s00;
    DoubleVector s21 = s00;
    DoubleVector s30 = s00;
    DoubleVector s31 = s00;
    int x0 = xo;
    int x1 = x0 + ld;
    int x2 = x1 + ld;
    int x3 = x2 + ld;
    for (int i = 0; i < n; i++) {
      DoubleVector w0 = DoubleVector.fromArray(SPECIES, wt, i * w + j);
      DoubleVector w1 = DoubleVector.fromArray(SPECIES, wt, i * w + j + LANES);
      DoubleVector v = DoubleVector.broadcast(SPECIES, x[x0 + i]);
      s00 = s00.add(w0.mul(v));
      s01 = s01.add(w1.mul(v));
      v = DoubleVector.broadcast(SPECIES, x[x1 + i]);
      s10 = s10.add(w0.mul(v));
      s11 = s11.add(w1.mul(v));
      v = DoubleVector.broadcast(SPECIES, x[x2 + i]);
      s20 = s20.add(w0.mul(v));
      s21 = s21.add(w1.mul(v));
      v = DoubleVector.broadcast(SPECIES, x[x3 + i]);
      s30 = s30.add(w0.mul(v));
      s31 = s31.add(w1.mul(v));
    }
    DoubleVector b0 = DoubleVector.fromArray(SPECIES, wt, n * w + j);
    DoubleVector b1 = DoubleVector.fromArray(SPECIES, wt, n * w + j + LANES);
    int o = oo + j;
    store(s00.add(b0), out, o, relu);
    store(s01.add(b1), out, o + LANES, relu);
    store(s10.add(b0), out, o + w, relu);
    store(s11.add(b1), out, o + w + LANES, relu);
    store(s20.add(b0), out, o + 2 * w, relu);
    store(s21.add(b1), out, o + 2 * w + LANES, relu);
    store(s30.add(b0), out, o + 3 * w, relu);
    store(s31.add(b1), out, o + 3 * w + LANES, relu);
  }

  /** As {@link #tile4x2} for one vector of output neurons. */
  private static void tile4x1(double[] x, int xo, int ld, int n, double[] wt, int w, int j,
      double[] out, int oo, boolean relu) {
    DoubleVector s0 = DoubleVector.zero(SPECIES);
    DoubleVector s1 = s0;
    DoubleVector s2 = s0;
    DoubleVector s3 = s0;
    int x0 = xo;
    int x1 = x0 + ld;
    int x2 = x1 + ld;
    int x3 = x2 + ld;
    for (int i = 0; i < n; i++) {
      DoubleVector w0 = DoubleVector.fromArray(SPECIES, wt, i * w + j);
      s0 = s0.add(w0.mul(x[x0 + i]));
      s1 = s1.add(w0.mul(x[x1 + i]));
      s2 = s2.add(w0.mul(x[x2 + i]));
      s3 = s3.add(w0.mul(x[x3 + i]));
    }
    DoubleVector b0 = DoubleVector.fromArray(SPECIES, wt, n * w + j);
    int o = oo + j;
    store(s0.add(b0), out, o, relu);
    store(s1.add(b0), out, o + w, relu);
    store(s2.add(b0), out, o + 2 * w, relu);
    store(s3.add(b0), out, o + 3 * w, relu);
  }

  /** One point (row {@code x[xo ..]}) times output neurons {@code [j, j + 4 * LANES)}. */
  private static void tile1x4(double[] x, int xo, int n, double[] wt, int w, int j,
      double[] out, int oo, boolean relu) {
    DoubleVector s0 = DoubleVector.zero(SPECIES);
    DoubleVector s1 = s0;
    DoubleVector s2 = s0;
    DoubleVector s3 = s0;
    for (int i = 0; i < n; i++) {
      int r = i * w + j;
      DoubleVector v = DoubleVector.broadcast(SPECIES, x[xo + i]);
      s0 = s0.add(DoubleVector.fromArray(SPECIES, wt, r).mul(v));
      s1 = s1.add(DoubleVector.fromArray(SPECIES, wt, r + LANES).mul(v));
      s2 = s2.add(DoubleVector.fromArray(SPECIES, wt, r + 2 * LANES).mul(v));
      s3 = s3.add(DoubleVector.fromArray(SPECIES, wt, r + 3 * LANES).mul(v));
    }
    int b = n * w + j;
    int o = oo + j;
    store(s0.add(DoubleVector.fromArray(SPECIES, wt, b)), out, o, relu);
    store(s1.add(DoubleVector.fromArray(SPECIES, wt, b + LANES)), out, o + LANES, relu);
    store(s2.add(DoubleVector.fromArray(SPECIES, wt, b + 2 * LANES)), out, o + 2 * LANES, relu);
    store(s3.add(DoubleVector.fromArray(SPECIES, wt, b + 3 * LANES)), out, o + 3 * LANES, relu);
  }

  /** One point times output neurons {@code [j, j + LANES)}. */
  private static void tile1x1(double[] x, int xo, int n, double[] wt, int w, int j,
      double[] out, int oo, boolean relu) {
    DoubleVector s0 = DoubleVector.zero(SPECIES);
    for (int i = 0; i < n; i++) {
      s0 = s0.add(DoubleVector.fromArray(SPECIES, wt, i * w + j).mul(x[xo + i]));
    }
    store(s0.add(DoubleVector.fromArray(SPECIES, wt, n * w + j)), out, oo + j, relu);
  }

  /** The smooth activation over {@code v[0 .. count)}, {@code count} a multiple of LANES. */
  private void activate(double[] v, int count) {
    if (activation == Activation.SILU) {
      siluInPlace(v, count);
    } else if (activation == Activation.TANH) {
      tanhInPlace(v, count);
    } else {
      activation.applyInPlace(v, 0, count);
    }
  }

  private static final DoubleVector ONE = DoubleVector.broadcast(SPECIES, 1.0);
  private static final double LOG2E = 1.4426950408889634;
  /** ln 2 in two parts, the first with 21 trailing zero bits, so {@code k * LN2_HI} is exact. */
  private static final double LN2_HI = 0x1.62e42fee00000p-1;
  private static final double LN2_LO = 0x1.a39ef35793c76p-33;
  /** 1.5 * 2^52: adding it rounds to an integer and leaves the integer in the low bits. */
  private static final double SHIFTER = 0x1.8p52;
  /** Above this |x|, e^|x| would overflow; SiLU there is x (x > 0) or below 3e-305 (x < 0). */
  private static final double MAX_ABS = 708.0;
  private static final double C2 = 0.5; // 1/2!
  private static final double C3 = 0.16666666666666666; // 1/3!
  private static final double C4 = 0.041666666666666664; // 1/4!
  private static final double C5 = 0.008333333333333333; // 1/5!
  private static final double C6 = 0.001388888888888889; // 1/6!
  private static final double C7 = 0.0001984126984126984; // 1/7!
  private static final double C8 = 2.48015873015873e-05; // 1/8!
  private static final double C9 = 2.7557319223985893e-06; // 1/9!
  private static final double C10 = 2.755731922398589e-07; // 1/10!
  private static final double C11 = 2.505210838544172e-08; // 1/11!
  private static final double C12 = 2.08767569878681e-09; // 1/12!
  private static final double C13 = 1.6059043836821613e-10; // 1/13!

  /**
   * SiLU in place over {@code v[0 .. count)}, {@code count} a multiple of the vector length,
   * vectorized: {@code silu(x) = max(x, 0) - |x| / (1 + e^|x|)}, the same
   * function as {@code x / (1 + e^-x)} written so that the exponential is of {@code |x|} (never
   * overflows below {@link #MAX_ABS}, never cancels). {@code e^a = 2^k e^r} with {@code k =
   * round(a / ln 2)} (by the {@link #SHIFTER} rounding), {@code r = a - k ln 2} in two parts
   * ({@code |r| <= ln 2 / 2}), {@code e^r} by its Taylor polynomial of degree 13 in Estrin's form
   * (truncation below 1e-17), and {@code 2^k} built from the exponent bits. Within a few units
   * in the last place of {@code x / (1 + Math.exp(-x))} for {@code |x| < 708} (tested).
   */
  static void siluInPlace(double[] v, int count) {
    for (int at = 0; at < count; at += LANES) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, v, at);
      DoubleVector a = x.abs().min(MAX_ABS);
      DoubleVector t = a.mul(LOG2E).add(SHIFTER);
      DoubleVector k = t.sub(SHIFTER);
      DoubleVector r = a.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
      DoubleVector r2 = r.mul(r);
      DoubleVector r4 = r2.mul(r2);
      DoubleVector r8 = r4.mul(r4);
      DoubleVector q0 = r.add(1.0);
      DoubleVector q1 = r.mul(C3).add(C2);
      DoubleVector q2 = r.mul(C5).add(C4);
      DoubleVector q3 = r.mul(C7).add(C6);
      DoubleVector q4 = r.mul(C9).add(C8);
      DoubleVector q5 = r.mul(C11).add(C10);
      DoubleVector q6 = r.mul(C13).add(C12);
      DoubleVector s0 = q1.mul(r2).add(q0);
      DoubleVector s1 = q3.mul(r2).add(q2);
      DoubleVector s2 = q5.mul(r2).add(q4);
      DoubleVector u0 = s1.mul(r4).add(s0);
      DoubleVector u1 = q6.mul(r4).add(s2);
      DoubleVector p = u1.mul(r8).add(u0);
      LongVector bits = t.reinterpretAsLongs().add(1023L).lanewise(VectorOperators.LSHL, 52);
      DoubleVector e = p.mul(bits.reinterpretAsDoubles());
      DoubleVector h = ONE.div(e.add(1.0));
      x.max(0.0).sub(a.mul(h)).intoArray(v, at);
    }
  }

  // siluInPlace and tanhInPlace write out the same range reduction and polynomial on purpose: with
  // them in a shared helper method the JIT compiled SiLU much slower (docs/BENCHMARKS.md).

  /** Above this |x|, tanh(x) rounds to plus or minus 1. */
  private static final double TANH_MAX_ABS = 20.0;
  private static final long SIGN_BIT = Long.MIN_VALUE;

  /**
   * tanh in place over {@code v[0 .. count)}, {@code count} a multiple of the vector length,
   * vectorized: {@code tanh(x) = sign(x) m / (m + 2)} with {@code m = e^(2|x|) - 1}, so that small
   * arguments lose nothing to cancellation. {@code m = 2^k (e^r - 1) + (2^k - 1)} with the range
   * reduction of {@link #siluInPlace}, {@code e^r - 1} from the same polynomial without its
   * constant term, and {@code |x|} capped at {@link #TANH_MAX_ABS}. The sign is copied from
   * {@code x}'s bit, so {@code tanh(-0.0) = -0.0}. Within a few units in the last place of {@code
   * Math.tanh} (tested).
   */
  static void tanhInPlace(double[] v, int count) {
    for (int at = 0; at < count; at += LANES) {
      DoubleVector x = DoubleVector.fromArray(SPECIES, v, at);
      DoubleVector a = x.abs().min(TANH_MAX_ABS).mul(2.0);
      DoubleVector t = a.mul(LOG2E).add(SHIFTER);
      DoubleVector k = t.sub(SHIFTER);
      DoubleVector r = a.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
      DoubleVector r2 = r.mul(r);
      DoubleVector r4 = r2.mul(r2);
      DoubleVector r8 = r4.mul(r4);
      DoubleVector q1 = r.mul(C3).add(C2);
      DoubleVector q2 = r.mul(C5).add(C4);
      DoubleVector q3 = r.mul(C7).add(C6);
      DoubleVector q4 = r.mul(C9).add(C8);
      DoubleVector q5 = r.mul(C11).add(C10);
      DoubleVector q6 = r.mul(C13).add(C12);
      DoubleVector s0 = q1.mul(r2).add(r);
      DoubleVector s1 = q3.mul(r2).add(q2);
      DoubleVector s2 = q5.mul(r2).add(q4);
      DoubleVector u0 = s1.mul(r4).add(s0);
      DoubleVector u1 = q6.mul(r4).add(s2);
      DoubleVector em1r = u1.mul(r8).add(u0);
      DoubleVector scale = t.reinterpretAsLongs().add(1023L).lanewise(VectorOperators.LSHL, 52)
          .reinterpretAsDoubles();
      DoubleVector m = em1r.mul(scale).add(scale.sub(1.0));
      DoubleVector y = m.div(m.add(2.0));
      LongVector sign = x.reinterpretAsLongs().and(SIGN_BIT);
      y.reinterpretAsLongs().or(sign).reinterpretAsDoubles().intoArray(v, at);
    }
  }

  private static void store(DoubleVector v, double[] out, int at, boolean relu) {
    (relu ? v.max(0.0) : v).intoArray(out, at);
  }
}
