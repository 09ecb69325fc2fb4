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

  NetworkFit(ProxyTrainer trainer, Domain domain, double[][] x, double[] y,
      SampleFailures failures, String description) {
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

    BasicNetwork net = Proxy.network(layers);
    new XaiverRandomizer(rnd.nextLong()).randomize(net);
    double[] center = domain.center();
    double[] inv = new double[d];
    for (int j = 0; j < d; j++) {
      inv[j] = 2.0 / (domain.upper(j) - domain.lower(j));
    }

    List<MLDataPair> train = new ArrayList<>(nTrain);
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
        train.add(new BasicMLDataPair(new BasicMLData(u), new BasicMLData(new double[] {t})));
      } else {
        valIn[i - nTrain] = u;
        valOut[i - nTrain] = t;
      }
    }
    BasicMLDataSet trainSet = new BasicMLDataSet(train);
    List<MLDataPair> shuffled = trainSet.getData();
    Random shuffler = new Random(rnd.nextLong());

    MLTrain algo;
    int itersPerEpoch;
    if (trainer.algorithm() == TrainingAlgorithm.ADAM) {
      StochasticGradientDescent sgd = new StochasticGradientDescent(net, trainSet,
          new MersenneTwisterGenerateRandom(rnd.nextLong()));
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
    double best = Double.POSITIVE_INFINITY;
    double[] bestWeights = flat.getWeights().clone();
    int bestEpoch = 0;
    int epoch = 0;
    boolean constant = !(sd > 0 && Double.isFinite(sd));
    if (constant) {
      // all training targets equal: zero weights give exactly the constant, no training needed
      java.util.Arrays.fill(bestWeights, 0.0);
    }
    try {
      while (!constant && epoch < trainer.epochs()) {
        epoch++;
        if (trainer.algorithm() == TrainingAlgorithm.ADAM) {
          Collections.shuffle(shuffled, shuffler);
        }
        for (int it = 0; it < itersPerEpoch; it++) {
          algo.iteration();
        }
        double loss = mse(flat, valIn, valOut, out);
        if (!Double.isFinite(loss)) {
          break; // diverged: keep the best weights so far
        }
        if (loss < best) {
          best = loss;
          bestEpoch = epoch;
          System.arraycopy(flat.getWeights(), 0, bestWeights, 0, bestWeights.length);
        } else if (trainer.patience() > 0 && epoch - bestEpoch >= trainer.patience()) {
          break;
        }
      }
    } finally {
      algo.finishTraining();
    }
    System.arraycopy(bestWeights, 0, flat.getWeights(), 0, bestWeights.length);
    double[] weights = encode(net);

    // quality, in the model's own units
    double trainSq = 0;
    for (MLDataPair p : train) {
      flat.compute(p.getInputArray(), out);
      double e = (out[0] - p.getIdealArray()[0]) * scale;
      trainSq += e * e;
    }
    double valSq = 0;
    double maxAbs = 0;
    double valMean = 0;
    for (double v : valOut) {
      valMean += v;
    }
    valMean /= nVal;
    double tot = 0;
    for (int i = 0; i < nVal; i++) {
      flat.compute(valIn[i], out);
      double e = (out[0] - valOut[i]) * scale;
      valSq += e * e;
      maxAbs = Math.max(maxAbs, Math.abs(e));
      double c = (valOut[i] - valMean) * scale;
      tot += c * c;
    }
    double r2 = tot > 0 ? 1 - valSq / tot : Double.NaN;
    Duration time = Duration.ofNanos(System.nanoTime() - start);
    ProxyQuality q = new ProxyQuality(Math.sqrt(trainSq / nTrain), Math.sqrt(valSq / nVal), r2,
        maxAbs, n, failures.total(), epoch, bestEpoch, time, failures);
    return new Proxy(domain, layers, weights, mean, scale, q, description);
  }

  private static double[] encode(BasicNetwork net) {
    double[] w = new double[net.encodedArrayLength()];
    net.encodeToArray(w);
    return w;
  }

  private static double mse(FlatNetwork flat, double[][] in, double[] target, double[] out) {
    double s = 0;
    for (int i = 0; i < in.length; i++) {
      flat.compute(in[i], out);
      double e = out[0] - target[i];
      s += e * e;
    }
    return s / in.length;
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
