package io.github.nnproxy.proxy;

/**
 * A forward pass of a proxy's network over raw points of its domain: the kernel scales each point
 * into the network's input range with {@link Proxy}'s expression, then evaluates the network.
 * Results are the network's raw outputs, before the proxy's target scaling: Encog's {@code compute}
 * on the scaled point, bit for bit but for the vector kernel's SiLU and tanh (within 1e-12
 * relative; see {@link ForwardKernels}). Every kernel gives the same bits for a point whatever the batch it is
 * in and the thread that asks. Implementations are immutable and thread-safe.
 */
interface ForwardKernel {
  /**
   * Evaluates one point.
   *
   * @param x a point of the domain's dimension (not checked)
   * @return the network's output
   */
  double compute(double[] x);

  /**
   * Evaluates many points.
   *
   * @param xs points of the domain's dimension (not checked)
   * @param ys receives the network's output for {@code xs[i]} at {@code ys[i]}
   */
  void computeAll(double[][] xs, double[] ys);

  /**
   * Scales a point of the domain into the network's input range, {@code [-1, 1]} per coordinate:
   * {@code into[at + j] = (x[j] - center[j]) * invHalfWidth[j]}, the one expression every kernel
   * and {@link Proxy#scaleInput} use, so their inputs agree bit for bit.
   */
  static void scale(double[] x, double[] center, double[] invHalfWidth, double[] into, int at) {
    for (int j = 0; j < x.length; j++) {
      into[at + j] = (x[j] - center[j]) * invHalfWidth[j];
    }
  }
}
