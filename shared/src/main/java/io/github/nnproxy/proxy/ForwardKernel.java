package io.github.nnproxy.proxy;

/**
 * A forward pass of a proxy's network over raw points of its domain: the kernel scales each point
 * into the network's input range with {@link Proxy}'s expression, then evaluates the network.
 * Results are the network's raw outputs, before the proxy's target scaling, and bit-identical to
 * Encog's {@code compute} on the scaled point. Implementations are immutable and thread-safe.
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
}
