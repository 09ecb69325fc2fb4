package io.github.nnproxy.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.sampling.Samplers;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.encog.mathutil.randomize.XaiverRandomizer;
import org.encog.ml.data.basic.BasicMLDataSet;
import org.encog.engine.network.activation.ActivationReLU;
import org.encog.neural.networks.BasicNetwork;
import org.encog.neural.networks.layers.BasicLayer;
import org.encog.neural.networks.training.propagation.back.Backpropagation;
import org.encog.neural.networks.training.propagation.sgd.BatchDataSet;
import org.encog.neural.networks.training.propagation.sgd.StochasticGradientDescent;
import org.encog.neural.networks.training.propagation.sgd.update.AdamUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** nnproxy's mini-batch Adam kernel against Encog's own gradient and against the Adam formula. */
class AdamKernelTest {

  private static BasicNetwork network(String layers, long seed) {
    return network(layers, Activation.RELU, seed);
  }

  private static BasicNetwork network(String layers, Activation activation, long seed) {
    int[] sizes = Arrays.stream(layers.split("-")).mapToInt(Integer::parseInt).toArray();
    BasicNetwork net = Proxy.network(sizes, activation);
    new XaiverRandomizer(seed).randomize(net);
    return net;
  }

  private static double[][] points(int n, int d, long seed) {
    return ProxyTestSupport.points(n, d, 1, seed);
  }

  private static int[] identity(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  /**
   * The network of {@link Proxy#network} but with a ReLU output neuron whose bias keeps the
   * output positive, where ReLU is the identity: the same function and gradient as the proxy's
   * linear output. Encog 3.4's backpropagation takes each layer's derivative from the activation
   * of the layer above (Encog issue #243), so only with the same activation on every layer does it
   * compute the true gradient.
   */
  private static BasicNetwork encogComparable(int[] sizes, long seed) {
    BasicNetwork net = new BasicNetwork();
    net.addLayer(new BasicLayer(null, true, sizes[0]));
    for (int i = 1; i < sizes.length; i++) {
      net.addLayer(new BasicLayer(new ActivationReLU(), i < sizes.length - 1, sizes[i]));
    }
    net.getStructure().finalizeStructure();
    new XaiverRandomizer(seed).randomize(net);
    int last = sizes.length - 2;
    net.setWeight(last, sizes[last], 0, 5.0); // the bias of the output neuron
    return net;
  }

  private static double[][] column(double[] ys) {
    double[][] ideal = new double[ys.length][];
    for (int i = 0; i < ys.length; i++) {
      ideal[i] = new double[] {ys[i]};
    }
    return ideal;
  }

  /** One full-batch step of Encog's backpropagation, learning rate 1, no momentum. */
  private static double[] encogStep(BasicNetwork net, double[][] xs, double[] ys) {
    double[] before = net.getFlat().getWeights().clone();
    Backpropagation bp = new Backpropagation(net, new BasicMLDataSet(xs, column(ys)), 1.0, 0.0);
    bp.setThreadCount(1);
    bp.iteration();
    bp.finishTraining();
    double[] after = net.getFlat().getWeights();
    double[] delta = new double[before.length];
    for (int i = 0; i < before.length; i++) {
      delta[i] = after[i] - before[i];
    }
    return delta;
  }

  private static double[] targets(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      ys[i] = r.nextDouble(3, 7);
    }
    return ys;
  }

  /**
   * One full-batch step of Encog's plain backpropagation moves the weights by Encog's gradient,
   * the sum over the batch of {@code (target - output)} times the output's derivative: that is
   * {@code -batch / 2} times the gradient of the mean squared error the kernel computes.
   */
  @ParameterizedTest
  @ValueSource(strings = {"2-20-50-120-70-20-10-1", "4-64-64-64-64-1", "3-7-1", "10-15-50-15-10-1",
      "1-1", "5-9-3-1"})
  void gradientEqualsEncogBackpropagation(String layers) {
    int[] sizes = Arrays.stream(layers.split("-")).mapToInt(Integer::parseInt).toArray();
    int batch = 37; // 4 shards of 9 or 10 points, not a multiple of the unrolling
    double[][] xs = points(batch, sizes[0], 11);
    double[] ys = targets(batch, 12);
    BasicNetwork net = encogComparable(sizes, 5);
    double[] out = new double[1];
    for (double[] x : xs) {
      net.getFlat().compute(x, out);
      assertTrue(out[0] > 0, "the output must stay where ReLU is the identity: " + out[0]);
    }
    AdamKernel kernel = new AdamKernel(net.getFlat(), 1e-3, batch, 4, null);
    double[] grad = kernel.gradient(xs, ys, identity(batch), 0, batch);
    double[] encog = encogStep(net, xs, ys);
    double largest = Arrays.stream(encog).map(Math::abs).max().orElse(0);
    assertTrue(largest > 0, "Encog moved no weight");
    for (int i = 0; i < encog.length; i++) {
      assertEquals(encog[i], -batch / 2.0 * grad[i], 1e-12 * largest,
          "weight " + i + " of " + layers);
    }
  }

