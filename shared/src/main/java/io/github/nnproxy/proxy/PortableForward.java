package io.github.nnproxy.proxy;

import org.encog.neural.flat.FlatNetwork;

/**
 * The forward pass a JVM without the vector module runs: {@link DenseForward}'s one-point,
 * two-point and blocked passes, chosen by batch length, over raw points scaled with {@link
 * Proxy}'s expression. Bit-identical to Encog's {@code compute} for every activation (tested).
 *
 * <p>Immutable and thread-safe: each thread gets its own scratch buffers; the block buffers are
 * made on a thread's first batch longer than {@link DenseForward#SMALL_BATCH}.
 */
final class PortableForward implements ForwardKernel {
  private final DenseForward forward;
  private final double[] center;
  private final double[] invHalfWidth;
  private final ThreadLocal<Scratch> scratch;

  /** Per-thread scratch buffers of the forward pass; the block buffers are made on first use. */
  private static final class Scratch {
    final double[] in;
    final double[] in2;
    final double[] a;
    final double[] b;
    final double[] c;
    final double[] e;
    double[][] blockIn;
    double[][] blockA;
    double[][] blockB;

    Scratch(DenseForward forward, int d) {
      this.in = new double[d];
      this.in2 = new double[d];
      this.a = new double[forward.scratchSize()];
      this.b = new double[forward.scratchSize()];
      this.c = new double[forward.scratchSize()];
      this.e = new double[forward.scratchSize()];
    }

    void ensureBlocks(DenseForward forward, int d) {
      if (blockIn == null) {
        blockIn = new double[d][DenseForward.BLOCK];
        blockA = forward.blockScratch();
        blockB = forward.blockScratch();
      }
    }
  }

  /**
   * Builds the passes over the network's weights.
   *
   * @param flat the network
   * @param center the domain's center, per coordinate (the input scaling of {@link Proxy})
   * @param invHalfWidth {@code 2 / (upper - lower)} per coordinate
   */
  PortableForward(FlatNetwork flat, double[] center, double[] invHalfWidth) {
    this.forward = new DenseForward(flat);
    this.center = center.clone();
    this.invHalfWidth = invHalfWidth.clone();
    int d = center.length;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(forward, d));
  }

  private void scale(double[] x, double[] into) {
    ForwardKernel.scale(x, center, invHalfWidth, into, 0);
  }

  @Override
  public double compute(double[] x) {
    Scratch s = scratch.get();
    scale(x, s.in);
    return forward.compute(s.in, s.a, s.b);
  }

  @Override
  public void computeAll(double[][] xs, double[] ys) {
    Scratch s = scratch.get();
    if (xs.length <= DenseForward.SMALL_BATCH) {
      int p = 0;
      for (; p + 2 <= xs.length; p += 2) {
        scale(xs[p], s.in);
        scale(xs[p + 1], s.in2);
        forward.compute2(s.in, s.in2, s.a, s.b, s.c, s.e, ys, p);
      }
      if (p < xs.length) {
        scale(xs[p], s.in);
        ys[p] = forward.compute(s.in, s.a, s.b);
      }
      return;
    }
    int d = center.length;
    s.ensureBlocks(forward, d);
    // equal blocks of at most BLOCK points: 300 points run as 2 x 150, not 256 + 44
    int blocks = (xs.length + DenseForward.BLOCK - 1) / DenseForward.BLOCK;
    int block = (xs.length + blocks - 1) / blocks;
    for (int from = 0; from < xs.length; from += block) {
      int count = Math.min(block, xs.length - from);
      for (int p = 0; p < count; p++) {
        double[] x = xs[from + p];
        for (int j = 0; j < d; j++) {
          s.blockIn[j][p] = (x[j] - center[j]) * invHalfWidth[j];
        }
      }
      forward.computeBlock(s.blockIn, count, s.blockA, s.blockB, ys, from);
    }
  }
}
