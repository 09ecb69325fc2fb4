package io.github.nnproxy.proxy;

import io.github.nnproxy.Domain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.encog.mathutil.randomize.XaiverRandomizer;
import org.encog.mathutil.randomize.generate.MersenneTwisterGenerateRandom;
import org.encog.ml.data.MLDataPair;
import org.encog.ml.data.basic.BasicMLData;
import org.encog.ml.data.basic.BasicMLDataPair;
import org.encog.ml.data.basic.BasicMLDataSet;
import org.encog.ml.train.MLTrain;
import org.encog.neural.flat.FlatNetwork;
import org.encog.neural.networks.BasicNetwork;
import org.encog.neural.networks.training.propagation.resilient.ResilientPropagation;
import org.encog.neural.networks.training.propagation.sgd.StochasticGradientDescent;
import org.encog.neural.networks.training.propagation.sgd.update.AdamUpdate;

/** One training run of a {@link ProxyTrainer}: split, scale, train, keep the best epoch, measure. */
final class NetworkFit {
  private final ProxyTrainer trainer;
  private final Domain domain;
  private final double[][] x;
  private final double[] y;
  private final SampleFailures failures;
  private final String description;
  /** The proxy whose weights training continues from, or null to start from random weights. */
  private final Proxy startProxy;

  NetworkFit(ProxyTrainer trainer, Domain domain, double[][] x, double[] y,
      SampleFailures failures, String description, Proxy start) {
    this.startProxy = start;
    this.trainer = trainer;
    this.domain = domain;
    this.x = x;
    this.y = y;
    this.failures = failures;
    this.description = description;
  }

  Proxy run() {
    long start = System.nanoTime();
    int n = y.length;
    int d = domain.dimension();
    SplittableRandom rnd = new SplittableRandom(trainer.seed());
    int[] order = permutation(n, rnd);
    int nVal = Math.max(2, (int) Math.round(n * trainer.validationFraction()));
    nVal = Math.min(nVal, n - 8);
    int nTrain = n - nVal;

    // target standardization from the training part only
    double mean = 0;
    for (int i = 0; i < nTrain; i++) {
      mean += y[order[i]];
    }
    mean /= nTrain;
    double var = 0;
    for (int i = 0; i < nTrain; i++) {
      double e = y[order[i]] - mean;
      var += e * e;
    }
    double sd = Math.sqrt(var / nTrain);
    double scale = sd > 0 && Double.isFinite(sd) ? sd : 1.0;

    int[] layers = new int[trainer.hiddenLayers().length + 2];
    layers[0] = d;
    System.arraycopy(trainer.hiddenLayers(), 0, layers, 1, layers.length - 2);
    layers[layers.length - 1] = 1;

    BasicNetwork net = Proxy.network(layers, trainer.activation());
    long initSeed = rnd.nextLong();
    if (startProxy == null || allZero(startProxy.weights())) {
      // a proxy of constant targets has zero weights, from which no unit could differ from
      // another: start such a fit from random weights
      new XaiverRandomizer(initSeed).randomize(net);
    } else {
      startFrom(net, mean, scale);
    }
    double[] center = domain.center();
    double[] inv = new double[d];
    for (int j = 0; j < d; j++) {
      inv[j] = 2.0 / (domain.upper(j) - domain.lower(j));
    }

    double[][] trainIn = new double[nTrain][];
    double[] trainOut = new double[nTrain];
    double[][] valIn = new double[nVal][];
    double[] valOut = new double[nVal];
    for (int i = 0; i < n; i++) {
      int k = order[i];
      double[] u = new double[d];
      for (int j = 0; j < d; j++) {
        u[j] = (x[k][j] - center[j]) * inv[j];
      }
      double t = (y[k] - mean) / scale;
      if (i < nTrain) {
        trainIn[i] = u;
        trainOut[i] = t;
      } else {
        valIn[i - nTrain] = u;
        valOut[i - nTrain] = t;
      }
    }
    Random shuffler = new Random(rnd.nextLong());
    long encogSeed = rnd.nextLong();

    FlatNetwork flat = net.getFlat();
    Tracker tracker = new Tracker(flat.getWeights().clone(), valOut, scale, start);
    boolean constant = !(sd > 0 && Double.isFinite(sd));
    if (constant) {
      // all training targets equal: zero weights give exactly the constant, no training needed
      java.util.Arrays.fill(tracker.bestWeights, 0.0);
    } else if (trainer.algorithm() == TrainingAlgorithm.BATCHED_ADAM) {
      trainBatched(flat, trainIn, trainOut, valIn, shuffler, tracker);
    } else {
      trainEncog(net, trainIn, trainOut, valIn, shuffler, encogSeed, tracker);
    }
    int epoch = tracker.epoch;
    int bestEpoch = tracker.bestEpoch;
    double[] bestWeights = tracker.bestWeights;
    System.arraycopy(bestWeights, 0, flat.getWeights(), 0, bestWeights.length);
    double[] weights = encode(net);

    // quality, in the model's own units
    double trainSq = 0;
    double[] out = new double[1];
    for (int i = 0; i < nTrain; i++) {
      flat.compute(trainIn[i], out);
      double e = (out[0] - trainOut[i]) * scale;
      trainSq += e * e;
    }
    double valSq = 0;
    double maxAbs = 0;
    double[] valPred = new double[nVal];
    double valMean = 0;
    for (double v : valOut) {
      valMean += v;
    }
    valMean /= nVal;
    double tot = 0;
    for (int i = 0; i < nVal; i++) {
      flat.compute(valIn[i], out);
      valPred[i] = out[0];
      double e = (out[0] - valOut[i]) * scale;
      valSq += e * e;
      maxAbs = Math.max(maxAbs, Math.abs(e));
      double c = (valOut[i] - valMean) * scale;
      tot += c * c;
    }
    double r2 = tot > 0 ? 1 - valSq / tot : Double.NaN;
    Duration time = Duration.ofNanos(System.nanoTime() - start);
    ProxyQuality q = new ProxyQuality(Math.sqrt(trainSq / nTrain), Math.sqrt(valSq / nVal), r2,
        maxAbs, n, failures.total(), epoch, bestEpoch, time, failures,
        RankMeasures.spearman(valPred, valOut), RankMeasures.lowDecileRmse(valPred, valOut) * scale);
    return new Proxy(domain, layers, trainer.activation(), weights, mean, scale, q, description);
  }

