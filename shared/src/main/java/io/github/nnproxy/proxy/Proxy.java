package io.github.nnproxy.proxy;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.internal.OutputFiles;
import io.github.nnproxy.internal.Requires;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import org.encog.engine.network.activation.ActivationLinear;
import org.encog.neural.networks.BasicNetwork;
import org.encog.neural.networks.layers.BasicLayer;

/**
 * A trained neural network that stands in for a forward model, behind the same {@link
 * ForwardModel} interface as the truth.
 *
 * <p>A proxy is an Encog multi-layer perceptron (hidden layers with one {@link Activation}, linear
 * output) together with
 * its input scaling (the domain is mapped to {@code [-1, 1]^d}) and target standardization, so
 * callers pass and receive values in the forward model's own units. Create one with a {@link
 * ProxyTrainer}; save it with {@link #save(Path)} and read it back, bit for bit, with {@link
 * #load(Path)}.
 *
 * <p>Thread safety: the weights are immutable, and every thread evaluates on its own copy of the
 * network's scratch buffers, so one proxy may be evaluated by many threads at once (as Jenetics
 * and jMetal's parallel evaluators do). The query counters are atomic.
 *
 * <p>Queries outside the training domain are answered (the network extrapolates) and counted:
 * see {@link #extrapolatedQueries()}.
 *
 * <pre>{@code
 * Proxy proxy = ProxyTrainer.defaults().train(f, Samplers.uniform(), 10_000, 42L);
 * System.out.println(proxy.quality());
 * double y = proxy.evaluate(new double[] {0.1, -0.3});
 * proxy.save(Path.of("ackley-2d.nnproxy"));
 * Proxy same = Proxy.load(Path.of("ackley-2d.nnproxy"));
 * }</pre>
 */
public final class Proxy implements ForwardModel {

  /**
   * The version of the file format written by {@link #save(Path)}. Version 2 adds the hidden
   * layers' activation and the rank measures of {@link ProxyQuality}; version 3 the failure kinds
   * of external programs ({@link SampleFailures#exitStatus()}, {@link
   * SampleFailures#garbledOutput()}). Files of versions 1 (ReLU, no rank measures) and 2 still
   * load.
   */
  public static final int FORMAT_VERSION = ProxyFormat.VERSION;

  private final Domain domain;
  private final int[] layerSizes;
  private final Activation activation;
  private final double[] weights;
  private final double targetMean;
  private final double targetScale;
  private final ProxyQuality quality;
  private final String description;

  private final double[] center;
  private final double[] invHalfWidth;
  /** The forward pass: the vector kernel or the portable one (see {@link #vectorKernel()}). */
  private final ForwardKernel kernel;
  private final LongAdder queries = new LongAdder();
  private final LongAdder extrapolated = new LongAdder();

  Proxy(
      Domain domain,
      int[] layerSizes,
      Activation activation,
      double[] weights,
      double targetMean,
      double targetScale,
      ProxyQuality quality,
      String description) {
    this.domain = nonNull(domain, "domain");
    this.layerSizes = layerSizes.clone();
    this.activation = nonNull(activation, "activation");
    this.weights = weights.clone();
    this.targetMean = targetMean;
    this.targetScale = targetScale;
    this.quality = nonNull(quality, "quality");
    this.description = nonNull(description, "description");
    int d = domain.dimension();
    this.center = domain.center();
    this.invHalfWidth = new double[d];
    for (int j = 0; j < d; j++) {
      invHalfWidth[j] = 2.0 / (domain.upper(j) - domain.lower(j));
    }
    BasicNetwork net = network(this.layerSizes, activation);
    net.decodeFromArray(this.weights);
    this.kernel = ForwardKernels.of(net.getFlat(), center, invHalfWidth);
  }

  /** Builds an untrained Encog network with ReLU hidden layers (see the two-argument method). */
  static BasicNetwork network(int[] layerSizes) {
    return network(layerSizes, Activation.RELU);
  }

  /**
   * Builds an untrained Encog network: linear input with bias, hidden layers with bias and the
   * given activation, one linear output.
   */
  static BasicNetwork network(int[] layerSizes, Activation activation) {
    BasicNetwork net = new BasicNetwork();
    net.addLayer(new BasicLayer(null, true, layerSizes[0]));
    for (int i = 1; i < layerSizes.length - 1; i++) {
      net.addLayer(new BasicLayer(activation.encog(), true, layerSizes[i]));
    }
    net.addLayer(new BasicLayer(new ActivationLinear(), false, layerSizes[layerSizes.length - 1]));
    net.getStructure().finalizeStructure();
    return net;
  }

  /** Scales a point of the domain into the network's input range, {@code [-1, 1]} per coordinate. */
  void scaleInput(double[] x, double[] into) {
    ForwardKernel.scale(x, center, invHalfWidth, into, 0);
  }

  double targetMean() {
    return targetMean;
  }

  double targetScale() {
    return targetScale;
  }

  @Override
  public Domain domain() {
    return domain;
  }