  /** The kernel's gradient against central differences of the mean squared error. */
  @ParameterizedTest
  @CsvSource({"relu,2-20-50-120-70-20-10-1", "relu,3-7-1", "relu,5-9-3-1",
      "silu,2-20-50-120-70-20-10-1", "silu,3-7-1", "silu,5-9-3-1", "silu,4-64-64-64-1",
      "tanh,2-20-50-120-70-20-10-1", "tanh,3-7-1", "tanh,5-9-3-1"})
  void gradientMatchesFiniteDifferences(String activation, String layers) {
    int[] sizes = Arrays.stream(layers.split("-")).mapToInt(Integer::parseInt).toArray();
    int batch = 21;
    double[][] xs = points(batch, sizes[0], 13);
    double[] ys = targets(batch, 14);
    BasicNetwork net = network(layers, Activation.parse(activation), 15);
    double[] w = net.getFlat().getWeights();
    double[] grad = new AdamKernel(net.getFlat(), 1e-3, batch, 2, null)
        .gradient(xs, ys, identity(batch), 0, batch);
    SplittableRandom pick = new SplittableRandom(16);
    for (int k = 0; k < 40; k++) {
      int i = pick.nextInt(w.length);
      double keep = w[i];
      double h = 1e-6;
      w[i] = keep + h;
      double up = mse(net, xs, ys);
      w[i] = keep - h;
      double down = mse(net, xs, ys);
      w[i] = keep;
      assertEquals((up - down) / (2 * h), grad[i], 1e-6 * (1 + Math.abs(grad[i])),
          activation + " weight " + i + " of " + layers);
    }
  }

