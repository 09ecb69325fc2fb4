package io.github.nnproxy.proxy;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.internal.Requires;
import io.github.nnproxy.sampling.Sampler;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains {@link Proxy} networks with Encog: on data the caller already has ({@link #fit}), or by
 * sampling a forward model first ({@link #train}).
 *
 * <p>The trainer scales inputs to {@code [-1, 1]} over the domain and standardizes targets inside
 * the proxy, drops non-finite targets (one NaN row would turn every Encog weight into NaN), holds
 * out a validation share, and keeps the weights of the epoch with the lowest validation loss (the
 * seed study's best checkpoint), optionally stopping early.
 *
 * <p>Immutable and thread-safe: one trainer may train several proxies at once on different
 * threads. Training is deterministic: the same data and seed give the same network, bit for bit.
 * {@link Builder#threads(int)} parallelizes the forward-model evaluations of {@link #train} and
 * the gradient of {@link TrainingAlgorithm#BATCHED_ADAM} (the same result on any number of
 * threads); its pool threads are daemons and are shut down before it returns. Encog's own
 * algorithms train single-threaded.
 *
 * <pre>{@code
 * ProxyTrainer paper = ProxyTrainer.paper(Benchmarks.ackley(2));          // the seed's network
 * ProxyTrainer fast = ProxyTrainer.builder().hiddenLayers(64, 64).epochs(100).seed(7).build();
 * ProxyTrainer relu = ProxyTrainer.defaults().toBuilder().activation(Activation.RELU).build();
 * Proxy p = fast.train(simulation, Samplers.latinHypercube(), 2_000, 7L);
 * }</pre>
 */
public final class ProxyTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyTrainer.class);

  /** The fewest usable points {@link #fit} accepts: 8 to train and at least 2 to validate. */
  public static final int MIN_SAMPLES = 10;

  private final int[] hiddenLayers;
  private final Activation activation;
  private final LearningRateSchedule schedule;
  private final TrainingAlgorithm algorithm;
  private final int epochs;
  private final int batchSize;
  private final double learningRate;
  private final double validationFraction;
  private final int patience;
  private final long seed;
  private final int threads;
  private final Duration evaluationTimeout;
  private final double minValidFraction;
  private final double targetR2;
  private final Consumer<TrainingEpoch> progress;

  private ProxyTrainer(Builder b) {
    this.hiddenLayers = b.hiddenLayers.clone();
    this.activation = b.activation;
    this.schedule = b.schedule;
    this.algorithm = b.algorithm;
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.learningRate = b.learningRate;
    this.validationFraction = b.validationFraction;
    this.patience = b.patience;
    this.seed = b.seed;
    this.threads = b.threads;
    this.evaluationTimeout = b.evaluationTimeout;
    this.minValidFraction = b.minValidFraction;
    this.targetR2 = b.targetR2;
    this.progress = b.progress;
  }

  /**
   * Returns a builder with the settings of {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this trainer's settings, to derive a variant.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .hiddenLayers(hiddenLayers)
        .activation(activation)
        .schedule(schedule)
        .algorithm(algorithm)
        .epochs(epochs)
        .batchSize(batchSize)
        .learningRate(learningRate)
        .validationFraction(validationFraction)
        .patience(patience)
        .seed(seed)
        .threads(threads)
        .evaluationTimeout(evaluationTimeout)
        .minValidFraction(minValidFraction)
        .targetR2(targetR2)
        .progress(progress);
  }

  /**
   * Our recommended settings for any forward model: a smooth network, so that the proxy's minimum
   * is not pinned to a kink of a piecewise-linear function. Four hidden layers of 64 {@link
   * Activation#SILU} units, nnproxy's batched Adam ({@link TrainingAlgorithm#BATCHED_ADAM}) at
   * batch 32 with learning rate 3e-3 annealed by a {@link LearningRateSchedule#COSINE} schedule
   * over 200 epochs (no early stopping: the schedule decides the end, the best-validation epoch is
   * kept), 20% validation. Chosen among ReLU, SiLU and tanh networks of several shapes, schedules
   * and an averaged ensemble by where the seed's PSO ends on each proxy, over the seed's 27 cells
   * and over smooth single-basin functions (docs/proxy-design.md has the candidates, the
   * measurements and the command). {@code toBuilder().threads(2)} computes the gradient on two
   * threads, with the same result. nnproxy 0.1's defaults (the seed's ReLU network,
   * 20-50-120-70-20-10, batch 16, lr 2e-3, 500 epochs, patience 50, constant rate) remain one
   * builder away.
   *
   * @return the trainer
   */
  public static ProxyTrainer defaults() {
    return new Builder().build();
  }

  /**
   * The seed study's network and training, exactly: the architecture and epochs of the function
   * and dimension (Ackley and Rastrigin {@code d-20-50-120-70-20-10-1}, 500 epochs; Rosenbrock 2-D
   * {@code 2-15-50-15-1}, 100 epochs; Rosenbrock 4-D {@code 4-15-50-15-10-1}, 100 epochs;
   * Rosenbrock 10-D {@code 10-15-50-15-10-1}, 500 epochs), ReLU, linear output, Adam with learning
   * rate 1e-3, batch 8, shuffled every epoch, 80/20 split, best-validation checkpoint, no early
   * stopping. Functions the seed did not study get the Ackley network and 500 epochs. Trained with
   * {@link TrainingAlgorithm#BATCHED_ADAM}, which computes the true gradient of the mean squared
   * error over each mini-batch as PyTorch does (Encog's own {@link TrainingAlgorithm#ADAM} lets
   * the gradient through the last hidden layer's inactive ReLU units, Encog issue #243).
   * {@link #defaults()} is the fast choice.
   *
   * <p>Deprecated because the choice by function name is the seed study's recipe, not the
   * trainer's: use {@link io.github.nnproxy.paper.SeedRecipes#trainer(BenchmarkFunction)}, which
   * this delegates to.
   *
   * @param f the benchmark function
   * @return the trainer
   * @throws NullPointerException if {@code f} is null
   */
  @Deprecated(since = "0.2")
  public static ProxyTrainer paper(BenchmarkFunction f) {
    return io.github.nnproxy.paper.SeedRecipes.trainer(f);
  }

  /**
   * Samples a forward model, evaluates it at every point (on {@link Builder#threads(int)}
   * threads), and fits a proxy to the results. Points where the model throws or returns NaN or an
   * infinity are dropped and counted in {@link ProxyQuality#samplesDropped()}.
   *
   * @param truth the forward model to imitate
   * @param sampler how to draw the training points
   * @param n how many points to draw, {@code > 0}
   * @param seed the seed of the sample and of the training (replaces the builder's seed)
   * @return the trained proxy, on {@code truth.domain()}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code n <= 0}, or fewer than {@link #MIN_SAMPLES} points
   *     remain after dropping failures
   */
  public Proxy train(ForwardModel truth, Sampler sampler, int n, long seed) {
    nonNull(truth, "truth");
    nonNull(sampler, "sampler");
    Requires.positive(n, "n");
    Domain domain = truth.domain();
    double[][] xs = sampler.sample(domain, n, seed);
    if (xs.length != n) {
      throw new IllegalStateException("the sampler returned " + xs.length + " points, but " + n
          + " were asked for. Check the sampler.");
    }
    TruthEvaluation.Result r = TruthEvaluation.run(truth, xs, threads, evaluationTimeout);
    String what = truth + ", " + sampler + ", n=" + n;
    return toBuilder().seed(seed).build().fit(xs, r.values(), domain, what, r.failures(), null);
  }

  /**
   * Samples a forward model and fits a proxy as {@link #train(ForwardModel, Sampler, int, long)}
   * does, with every true evaluation recorded in a store: points the store holds are answered from
   * it, the others are simulated and recorded as each finishes. A rerun of the same call after a
   * crash or a kill simulates only what is missing and gives the proxy an uninterrupted run gives.
   *
   * <p>With {@link Builder#evaluationTimeout} on a model that is not {@link
   * ForwardModel#batched()}, a simulation abandoned at its timeout may still finish and be
   * recorded; a rerun then trains on its value. External programs ({@link
   * io.github.nnproxy.external.ExternalModel}) have timeouts of their own and are not affected.
   *
   * @param truth the expensive forward model
   * @param sampler how to draw the training points
   * @param n how many points to draw, {@code > 0}
   * @param seed the seed of the sample and of the training
   * @param store the store of {@code truth}'s evaluations
   * @return the trained proxy
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as {@link #train(ForwardModel, Sampler, int, long)} does, or
   *     if the store holds another domain's evaluations
   */
  public Proxy train(ForwardModel truth, Sampler sampler, int n, long seed,
      io.github.nnproxy.store.EvaluationStore store) {
    nonNull(truth, "truth");
    nonNull(store, "store");
    return train(store.wrap(truth), sampler, n, seed);
  }

  /**
   * Fits a proxy to data the caller already has, e.g. simulation logs. Rows with a non-finite
   * target are dropped and counted; rows outside the domain are kept (the network learns them);
   * duplicate rows are kept (they weigh more, as in any least-squares fit). When all training
   * targets are equal, the proxy returns that constant everywhere and no epoch is run.
   *
   * @param x the inputs, one row per point, each of the domain's dimension with finite values
   * @param y the targets, one per row
   * @param domain the domain the proxy will serve, used to scale the inputs
   * @return the trained proxy
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if the lengths do not match, a row is bad, or fewer than
   *     {@link #MIN_SAMPLES} rows have a finite target
   */
  public Proxy fit(double[][] x, double[] y, Domain domain) {
    nonNull(x, "x");
    nonNull(y, "y");
    nonNull(domain, "domain");
    return fit(x, y, domain, "data, n=" + x.length, targetFailures(y), null);
  }

  /** The NaN and infinite targets of data handed to {@code fit}, as failures. */
  private static SampleFailures targetFailures(double[] y) {
    int nan = 0;
    int infinite = 0;
    for (double v : y) {
      if (Double.isNaN(v)) {
        nan++;
      } else if (Double.isInfinite(v)) {
        infinite++;
      }
    }
    return new SampleFailures(0, nan, infinite, 0);
  }

  /**
   * Fits a proxy to data as {@link #fit(double[][], double[], Domain)} does, but continues from
   * the weights of an earlier proxy instead of random ones: a warm start, for data that grew
   * since {@code start} was fitted (as in a managed loop's rounds), usually with fewer epochs
   * than a fit from scratch needs. The target standardization is recomputed on the new data and
   * the start's output layer re-expressed in it, so before the first epoch the network predicts
   * exactly what {@code start} predicts; the input scaling is the domain's, which must be the
   * same. Adam's moments start afresh, the learning-rate schedule runs over this trainer's
   * epochs, and the best-validation epoch is kept as always. Deterministic: the same data,
   * start and seed give the same network.
   *
   * @param x the inputs, one row per point, each of the domain's dimension with finite values
   * @param y the targets, one per row
   * @param domain the domain the proxy will serve, {@code start}'s
   * @param start the proxy to continue from: same domain, this trainer's hidden layers and
   *     activation
   * @return the trained proxy
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if {@code start} is on another domain or has another
   *     network, or as {@link #fit(double[][], double[], Domain)}
   */
  public Proxy fit(double[][] x, double[] y, Domain domain, Proxy start) {
    nonNull(start, "start");
    nonNull(domain, "domain");
    if (!start.domain().equals(domain)) {
      throw new IllegalArgumentException("start is on " + start.domain() + ", but the fit is on "
          + domain);
    }
    int[] layers = new int[hiddenLayers.length + 2];
    layers[0] = domain.dimension();
    System.arraycopy(hiddenLayers, 0, layers, 1, hiddenLayers.length);
    layers[layers.length - 1] = 1;
    if (!Arrays.equals(start.layerSizes(), layers) || start.activation() != activation) {
      throw new IllegalArgumentException("start has layers " + Arrays.toString(
          start.layerSizes()) + " (" + start.activation().key() + "), but this trainer builds "
          + Arrays.toString(layers) + " (" + activation.key() + ")");
    }
    nonNull(x, "x");
    nonNull(y, "y");
    return fit(x, y, domain, "data, n=" + x.length + ", warm start", targetFailures(y), start);
  }

  private Proxy fit(double[][] x, double[] y, Domain domain, String what, SampleFailures failed,
      Proxy start) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must have the same length, but had " + x.length + " and " + y.length);
    }
    int d = domain.dimension();
    for (int i = 0; i < x.length; i++) {
      Requires.point(x[i], d, "x[" + i + "]");
    }
    int nonFinite = failed.total();
    int usable = y.length - nonFinite;
    int needed = Math.max(MIN_SAMPLES, (int) Math.ceil(minValidFraction * y.length));
    if (usable < needed) {
      throw new IllegalArgumentException("too few usable samples: " + usable + " of " + y.length
          + " have a finite target, but at least " + needed + " are needed (at least "
          + MIN_SAMPLES + " and minValidFraction " + minValidFraction + " of the points)"
          + (nonFinite > 0 ? "; failures: " + failed : ""));
    }
    double[][] xs = new double[usable][];
    double[] ys = new double[usable];
    for (int i = 0, k = 0; i < y.length; i++) {
      if (Double.isFinite(y[i])) {
        xs[k] = x[i];
        ys[k++] = y[i];
      }
    }
    if (nonFinite > 0) {
      LOG.warn("dropped {} of {} samples: {}", nonFinite, y.length, failed);
    }
    String desc = what + ", seed " + seed + ", " + this;
    return new NetworkFit(this, domain, xs, ys, failed, desc, start).run();
  }

  /**
   * Returns the hidden layer sizes.
   *
   * @return a copy of the hidden layer sizes
   */
  public int[] hiddenLayers() {
    return hiddenLayers.clone();
  }

  /**
   * Returns the activation of the hidden layers.
   *
   * @return the activation
   */
  public Activation activation() {
    return activation;
  }

  /**
   * Returns how the learning rate changes over the epochs.
   *
   * @return the schedule
   */
  public LearningRateSchedule schedule() {
    return schedule;
  }

  /**
   * Returns the training algorithm.
   *
   * @return the algorithm
   */
  public TrainingAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * Returns the maximal number of epochs.
   *
   * @return the epochs
   */
  public int epochs() {
    return epochs;
  }

  /**
   * Returns the mini-batch size (Adam only).
   *
   * @return the batch size
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Returns the learning rate (Adam only).
   *
   * @return the learning rate
   */
  public double learningRate() {
    return learningRate;
  }

  /**
   * Returns the share of the points held out for validation.
   *
   * @return the validation fraction, in (0, 1)
   */
  public double validationFraction() {
    return validationFraction;
  }

  /**
   * Returns the early-stopping patience: training stops after this many epochs without a lower
   * validation loss; 0 runs every epoch.
   *
   * @return the patience
   */
  public int patience() {
    return patience;
  }

  /**
   * Returns the seed of {@link #fit} (the split, the initial weights and the shuffling).
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the number of threads that evaluate the forward model in {@link #train} and compute
   * the gradient shards of {@link TrainingAlgorithm#BATCHED_ADAM}.
   *
   * @return the thread count
   */
  public int threads() {
    return threads;
  }

  /**
   * Returns the longest a single forward-model call may take in {@link #train}, or empty when
   * calls are never timed out.
   *
   * @return the timeout
   */
  public java.util.Optional<Duration> evaluationTimeout() {
    return java.util.Optional.ofNullable(evaluationTimeout);
  }

  /**
   * Returns the smallest share of the sampled points that must have a finite target for training
   * to go on.
   *
   * @return the share, in [0, 1]
   */
  public double minValidFraction() {
    return minValidFraction;
  }

  /**
   * Returns the validation R2 at which training stops early, or empty when training runs until
   * the epochs or the patience run out.
   *
   * @return the target R2
   */
  public OptionalDouble targetR2() {
    return Double.isNaN(targetR2) ? OptionalDouble.empty() : OptionalDouble.of(targetR2);
  }

  /**
   * Returns the listener told about every epoch, if any.
   *
   * @return the listener
   */
  public java.util.Optional<Consumer<TrainingEpoch>> progress() {
    return java.util.Optional.ofNullable(progress);
  }

  @Override
  public String toString() {
    String layers = Arrays.stream(hiddenLayers).mapToObj(Integer::toString)
        .collect(Collectors.joining("-"));
    return String.format(Locale.ROOT, "%s %s %s, %d epochs%s%s, %.0f%% validation", algorithm,
        layers, activation.key(), epochs, algorithm != TrainingAlgorithm.RPROP
            ? String.format(Locale.ROOT, ", batch %d, lr %g%s", batchSize, learningRate,
                schedule == LearningRateSchedule.CONSTANT ? "" : " " + schedule.name().toLowerCase(
                    Locale.ROOT)) : "",
        patience > 0 ? ", patience " + patience : "", validationFraction * 100)
        + (Double.isNaN(targetR2) ? "" : String.format(Locale.ROOT, ", target R2 %g", targetR2));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProxyTrainer t
        && Arrays.equals(hiddenLayers, t.hiddenLayers)
        && activation == t.activation
        && schedule == t.schedule
        && algorithm == t.algorithm
        && epochs == t.epochs
        && batchSize == t.batchSize
        && Double.compare(learningRate, t.learningRate) == 0
        && Double.compare(validationFraction, t.validationFraction) == 0
        && patience == t.patience
        && seed == t.seed
        && threads == t.threads
        && java.util.Objects.equals(evaluationTimeout, t.evaluationTimeout)
        && Double.compare(minValidFraction, t.minValidFraction) == 0
        && Double.compare(targetR2, t.targetR2) == 0
        && java.util.Objects.equals(progress, t.progress);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new Object[] {Arrays.hashCode(hiddenLayers), activation, schedule,
        algorithm, epochs,
        batchSize, learningRate, validationFraction, patience, seed, threads, evaluationTimeout,
        minValidFraction, targetR2, progress});
  }

  /**
   * Builds a {@link ProxyTrainer}. Every setter validates its argument at once.
   *
   * <pre>{@code
   * ProxyTrainer t = ProxyTrainer.builder().hiddenLayers(32, 32).epochs(50).patience(10).build();
   * }</pre>
   */
  public static final class Builder {
    private int[] hiddenLayers = {64, 64, 64, 64};
    private Activation activation = Activation.SILU;
    private LearningRateSchedule schedule = LearningRateSchedule.COSINE;
    private TrainingAlgorithm algorithm = TrainingAlgorithm.BATCHED_ADAM;
    private int epochs = 200;
    private int batchSize = 32;
    private double learningRate = 3e-3;
    private double validationFraction = 0.2;
    private int patience = 0;
    private long seed = 0L;
    private int threads = 1;
    private Duration evaluationTimeout;
    private double minValidFraction = 0.5;
    private double targetR2 = Double.NaN;
    private Consumer<TrainingEpoch> progress;

    private Builder() {}

    /**
     * Sets the hidden layer sizes, input side first.
     *
     * @param sizes one or more sizes, each {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if no size is given or a size is {@code <= 0}
     */
    public Builder hiddenLayers(int... sizes) {
      nonNull(sizes, "sizes");
      if (sizes.length == 0) {
        throw new IllegalArgumentException("hiddenLayers must not be empty");
      }
      for (int i = 0; i < sizes.length; i++) {
        Requires.positive(sizes[i], "hiddenLayers[" + i + "]");
      }
      this.hiddenLayers = sizes.clone();
      return this;
    }

    /**
     * Sets the activation of every hidden layer (the output neuron stays linear). A smooth one
     * ({@link Activation#SILU}, {@link Activation#TANH}) gives a smooth proxy whose minimum is not
     * pinned to a kink; {@link Activation#RELU} is the seed study's.
     *
     * @param activation the activation
     * @return this builder
     */
    public Builder activation(Activation activation) {
      this.activation = nonNull(activation, "activation");
      return this;
    }

    /**
     * Sets how the learning rate changes over the epochs ({@link
     * TrainingAlgorithm#BATCHED_ADAM} only).
     *
     * @param schedule the schedule
     * @return this builder
     */
    public Builder schedule(LearningRateSchedule schedule) {
      this.schedule = nonNull(schedule, "schedule");
      return this;
    }

    /**
     * Sets the training algorithm.
     *
     * @param algorithm the algorithm
     * @return this builder
     */
    public Builder algorithm(TrainingAlgorithm algorithm) {
      this.algorithm = nonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * Sets the maximal number of epochs (passes over the training points).
     *
     * @param epochs the epochs, {@code > 0}
     * @return this builder
     */
    public Builder epochs(int epochs) {
      this.epochs = Requires.positive(epochs, "epochs");
      return this;
    }

    /**
     * Sets the mini-batch size of Adam.
     *
     * @param batchSize the batch size, {@code > 0}
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = Requires.positive(batchSize, "batchSize");
      return this;
    }

    /**
     * Sets the learning rate of Adam.
     *
     * @param learningRate the learning rate, finite and {@code > 0}
     * @return this builder
     */
    public Builder learningRate(double learningRate) {
      this.learningRate = Requires.positive(learningRate, "learningRate");
      return this;
    }

    /**
     * Sets the share of the points held out to validate (and to pick the best epoch).
     *
     * @param validationFraction the share, in (0, 1)
     * @return this builder
     */
    public Builder validationFraction(double validationFraction) {
      this.validationFraction = Requires.openUnit(validationFraction, "validationFraction");
      return this;
    }

    /**
     * Sets the early-stopping patience: stop after this many epochs without a lower validation
     * loss. 0 turns early stopping off.
     *
     * @param patience the patience, {@code >= 0}
     * @return this builder
     */
    public Builder patience(int patience) {
      this.patience = Requires.nonNegative(patience, "patience");
      return this;
    }

    /**
     * Sets the seed of {@link ProxyTrainer#fit} ({@link ProxyTrainer#train} takes its own).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the number of threads that evaluate the forward model in {@link ProxyTrainer#train}
     * (which must then be thread-safe) and compute the gradient shards of {@link
     * TrainingAlgorithm#BATCHED_ADAM} (at most one per 8 points of a batch and one per processor;
     * the result does not depend on the thread count). Default 1.
     *
     * @param threads the thread count, {@code > 0}
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = Requires.positive(threads, "threads");
      return this;
    }

    /**
     * Sets the longest a single forward-model call may take in {@link ProxyTrainer#train}; a call
     * that takes longer is interrupted, abandoned and counted in {@link
     * SampleFailures#timedOut()}. A model that ignores interrupts keeps its (daemon) thread busy
     * until it returns; sampling goes on on fresh threads. {@code null} (the default) never times
     * out.
     *
     * @param timeout the timeout, positive, or null for none
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder evaluationTimeout(Duration timeout) {
      Requires.positiveOrNull(timeout, "evaluationTimeout");
      this.evaluationTimeout = timeout;
      return this;
    }

    /**
     * Sets the smallest share of sampled points that must have a finite target (the forward model
     * did not throw, time out or return NaN or infinity there) for training to go on; below it,
     * {@link ProxyTrainer#train} and {@link ProxyTrainer#fit} fail with a message that counts the
     * failures by kind. Default 0.5. At least {@link ProxyTrainer#MIN_SAMPLES} points are always
     * needed.
     *
     * @param share the share, in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException if {@code share} is outside [0, 1] or NaN
     */
    public Builder minValidFraction(double share) {
      this.minValidFraction = Requires.probability(share, "minValidFraction");
      return this;
    }

    /**
     * Stops training at the end of the first epoch whose validation R2 reaches {@code r2} (the
     * weights of the best epoch are kept, as always); NaN (the default) never stops early for
     * accuracy. Useful when a proxy only has to be good enough, and to measure the time to an
     * accuracy.
     *
     * @param r2 the target, at most 1, or NaN for none
     * @return this builder
     * @throws IllegalArgumentException if {@code r2} is above 1 or infinite
     */
    public Builder targetR2(double r2) {
      if (Double.isInfinite(r2) || r2 > 1) {
        throw new IllegalArgumentException("targetR2 must be at most 1 (or NaN for none), but was "
            + r2);
      }
      this.targetR2 = r2;
      return this;
    }

    /**
     * Sets a listener told about the end of every epoch, on the training thread: for progress
     * bars, learning curves and logs. It observes and must not block for long; an exception it
     * throws ends the training and propagates. {@code null} (the default) removes it.
     *
     * @param listener the listener, or null for none
     * @return this builder
     */
    public Builder progress(Consumer<TrainingEpoch> listener) {
      this.progress = listener;
      return this;
    }

    /**
     * Builds the trainer.
     *
     * @return the immutable trainer
     */
    public ProxyTrainer build() {
      return new ProxyTrainer(this);
    }
  }
}