  /**
   * Loads the start proxy's weights and re-expresses its output layer in this fit's target
   * standardization, so that the network predicts, in the model's units, exactly what the start
   * proxy predicts: with {@code y = s0 * o + m0} before and {@code o' = (y - m1) / s1} now, every
   * weight of the output neuron is multiplied by {@code s0 / s1} and its bias weight gains {@code
   * (m0 - m1) / (s1 * b)}, b the bias neuron's value. The inputs need nothing: the domain, and so
   * the input scaling, is the same.
   */
  private void startFrom(BasicNetwork net, double mean, double scale) {
    net.decodeFromArray(startProxy.weights());
    FlatNetwork flat = net.getFlat();
    LayerLayout layout = LayerLayout.of(flat);
    int t = layout.layers() - 1;
    int off = layout.offset()[t];
    int in = layout.in()[t];
    double[] w = flat.getWeights();
    double ratio = startProxy.targetScale() / scale;
    for (int i = 0; i <= in; i++) {
      w[off + i] *= ratio;
    }
    w[off + in] += (startProxy.targetMean() - mean) / (scale * layout.biasActivation()[t]);
  }

  /**
   * Mini-batch Adam with nnproxy's own kernel: the points are reshuffled before every epoch and
   * cut into batches in that order, the last one possibly smaller (PyTorch's {@code DataLoader}).
   */
  private void trainBatched(FlatNetwork flat, double[][] trainIn, double[] trainOut,
      double[][] valIn, Random shuffler, Tracker tracker) {
    int nTrain = trainIn.length;
    int batch = Math.min(trainer.batchSize(), nTrain);
    int shards = AdamKernel.shardsFor(batch);
    // more threads than cores would leave the spinning hand-off of StepWorkers to the scheduler
    int threads = Math.min(Math.min(trainer.threads(), shards),
        Runtime.getRuntime().availableProcessors());
    StepWorkers workers = threads > 1 ? new StepWorkers(threads - 1) : null;
    try {
      AdamKernel kernel = new AdamKernel(flat, trainer.learningRate(), batch, shards, workers);
      int[] rows = new int[nTrain];
      for (int i = 0; i < nTrain; i++) {
        rows[i] = i;
      }
      double[] pred = new double[valIn.length];
      while (tracker.next()) {
        kernel.learningRate(trainer.schedule().rate(trainer.learningRate(), tracker.epoch,
            trainer.epochs()));
        for (int i = nTrain - 1; i > 0; i--) {
          int k = shuffler.nextInt(i + 1);
          int t = rows[i];
          rows[i] = rows[k];
          rows[k] = t;
        }
        for (int from = 0; from < nTrain; from += batch) {
          kernel.step(trainIn, trainOut, rows, from, Math.min(batch, nTrain - from));
        }
        kernel.predict(valIn, null, 0, valIn.length, pred);
        if (tracker.stop(pred, kernel::store)) {
          break;
        }
      }
      kernel.store(flat.getWeights()); // the network ends with the last epoch's weights
    } finally {
      if (workers != null) {
        workers.close();
      }
    }
  }