  private static double mse(BasicNetwork net, double[][] xs, double[] ys) {
    double[] out = new double[1];
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      net.getFlat().compute(xs[i], out);
      s += (out[0] - ys[i]) * (out[0] - ys[i]);
    }
    return s / xs.length;
  }

  /**
   * Documents Encog issue #243 on the proxy's own network (ReLU hidden layers, linear output):
   * Encog's backpropagation agrees with the true gradient on the output layer's weights only; below
   * it, it lets the gradient through the last hidden layer's inactive ReLU units. Encog's {@link
   * TrainingAlgorithm#ADAM} shares that code; {@link TrainingAlgorithm#BATCHED_ADAM} does not.
   */
  @Test
  void encogsGradientIsWrongBelowTheOutputLayerOfAReluNetwork() {
    int[] sizes = {3, 7, 6, 1};
    int batch = 30;
    double[][] xs = points(batch, 3, 17);
    double[] ys = targets(batch, 18);
    BasicNetwork net = network("3-7-6-1", 19);
    double[] grad = new AdamKernel(net.getFlat(), 1e-3, batch, 1, null)
        .gradient(xs, ys, identity(batch), 0, batch);
    double[] encog = encogStep(net, xs, ys);
    int outputWeights = sizes[2] + 1; // Encog stores the output layer first
    double worst = 0;
    for (int i = 0; i < encog.length; i++) {
      double diff = Math.abs(encog[i] + batch / 2.0 * grad[i]);
      if (i < outputWeights) {
        assertEquals(0, diff, 1e-12, "output weight " + i);
      } else {
        worst = Math.max(worst, diff);
      }
    }
    assertTrue(worst > 1e-3, "Encog's hidden-layer gradient matched: " + worst);
  }

  /**
   * Documents why {@link TrainingAlgorithm#BATCHED_ADAM} does its own batching: Encog 3.4's
   * {@code StochasticGradientDescent.iteration()} advances its batch window twice (once in {@code
   * update()}, once after it) and counts two iterations, so sequential batches skip every other
   * window and Adam's bias correction runs at step 2, 4, 6, ...
   */
  @Test
  void encogsSgdSkipsEveryOtherBatchAndCountsTwoSteps() {
    BasicNetwork net = network("1-4-1", 1);
    double[][] xs = points(80, 1, 2);
    StochasticGradientDescent sgd = new StochasticGradientDescent(net,
        new BasicMLDataSet(xs, column(targets(80, 3))));
    sgd.setUpdateRule(new AdamUpdate());
    sgd.setBatchSize(8);
    BatchDataSet batches = (BatchDataSet) sgd.getTraining();
    int[] starts = new int[10];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = batches.getCurrentIndex();
      sgd.iteration();
    }
    sgd.finishTraining();
    assertArrayEquals(new int[] {0, 16, 32, 48, 64, 0, 16, 32, 48, 64}, starts);
    assertEquals(20, sgd.getIteration());
  }

  /** Adam's first step is {@code lr * g / (|g| + eps)}, after bias correction. */
  @Test
  void firstStepIsTheBiasCorrectedAdamStep() {
    BasicNetwork net = network("3-8-8-1", 2);
    double[][] xs = points(16, 3, 3);
    double[] ys = new double[16];
    Arrays.fill(ys, 0.5);
    double lr = 0.01;
    AdamKernel probe = new AdamKernel(net.getFlat(), lr, 16, 2, null);
    double[] g = probe.gradient(xs, ys, identity(16), 0, 16);
    double[] w0 = net.getFlat().getWeights().clone();
    AdamKernel kernel = new AdamKernel(net.getFlat(), lr, 16, 2, null);
    kernel.step(xs, ys, identity(16), 0, 16);
    double[] w1 = new double[w0.length];
    kernel.store(w1);
    for (int i = 0; i < w0.length; i++) {
      double expected = w0[i] - lr * g[i] / (Math.abs(g[i]) + AdamKernel.EPSILON);
      assertEquals(expected, w1[i], 1e-15, "weight " + i);
    }
    assertEquals(1, kernel.steps());
  }

  /** The shards of a batch can run on any number of threads: the weights come out the same. */
  @Test
  void threadsDoNotChangeTheResult() throws Exception {
    double[][] xs = points(200, 2, 4);
    double[] ys = new double[200];
    for (int i = 0; i < ys.length; i++) {
      ys[i] = Math.sin(3 * xs[i][0]) * xs[i][1];
    }
    double[] one = train(xs, ys, null);
    try (StepWorkers two = new StepWorkers(1); StepWorkers four = new StepWorkers(3)) {
      assertArrayEquals(one, train(xs, ys, two));
      assertArrayEquals(one, train(xs, ys, four));
    }
  }

  private static double[] train(double[][] xs, double[] ys, StepWorkers workers) {
    BasicNetwork net = network("2-16-16-1", 9);
    AdamKernel kernel =
        new AdamKernel(net.getFlat(), 3e-3, 32, AdamKernel.shardsFor(32), workers);
    int[] rows = identity(xs.length);
    for (int epoch = 0; epoch < 5; epoch++) {
      for (int from = 0; from < rows.length; from += 32) {
        kernel.step(xs, ys, rows, from, Math.min(32, rows.length - from));
      }
    }
    double[] w = new double[net.getFlat().getWeights().length];
    kernel.store(w);
    return w;
  }

  /** The kernel's predictions are the Encog network's outputs for the weights it stores. */
  @Test
  void predictionsAreTheNetworksOutputs() {
    BasicNetwork net = network("4-20-50-120-70-20-10-1", 6);
    double[][] xs = points(75, 4, 8);
    double[] ys = new double[75];
    AdamKernel kernel = new AdamKernel(net.getFlat(), 1e-3, 8, 1, null);
    for (int from = 0; from < 75; from += 8) {
      kernel.step(xs, ys, identity(75), from, Math.min(8, 75 - from));
    }
    kernel.store(net.getFlat().getWeights());
    double[] pred = new double[75];
    kernel.predict(xs, null, 0, 75, pred);
    double[] out = new double[1];
    for (int i = 0; i < 75; i++) {
      net.getFlat().compute(xs[i], out);
      assertEquals(out[0], pred[i], 1e-12 * Math.max(1, Math.abs(out[0])), "point " + i);
    }
  }

  /** Trained through {@link ProxyTrainer}, the kernel learns a smooth function well. */
  @Test
  void batchedAdamLearnsThroughTheTrainer() {
    ProxyTrainer t = ProxyTrainer.builder().algorithm(TrainingAlgorithm.BATCHED_ADAM)
        .hiddenLayers(32, 32).batchSize(32).learningRate(3e-3).epochs(60).seed(3).build();
    Proxy p = t.train(Benchmarks.sphere(2), Samplers.uniform(), 1_000, 3L);
    assertTrue(p.quality().validationR2() > 0.99, p.quality().toString());
    Domain dom = Benchmarks.sphere(2).domain();
    assertEquals(dom, p.domain());
  }
}