  /**
   * Predicts the forward model's value at a point.
   *
   * @param x a point of the domain's dimension with finite coordinates; a point outside the domain
   *     is answered and counted as extrapolated
   * @return the predicted value, in the forward model's units
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if {@code x} has the wrong length or a non-finite coordinate
   */
  @Override
  public double evaluate(double[] x) {
    Requires.point(x, domain.dimension(), "x");
    queries.increment();
    if (!domain.contains(x)) {
      extrapolated.increment();
    }
    return kernel.compute(x) * targetScale + targetMean;
  }

  /**
   * Predicts many points; equal, value for value, to calling {@link #evaluate(double[])} on each.
   *
   * @param xs the points
   * @return the predictions
   * @throws NullPointerException if {@code xs} or a row is null
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite coordinate
   */
  @Override
  public double[] evaluateAll(double[][] xs) {
    Requires.points(xs, domain.dimension(), "xs");
    double[] ys = new double[xs.length];
    long outside = 0;
    for (double[] x : xs) {
      if (!domain.contains(x)) {
        outside++;
      }
    }
    kernel.computeAll(xs, ys);
    for (int i = 0; i < ys.length; i++) {
      ys[i] = ys[i] * targetScale + targetMean;
    }
    queries.add(xs.length);
    extrapolated.add(outside);
    return ys;
  }

  /**
   * Returns the quality measured when the proxy was trained.
   *
   * @return the quality
   */
  public ProxyQuality quality() {
    return quality;
  }

  /**
   * Returns a free-text description of what the proxy was trained on and how, e.g. {@code
   * "ackley 2-D, dense-uniform, n=10000, seed 42, Adam ..."}.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * Returns the network's layer sizes, input first, output (1) last.
   *
   * @return a copy of the layer sizes
   */
  public int[] layerSizes() {
    return layerSizes.clone();
  }

  /**
   * Returns the activation of the network's hidden layers.
   *
   * @return the activation
   */
  public Activation activation() {
    return activation;
  }

  /**
   * Returns the number of points evaluated so far by this instance.
   *
   * @return the query count
   */
  public long queries() {
    return queries.sum();
  }

  /**
   * Returns how many of the points evaluated so far lay outside the training domain, where the
   * network extrapolates and its error is unknown.
   *
   * @return the extrapolated query count
   */
  public long extrapolatedQueries() {
    return extrapolated.sum();
  }

  /**
   * Returns a new Encog network with this proxy's weights, working in scaled units (inputs in
   * {@code [-1, 1]}, standardized output). For inspection or further training; the proxy keeps its
   * own copy.
   *
   * @return a new network
   */
  public BasicNetwork toEncogNetwork() {
    BasicNetwork net = network(layerSizes, activation);
    net.decodeFromArray(weights);
    return net;
  }

  /**
   * Saves the proxy, with its scaling, quality and description, to a versioned binary file that
   * {@link #load(Path)} reads back bit for bit. The file is written to a temporary sibling first
   * and then moved into place, so a crash never leaves a half-written proxy under {@code path}.
   *
   * @param path the file to write (parent folders are created)
   * @throws UncheckedIOException if the file cannot be written
   */
  public void save(Path path) {
    nonNull(path, "path");
    try {
      byte[] bytes = toBytes();
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      OutputFiles.writeAtomically(path, out -> out.write(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save proxy to " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns whether proxies in this JVM evaluate with the vector kernel. It is used when the JVM
   * was started with {@code --add-modules jdk.incubator.vector} (the JDK's vector API, still
   * incubating in Java 17) on a machine with vectors of at least four doubles, unless the system
   * property {@code nnproxy.vector} is {@code false}; otherwise proxies use the portable kernel.
   * Both answer ReLU networks with the bits of Encog's {@code compute}; for SiLU and tanh the
   * vector kernel vectorizes the exponential and may differ from it by up to 1e-12 relative, the
   * portable kernel not at all. Either kernel gives a point the same bits in any batch and on any
   * thread. The choice changes the speed of {@link #evaluate} and {@link #evaluateAll}
   * (docs/BENCHMARKS.md).
   *
   * @return true if the vector kernel is in use
   */
  public static boolean vectorKernel() {
    return ForwardKernels.vectorized();
  }

  /**
   * Reads a proxy written by {@link #save(Path)}.
   *
   * @param path the file
   * @return the proxy, predicting exactly as the one saved
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if the file is not an nnproxy proxy, is truncated or
   *     corrupt, or was written by a newer format version
   */
  public static Proxy load(Path path) {
    nonNull(path, "path");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read proxy file " + path + ": " + e.getMessage(), e);
    }
    return fromBytes(bytes, path.toString());
  }

  /** The proxy's file bytes, as {@link #save(Path)} writes them ({@link ProxyFormat}). */
  byte[] toBytes() {
    return ProxyFormat.toBytes(this);
  }

  /** Reads file bytes written by {@link #toBytes()} ({@link ProxyFormat}). */
  static Proxy fromBytes(byte[] bytes, String source) {
    return ProxyFormat.fromBytes(bytes, source);
  }

  /** The network's weights in Encog's encoded order, not copied: callers must not modify them. */
  double[] weights() {
    return weights;
  }

  @Override
  public String toString() {
    return "Proxy[" + description + "; layers " + Arrays.toString(layerSizes) + " "
        + activation.key() + "; " + quality + "]";
  }
}