  /** Encog's own training: SGD with Adam updates, or resilient propagation. */
  private void trainEncog(BasicNetwork net, double[][] trainIn, double[] trainOut,
      double[][] valIn, Random shuffler, long encogSeed, Tracker tracker) {
    int nTrain = trainIn.length;
    List<MLDataPair> train = new ArrayList<>(nTrain);
    for (int i = 0; i < nTrain; i++) {
      train.add(new BasicMLDataPair(new BasicMLData(trainIn[i]),
          new BasicMLData(new double[] {trainOut[i]})));
    }
    BasicMLDataSet trainSet = new BasicMLDataSet(train);
    List<MLDataPair> shuffled = trainSet.getData();
    MLTrain algo;
    int itersPerEpoch;
    if (trainer.algorithm() == TrainingAlgorithm.ADAM) {
      StochasticGradientDescent sgd = new StochasticGradientDescent(net, trainSet,
          new MersenneTwisterGenerateRandom(encogSeed));
      sgd.setUpdateRule(new AdamUpdate());
      sgd.setBatchSize(Math.min(trainer.batchSize(), nTrain));
      sgd.setLearningRate(trainer.learningRate());
      algo = sgd;
      itersPerEpoch = (nTrain + sgd.getBatchSize() - 1) / sgd.getBatchSize();
    } else {
      ResilientPropagation rp = new ResilientPropagation(net, trainSet);
      rp.setThreadCount(1); // deterministic and leaves no pool threads behind
      algo = rp;
      itersPerEpoch = 1;
    }
    FlatNetwork flat = net.getFlat();
    double[] out = new double[1];
    double[] pred = new double[valIn.length];
    try {
      while (tracker.next()) {
        if (trainer.algorithm() == TrainingAlgorithm.ADAM) {
          Collections.shuffle(shuffled, shuffler);
        }
        for (int it = 0; it < itersPerEpoch; it++) {
          algo.iteration();
        }
        for (int i = 0; i < valIn.length; i++) {
          flat.compute(valIn[i], out);
          pred[i] = out[0];
        }
        if (tracker.stop(pred, w -> System.arraycopy(flat.getWeights(), 0, w, 0, w.length))) {
          break;
        }
      }
    } finally {
      algo.finishTraining();
    }
  }

  /**
   * Counts epochs, keeps the weights of the epoch with the lowest validation loss, reports each
   * epoch to the trainer's listener, and decides when to stop: after the last epoch, when the loss
   * is no longer finite, after {@code patience} epochs without improvement, or at the target R2.
   */
  private final class Tracker {
    final double[] bestWeights;
    private final double[] target;
    private final double scale;
    private final double totalSquares;
    private final long start;
    private double best = Double.POSITIVE_INFINITY;
    int epoch;
    int bestEpoch;

    Tracker(double[] initialWeights, double[] target, double scale, long start) {
      this.bestWeights = initialWeights;
      this.target = target;
      this.scale = scale;
      this.start = start;
      double mean = 0;
      for (double t : target) {
        mean += t;
      }
      mean /= target.length;
      double tot = 0;
      for (double t : target) {
        tot += (t - mean) * (t - mean);
      }
      this.totalSquares = tot;
    }

    /** Starts the next epoch, if there is one. */
    boolean next() {
      if (epoch >= trainer.epochs()) {
        return false;
      }
      epoch++;
      return true;
    }

    /**
     * Ends the epoch with the network's validation predictions; {@code save} copies the current
     * weights into its argument. Returns whether training should stop.
     */
    boolean stop(double[] predicted, java.util.function.Consumer<double[]> save) {
      double squares = 0;
      for (int i = 0; i < predicted.length; i++) {
        double e = predicted[i] - target[i];
        squares += e * e;
      }
      double loss = squares / predicted.length;
      if (!Double.isFinite(loss)) {
        return true; // diverged: keep the best weights so far
      }
      if (loss < best) {
        best = loss;
        bestEpoch = epoch;
        save.accept(bestWeights);
      }
      double r2 = totalSquares > 0 ? 1 - squares / totalSquares : Double.NaN;
      trainer.progress().ifPresent(listener -> listener.accept(new TrainingEpoch(epoch,
          Math.sqrt(loss) * scale, r2, bestEpoch, Duration.ofNanos(System.nanoTime() - start))));
      if (trainer.targetR2().isPresent() && r2 >= trainer.targetR2().getAsDouble()) {
        return true;
      }
      return trainer.patience() > 0 && epoch - bestEpoch >= trainer.patience();
    }
  }

  private static boolean allZero(double[] w) {
    for (double v : w) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  private static double[] encode(BasicNetwork net) {
    double[] w = new double[net.encodedArrayLength()];
    net.encodeToArray(w);
    return w;
  }

  private static int[] permutation(int n, SplittableRandom rnd) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int k = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[k];
      p[k] = t;
    }
    return p;
  }
}
