package io.github.nnproxy.proxy;

import org.encog.engine.network.activation.ActivationFunction;

/**
 * The sigmoid-weighted linear unit, {@code silu(x) = x * sigmoid(x) = x / (1 + exp(-x))} (also
 * called swish), as an Encog {@link ActivationFunction}, so that a proxy with SiLU hidden layers
 * stays an ordinary Encog {@code BasicNetwork} whose own {@code compute} gives the proxy's values.
 *
 * <p>Why it exists: a ReLU network is piecewise linear, and the minimum of a piecewise-linear
 * proxy lands on one of its kinks, often far from the true minimizer even when the fit is good.
 * SiLU is smooth, close to ReLU away from 0, and trains as easily. Encog 3.4 does not ship it.
 *
 * <p>The formula is evaluated exactly as {@code x / (1 + Math.exp(-x))}, the same expression
 * nnproxy's own portable forward kernel and its training kernel use, so all three agree bit for
 * bit; the optional vector kernel ({@link Proxy#vectorKernel()}) vectorizes the exponential and
 * agrees within a few units in the last place. It never
 * returns NaN for a finite input: {@code exp(-x)} overflows to infinity for very negative {@code
 * x}, and the quotient is then {@code -0.0}. Stateless, hence thread-safe; it has no parameters.
 * It is not registered with Encog's {@code ActivationFactory}, so Encog's EG text format cannot
 * recreate it: save proxies with {@link Proxy#save}.
 */
public final class ActivationSiLU implements ActivationFunction {
  private static final long serialVersionUID = 1L;

  /** Creates the activation; it has no parameters. */
  public ActivationSiLU() {}

  /**
   * SiLU of one value, the expression every nnproxy kernel uses.
   *
   * @param x the neuron's input sum
   * @return {@code x / (1 + exp(-x))}
   */
  public static double silu(double x) {
    return x / (1.0 + Math.exp(-x));
  }

  /**
   * The derivative of SiLU at {@code x}: {@code s * (1 + x * (1 - s))} with {@code s =
   * sigmoid(x)}.
   *
   * @param x the neuron's input sum
   * @return the slope of SiLU at {@code x}
   */
  public static double derivative(double x) {
    double s = 1.0 / (1.0 + Math.exp(-x));
    return s * (1.0 + x * (1.0 - s));
  }

  /** Applies SiLU to {@code x[start .. start + size)} in place. */
  @Override
  public void activationFunction(double[] x, int start, int size) {
    for (int i = start; i < start + size; i++) {
      x[i] = silu(x[i]);
    }
  }

  /**
   * Returns the derivative at the neuron's input sum {@code b} (Encog passes the value before and
   * after the activation; SiLU needs the one before).
   */
  @Override
  public double derivativeFunction(double b, double a) {
    return derivative(b);
  }

  /** Returns true: SiLU is differentiable everywhere, so Encog's propagation trainers accept it. */
  @Override
  public boolean hasDerivative() {
    return true;
  }

  /** Returns an empty array: SiLU has no parameters. */
  @Override
  public double[] getParams() {
    return new double[0];
  }

  /**
   * SiLU has no parameters.
   *
   * @throws IllegalArgumentException always, naming the index
   */
  @Override
  public void setParam(int index, double value) {
    throw new IllegalArgumentException("SiLU has no parameters, but parameter " + index
        + " was set to " + value);
  }

  /** Returns an empty array: SiLU has no parameters. */
  @Override
  public String[] getParamNames() {
    return new String[0];
  }

  /** Returns a new instance (it has no state). */
  @Override
  public ActivationFunction clone() {
    return new ActivationSiLU();
  }

  /** Returns {@code "silu"}; Encog's {@code ActivationFactory} does not know this code. */
  @Override
  public String getFactoryCode() {
    return "silu";
  }

  /** Returns {@code "silu"}. */
  @Override
  public String getLabel() {
    return "silu";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActivationSiLU;
  }

  @Override
  public int hashCode() {
    return ActivationSiLU.class.hashCode();
  }

  @Override
  public String toString() {
    return "SiLU";
  }
}
