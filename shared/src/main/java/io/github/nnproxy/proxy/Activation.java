package io.github.nnproxy.proxy;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.encog.engine.network.activation.ActivationFunction;
import org.encog.engine.network.activation.ActivationReLU;
import org.encog.engine.network.activation.ActivationTANH;

/**
 * The activation of a proxy's hidden layers (the output neuron is always linear), chosen with
 * {@link ProxyTrainer.Builder#activation(Activation)} and kept in the proxy's file.
 *
 * <p>Why the choice matters: what a user takes from a proxy is where its minimum lies. A ReLU
 * network is piecewise linear, so its minimum sits on a kink between linear pieces, and that kink
 * can lie far from the true minimizer even when the fit is close everywhere. A smooth activation
 * gives a smooth proxy whose minimum moves continuously with the data. {@link #RELU} is the seed
 * study's choice ({@link io.github.nnproxy.paper.SeedRecipes#trainer}); the smooth ones are for {@link
 * ProxyTrainer#defaults()} and anyone whose optimizer looks for a minimum.
 *
 * <p>Every constant maps to an Encog {@link ActivationFunction}, so a proxy stays an Encog {@code
 * BasicNetwork}; nnproxy's own kernels ({@code DenseForward}, {@code AdamKernel}) evaluate the
 * same expression as that Encog class, so their results equal Encog's {@code compute} bit for bit.
 * The exceptions are SiLU and tanh in the optional vector kernel ({@link Proxy#vectorKernel()}),
 * which vectorizes their exponentials: within 1e-12 relative of Encog's output.
 */
public enum Activation {
  /** {@code max(x, 0)}: Encog's {@link ActivationReLU}; the seed study's activation. */
  RELU("relu"),
  /** {@code x / (1 + exp(-x))}: nnproxy's {@link ActivationSiLU}, smooth and close to ReLU. */
  SILU("silu"),
  /** {@code tanh(x)}: Encog's {@link ActivationTANH}, computed with {@link Math#tanh}. */
  TANH("tanh");

  private final String key;

  Activation(String key) {
    this.key = key;
  }

  /**
   * Returns the lower-case name used in descriptions, files and on the command line.
   *
   * @return the name, e.g. {@code "silu"}
   */
  public String key() {
    return key;
  }

  /**
   * Returns a new Encog activation function that computes this activation.
   *
   * @return a new instance
   */
  public ActivationFunction encog() {
    return switch (this) {
      case RELU -> new ActivationReLU();
      case SILU -> new ActivationSiLU();
      case TANH -> new ActivationTANH();
    };
  }

  /**
   * Finds the activation of an Encog activation function.
   *
   * @param function an Encog activation function
   * @return the activation it computes
   * @throws IllegalArgumentException if nnproxy does not support that function, naming its class
   */
  public static Activation of(ActivationFunction function) {
    nonNull(function, "function");
    if (function instanceof ActivationReLU) {
      return RELU;
    }
    if (function instanceof ActivationSiLU) {
      return SILU;
    }
    if (function instanceof ActivationTANH) {
      return TANH;
    }
    throw new IllegalArgumentException("unsupported activation " + function.getClass().getName()
        + "; nnproxy supports " + names());
  }

  /**
   * Finds an activation by its name, ignoring case.
   *
   * @param name {@code relu}, {@code silu} or {@code tanh}
   * @return the activation
   * @throws IllegalArgumentException if no activation has that name
   */
  public static Activation parse(String name) {
    nonNull(name, "name");
    String k = name.trim().toLowerCase(Locale.ROOT);
    for (Activation a : values()) {
      if (a.key.equals(k)) {
        return a;
      }
    }
    throw new IllegalArgumentException("activation must be one of " + names() + ", but was '"
        + name + "'");
  }

  private static String names() {
    return Arrays.stream(values()).map(Activation::key).collect(Collectors.joining(", "));
  }

  /**
   * Applies the activation to {@code v[from .. from + count)} in place, with the expression of
   * its Encog class ({@code Math.max} equals Encog's ReLU for every double).
   */
  void applyInPlace(double[] v, int from, int count) {
    switch (this) {
      case RELU -> {
        for (int i = from; i < from + count; i++) {
          v[i] = Math.max(v[i], 0.0);
        }
      }
      case SILU -> {
        for (int i = from; i < from + count; i++) {
          v[i] = ActivationSiLU.silu(v[i]);
        }
      }
      case TANH -> {
        for (int i = from; i < from + count; i++) {
          v[i] = Math.tanh(v[i]);
        }
      }
      default -> throw new AssertionError(this);
    }
  }
}
