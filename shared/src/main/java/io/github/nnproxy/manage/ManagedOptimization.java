package io.github.nnproxy.manage;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.internal.Requires;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Sampler;
import io.github.nnproxy.sampling.Samplers;

/**
 * Optimization on a proxy that is kept honest with a budget of true evaluations: the remedy for
 * proxy drift.
 *
 * <p>A run samples the truth ({@code initialSamples} points), fits a proxy (an ensemble of {@code
 * ensembleSize} members; 1 is a plain proxy) and repeats rounds. Each round minimizes the {@link
 * Acquisition} (by default the ensemble's lower confidence bound, which trades the mean against
 * the members' spread) with the {@link Optimizer} and evaluates with the truth up to {@code
 * candidatesPerRound} points, in this order: the acquisition's optimum over the domain; with the
 * {@link Builder#trustRegion trust region} on (a box around the best true point that grows after
 * improving rounds and shrinks after failing ones), the minimum in it of a {@link
 * Builder#localModel local quadratic model} of the truth, then the acquisition's minimum in it;
 * the optima of {@code restarts} runs with other seeds; then the {@link BatchSelection} fills the
 * rest of the round. Any point within {@code tolerance} of one already evaluated is skipped. The
 * new true values join the data and the ensemble is refitted (by default continuing from the last
 * round's networks: {@link Builder#warmStart}). Before each point's true value is known, the
 * proxy's prediction is recorded, and a {@link QualityGate} compares these out-of-sample
 * predictions with the truth. When it trips, the next round does not trust the proxy and spends
 * its candidates on the {@link Fallback} (a local true search around the best true point, or
 * space-filling points). The run stops when the budget (initial sample included) is spent or
 * after {@code maxRounds}; with {@link Builder#stopOnConvergence} also when the proxy's optimum
 * moves less than {@code tolerance} between two trusted rounds.
 *
 * <p>The answer is {@link ManagedResult#best()}, the best TRUE value seen. This is the scheme of
 * surrogate-assisted optimizers such as pySOT and lq-CMA-ES: the proxy proposes, the truth decides.
 *
 * <p>Immutable and thread-safe: settings only; each {@link #run} has its own state and its own
 * daemon pool of {@code threads} threads (truth evaluations and ensemble training), shut down
 * before it returns. The result depends on the seed, not on the thread count, provided the
 * optimizer is reproducible as {@link Optimizer} requires.
 *
 * <pre>{@code
 * ManagedOptimization managed = ManagedOptimization.builder()
 *     .trainer(ProxyTrainer.builder().hiddenLayers(32, 32).epochs(100).build())
 *     .initialSamples(100).budget(160).candidatesPerRound(3).ensembleSize(3)
 *     .seed(7L).threads(2).build();
 * ManagedResult r = managed.run(simulation, optimizer);
 * double[] x = r.best().x();
 * }</pre>
 */
public final class ManagedOptimization {
  private final ProxyTrainer trainer;
  private final Sampler initialSampler;
  private final int initialSamples;
  private final int budget;
  private final int candidatesPerRound;
  private final int restarts;
  private final int maxRounds;
  private final double tolerance;
  private final int ensembleSize;
  private final QualityGate gate;
  private final Fallback fallback;
  private final double localRadius;
  private final long seed;
  private final int threads;
  private final Acquisition acquisition;
  private final double explorationWeight;
  private final boolean trustRegion;
  private final double trustRadius;
  private final BatchSelection batchSelection;
  private final boolean stopOnConvergence;
  private final boolean warmStart;
  private final int warmStartEpochs;
  private final boolean perturbSubsets;
  private final boolean localModel;

  private ManagedOptimization(Builder b) {
    this.trainer = b.trainer;
    this.initialSampler = b.initialSampler;
    this.initialSamples = b.initialSamples;
    this.budget = b.budget;
    this.candidatesPerRound = b.candidatesPerRound;
    this.restarts = b.restarts;
    this.maxRounds = b.maxRounds;
    this.tolerance = b.tolerance;
    this.ensembleSize = b.ensembleSize;
    this.gate = b.gate;
    this.fallback = b.fallback;
    this.localRadius = b.localRadius;
    this.seed = b.seed;
    this.threads = b.threads;
    this.acquisition = b.acquisition;
    this.explorationWeight = b.explorationWeight;
    this.trustRegion = b.trustRegion;
    this.trustRadius = b.trustRadius;
    this.batchSelection = b.batchSelection;
    this.stopOnConvergence = b.stopOnConvergence;
    this.warmStart = b.warmStart;
    this.warmStartEpochs = b.warmStartEpochs;
    this.perturbSubsets = b.perturbSubsets;
    this.localModel = b.localModel;
  }

  /**
   * Returns a builder with the defaults: {@link ProxyTrainer#defaults()}, 100 Latin hypercube
   * points, a budget of 200, 3 candidates per round, 1 restart, at most 50 rounds, tolerance
   * 1e-3, a plain proxy, {@code QualityGate.of(0, 10)} (it trips when the proxy ranks the latest
   * 10 true evaluations no better than chance; on 2-D Rastrigin a threshold of 0.3 tripped on
   * the noisy ranking of clustered candidates and cost accuracy), local-search fallback of radius
   * 0.05, seed 0, 1 thread, {@link Acquisition#LOWER_CONFIDENCE_BOUND} with kappa 1, a trust
   * region of initial half-width 0.2, {@link BatchSelection#DISTINCT_MINIMA}, no stop before
   * the budget is spent, warm-started retraining after the first round for the trainer's
   * epochs, and the local quadratic model in the trust region. These six were chosen on the
   * budget benchmark ({@code BudgetStudy});
   * docs/trusting-a-proxy.md gives the measurements, including the choices that did not pay.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the managed loop.
   *
   * @param truth the expensive forward model
   * @param optimizer the optimizer to run on the proxy
   * @return the result
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if too few initial points have a finite true value to fit a
   *     proxy
   */
  public ManagedResult run(ForwardModel truth, Optimizer optimizer) {
    nonNull(truth, "truth");
    nonNull(optimizer, "optimizer");
    return new ManagedRun(this, truth, optimizer).run();
  }

  /**
   * Runs the managed loop with every true evaluation recorded in a store: points the store holds
   * are answered from it, the others are simulated and recorded as they finish. A rerun of a run
   * that was killed repeats its rounds from the store without simulating again (the loop is
   * deterministic for a seed) and carries on where the first run stopped.
   *
   * @param truth the expensive forward model
   * @param optimizer the optimizer to run on the proxy
   * @param store the store of {@code truth}'s evaluations
   * @return the result; its true-evaluation counts include the answers from the store
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the store holds another domain's evaluations, or too few
   *     initial points have a finite true value to fit a proxy
   */
  public ManagedResult run(ForwardModel truth, Optimizer optimizer,
      io.github.nnproxy.store.EvaluationStore store) {
    nonNull(truth, "truth");
    nonNull(store, "store");
    return run(store.wrap(truth), optimizer);
  }

  /**
   * Returns a builder holding these settings, to derive variants (another seed, budget or
   * initial sampler) without repeating the rest.
   *
   * <pre>{@code
   * ManagedOptimization other = managed.toBuilder().seed(8L).budget(120).build();
   * }</pre>
   *
   * @return a new builder with every setting of this object
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.trainer = trainer;
    b.initialSampler = initialSampler;
    b.initialSamples = initialSamples;
    b.budget = budget;
    b.candidatesPerRound = candidatesPerRound;
    b.restarts = restarts;
    b.maxRounds = maxRounds;
    b.tolerance = tolerance;
    b.ensembleSize = ensembleSize;
    b.gate = gate;
    b.fallback = fallback;
    b.localRadius = localRadius;
    b.seed = seed;
    b.threads = threads;
    b.acquisition = acquisition;
    b.explorationWeight = explorationWeight;
    b.trustRegion = trustRegion;
    b.trustRadius = trustRadius;
    b.batchSelection = batchSelection;
    b.stopOnConvergence = stopOnConvergence;
    b.warmStart = warmStart;
    b.warmStartEpochs = warmStartEpochs;
    b.perturbSubsets = perturbSubsets;
    b.localModel = localModel;
    return b;
  }

  /**
   * Returns the size of the initial sample.
   *
   * @return the number of initial true evaluations
   */
  public int initialSamples() {
    return initialSamples;
  }

  /**
   * Returns the distance under which two points count as the same.
   *
   * @return the tolerance
   */
  public double tolerance() {
    return tolerance;
  }

  /**
   * Returns the true-evaluation budget, the initial sample included.
   *
   * @return the budget
   */
  public int budget() {
    return budget;
  }

  /**
   * Returns the most true evaluations per round.
   *
   * @return the count
   */
  public int candidatesPerRound() {
    return candidatesPerRound;
  }

  /**
   * Returns how many extra optimizer runs propose candidates each round.
   *
   * @return the count
   */
  public int restarts() {
    return restarts;
  }

  /**
   * Returns the most rounds.
   *
   * @return the count
   */
  public int maxRounds() {
    return maxRounds;
  }

  /**
   * Returns the number of proxy members.
   *
   * @return the ensemble size, 1 for a plain proxy
   */
  public int ensembleSize() {
    return ensembleSize;
  }

  /**
   * Returns the seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns what the optimizer minimizes on the proxy.
   *
   * @return the acquisition
   */
  public Acquisition acquisition() {
    return acquisition;
  }

  /**
   * Returns kappa, the weight of the spread in {@link Acquisition#LOWER_CONFIDENCE_BOUND}.
   *
   * @return the weight, {@code >= 0}
   */
  public double explorationWeight() {
    return explorationWeight;
  }

  /**
   * Tells whether each round also minimizes the acquisition inside a trust region around the
   * best true point.
   *
   * @return true if the trust region is on
   */
  public boolean trustRegion() {
    return trustRegion;
  }

  /**
   * Returns the trust region's initial half-width, as a share of each coordinate's width.
   *
   * @return the share, in (0, 1)
   */
  public double trustRadius() {
    return trustRadius;
  }

  /**
   * Returns how a round's free slots are filled.
   *
   * @return the batch selection
   */
  public BatchSelection batchSelection() {
    return batchSelection;
  }

  /**
   * Tells whether the run stops once the proxy's optimum stops moving, budget left or not.
   *
   * @return true to stop on convergence, false to spend the whole budget
   */
  public boolean stopOnConvergence() {
    return stopOnConvergence;
  }

  /**
   * Tells whether rounds after the first continue training the previous round's members instead
   * of training new ones from scratch.
   *
   * @return true if retraining is warm-started
   */
  public boolean warmStart() {
    return warmStart;
  }

  /**
   * Returns the epochs of a warm-started retraining; 0 means the trainer's own.
   *
   * @return the epochs, {@code >= 0}
   */
  public int warmStartEpochs() {
    return warmStartEpochs;
  }

  /**
   * Tells whether the Gaussian steps of a {@link BatchSelection#DISTINCT_MINIMA} pool move a
   * random subset of the coordinates (DYCORS) instead of all of them.
   *
   * @return true if the steps perturb coordinate subsets
   */
  public boolean perturbSubsets() {
    return perturbSubsets;
  }

  /**
   * Tells whether each trusted round also evaluates the minimum of a local quadratic model of
   * the truth inside the trust region.
   *
   * @return true if the local model proposes a candidate
   */
  public boolean localModel() {
    return localModel;
  }

  /**
   * Returns the trainer of the ensemble's members.
   *
   * @return the trainer
   */
  public ProxyTrainer trainer() {
    return trainer;
  }

  /**
   * Returns how the initial true sample is drawn.
   *
   * @return the initial sampler
   */
  public Sampler initialSampler() {
    return initialSampler;
  }

  /**
   * Returns the quality gate that judges each round's ensemble.
   *
   * @return the gate
   */
  public QualityGate gate() {
    return gate;
  }

  /**
   * Returns what a round spends its candidates on after the gate tripped.
   *
   * @return the fallback
   */
  public Fallback fallback() {
    return fallback;
  }

  /**
   * Returns the step of {@link Fallback#LOCAL_SEARCH}, as a share of each coordinate's width.
   *
   * @return the share, in (0, 1)
   */
  public double localRadius() {
    return localRadius;
  }

  /**
   * Returns the number of threads that evaluate the truth and train the ensemble.
   *
   * @return the thread count
   */
  public int threads() {
    return threads;
  }

  @Override
  public String toString() {
    return "ManagedOptimization[" + initialSamples + " initial (" + initialSampler + "), budget "
        + budget + ", " + candidatesPerRound + " per round, " + restarts + " restarts, "
        + maxRounds + " rounds, tolerance " + tolerance + ", ensemble " + ensembleSize + ", "
        + gate + ", fallback " + fallback + ", local radius " + localRadius + ", seed " + seed
        + ", " + threads + " threads, acquisition " + acquisition + " (kappa "
        + explorationWeight + "), trust region " + (trustRegion ? "on, radius " + trustRadius
        : "off") + ", batch " + batchSelection + ", "
        + (stopOnConvergence ? "stops on convergence" : "spends its budget")
        + (warmStart ? ", warm start" + (warmStartEpochs > 0 ? " " + warmStartEpochs + " epochs"
            : "") : "") + (perturbSubsets ? ", subset perturbation" : "")
        + (localModel ? ", local quadratic" : "") + "; " + trainer
        + "]";
  }

  /**
   * Builds a {@link ManagedOptimization}. Every method validates its argument at once; {@link
   * #build()} checks the settings against each other.
   *
   * <pre>{@code
   * ManagedOptimization m = ManagedOptimization.builder().budget(300).ensembleSize(5).build();
   * }</pre>
   */
  public static final class Builder {
    private ProxyTrainer trainer = ProxyTrainer.defaults();
    private Sampler initialSampler = Samplers.latinHypercube();
    private int initialSamples = 100;
    private int budget = 200;
    private int candidatesPerRound = 3;
    private int restarts = 1;
    private int maxRounds = 50;
    private double tolerance = 1e-3;
    private int ensembleSize = 1;
    private QualityGate gate = QualityGate.of(0, 10);
    private Fallback fallback = Fallback.LOCAL_SEARCH;
    private double localRadius = 0.05;
    private long seed;
    private int threads = 1;
    private Acquisition acquisition = Acquisition.LOWER_CONFIDENCE_BOUND;
    private double explorationWeight = 1.0;
    private boolean trustRegion = true;
    private double trustRadius = 0.2;
    private BatchSelection batchSelection = BatchSelection.DISTINCT_MINIMA;
    private boolean stopOnConvergence;
    private boolean warmStart = true;
    private int warmStartEpochs;
    private boolean perturbSubsets;
    private boolean localModel = true;

    private Builder() {}

    /**
     * Sets the trainer of the proxy (its seed is replaced by seeds derived from {@link #seed}).
     *
     * @param trainer the trainer
     * @return this builder
     */
    public Builder trainer(ProxyTrainer trainer) {
      this.trainer = nonNull(trainer, "trainer");
      return this;
    }

    /**
     * Sets how the initial sample is drawn.
     *
     * @param sampler the sampler
     * @return this builder
     */
    public Builder initialSampler(Sampler sampler) {
      this.initialSampler = nonNull(sampler, "sampler");
      return this;
    }

    /**
     * Sets the size of the initial sample.
     *
     * @param n the number of points, {@code >= ProxyTrainer.MIN_SAMPLES}
     * @return this builder
     * @throws IllegalArgumentException if {@code n < ProxyTrainer.MIN_SAMPLES}
     */
    public Builder initialSamples(int n) {
      if (n < ProxyTrainer.MIN_SAMPLES) {
        throw new IllegalArgumentException("initialSamples must be >= "
            + ProxyTrainer.MIN_SAMPLES + ", but was " + n);
      }
      this.initialSamples = n;
      return this;
    }

    /**
     * Sets the budget of true evaluations, the initial sample included.
     *
     * @param budget the budget, {@code > 0} (and {@code >= initialSamples} at {@link #build()})
     * @return this builder
     * @throws IllegalArgumentException if {@code budget <= 0}
     */
    public Builder budget(int budget) {
      this.budget = Requires.positive(budget, "budget");
      return this;
    }

    /**
     * Sets the most true evaluations per round.
     *
     * @param n the count, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code n <= 0}
     */
    public Builder candidatesPerRound(int n) {
      this.candidatesPerRound = Requires.positive(n, "candidatesPerRound");
      return this;
    }

    /**
     * Sets how many extra optimizer runs (other seeds) propose candidates each round. Slots left
     * after the optimum and the restarts go to high-spread points for an ensemble, then to
     * distance-merit points (see {@link EvaluationReason#DISTANCE_MERIT}).
     *
     * @param n the count, {@code >= 0} (and {@code < candidatesPerRound} at {@link #build()})
     * @return this builder
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public Builder restarts(int n) {
      this.restarts = Requires.nonNegative(n, "restarts");
      return this;
    }

    /**
     * Sets the most rounds.
     *
     * @param n the count, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code n <= 0}
     */
    public Builder maxRounds(int n) {
      this.maxRounds = Requires.positive(n, "maxRounds");
      return this;
    }

    /**
     * Sets the distance under which two points count as the same: the run stops when the proxy's
     * optimum moves less than this, and no point within it of an evaluated point is evaluated.
     *
     * @param tolerance the distance, finite and {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code tolerance} is not finite and positive
     */
    public Builder tolerance(double tolerance) {
      this.tolerance = Requires.positive(tolerance, "tolerance");
      return this;
    }

    /**
     * Sets the number of proxies; 1 is a plain proxy, more give a spread and bootstrap resamples.
     *
     * @param k the ensemble size, {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public Builder ensembleSize(int k) {
      this.ensembleSize = Requires.positive(k, "ensembleSize");
      return this;
    }

    /**
     * Sets the quality gate.
     *
     * @param gate the gate
     * @return this builder
     */
    public Builder gate(QualityGate gate) {
      this.gate = nonNull(gate, "gate");
      return this;
    }

    /**
     * Sets what a round spends its candidates on after the gate tripped.
     *
     * @param fallback the fallback
     * @return this builder
     */
    public Builder fallback(Fallback fallback) {
      this.fallback = nonNull(fallback, "fallback");
      return this;
    }

    /**
     * Sets the step of {@link Fallback#LOCAL_SEARCH}: sigma as a share of each coordinate's width.
     *
     * @param radius the share, in (0, 1)
     * @return this builder
     * @throws IllegalArgumentException if {@code radius} is not in (0, 1)
     */
    public Builder localRadius(double radius) {
      this.localRadius = Requires.openUnit(radius, "localRadius");
      return this;
    }

    /**
     * Sets the seed of every random choice of the run. The initial sample is {@code
     * initialSampler.sample(domain, initialSamples, seed)}, so an offline proxy can be trained on
     * the very same points for comparison.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the number of threads for the truth's evaluations and the members' training.
     *
     * @param threads the count, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code threads <= 0}
     */
    public Builder threads(int threads) {
      this.threads = Requires.positive(threads, "threads");
      return this;
    }

    /**
     * Sets what the optimizer minimizes on the proxy each round: the ensemble's mean, or the mean
     * traded against the members' spread. The trade needs an ensemble ({@link #ensembleSize}
     * above 1); with one member every acquisition is the mean.
     *
     * @param acquisition the acquisition
     * @return this builder
     */
    public Builder acquisition(Acquisition acquisition) {
      this.acquisition = nonNull(acquisition, "acquisition");
      return this;
    }

    /**
     * Sets kappa of {@link Acquisition#LOWER_CONFIDENCE_BOUND}, {@code mean - kappa * spread}:
     * 0 is the mean alone, larger values send candidates where the members disagree.
     *
     * @param kappa the weight, finite and {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code kappa} is negative or not finite
     */
    public Builder explorationWeight(double kappa) {
      if (!(kappa >= 0) || !Double.isFinite(kappa)) {
        throw new IllegalArgumentException("explorationWeight must be finite and >= 0, but was "
            + kappa);
      }
      this.explorationWeight = kappa;
      return this;
    }

    /**
     * Sets whether each round also minimizes the acquisition inside a box around the best true
     * point (Eriksson et al.'s TuRBO, 2019): the box doubles after two rounds that improved the
     * best true value, halves after rounds that did not, and starts again at {@link
     * #trustRadius} once it has shrunk below 1/64 of it. It polishes the incumbent, where a
     * global optimum of a proxy fitted on few points is too coarse to improve it.
     *
     * @param on true to use the trust region
     * @return this builder
     */
    public Builder trustRegion(boolean on) {
      this.trustRegion = on;
      return this;
    }

    /**
     * Sets the trust region's initial half-width, as a share of each coordinate's width; also
     * the width of the Gaussian steps around the best point in {@link
     * BatchSelection#DISTINCT_MINIMA} pools while the trust region is on.
     *
     * @param share the share, in (0, 1)
     * @return this builder
     * @throws IllegalArgumentException if {@code share} is not in (0, 1)
     */
    public Builder trustRadius(double share) {
      this.trustRadius = Requires.openUnit(share, "trustRadius");
      return this;
    }

    /**
     * Sets how a round's slots left after the optimizer's proposals are filled.
     *
     * @param selection the batch selection
     * @return this builder
     */
    public Builder batchSelection(BatchSelection selection) {
      this.batchSelection = nonNull(selection, "batchSelection");
      return this;
    }

    /**
     * Sets whether the run stops when the proxy's optimum moves less than {@link #tolerance}
     * between two trusted rounds. Off, the run spends its whole budget (a user with a budget
     * wants it spent): a round that finds no new candidate fills its slots with space-filling
     * points instead.
     *
     * @param stop true to stop on convergence
     * @return this builder
     */
    public Builder stopOnConvergence(boolean stop) {
      this.stopOnConvergence = stop;
      return this;
    }

    /**
     * Sets whether rounds after the first retrain the ensemble warm: each member continues from
     * the previous round's member ({@link ProxyEnsemble#refit}) on the grown data instead of
     * starting from random weights. On by default; off, every round trains from scratch (the
     * first round always does).
     *
     * @param on true to warm-start
     * @return this builder
     */
    public Builder warmStart(boolean on) {
      this.warmStart = on;
      return this;
    }

    /**
     * Sets the epochs of a warm-started retraining (see {@link #warmStart}); 0, the default, uses
     * the trainer's. The first round and the trainer's other settings are not affected.
     *
     * @param epochs the epochs, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code epochs < 0}
     */
    public Builder warmStartEpochs(int epochs) {
      this.warmStartEpochs = Requires.nonNegative(epochs, "warmStartEpochs");
      return this;
    }

    /**
     * Sets whether the Gaussian steps around the best true points in a {@link
     * BatchSelection#DISTINCT_MINIMA} pool move a random subset of the coordinates instead of
     * all of them: Regis and Shoemaker's DYCORS (2013), pySOT's default. Each coordinate moves
     * with probability {@code min(1, 20 / d) * (1 - ln(k) / ln(K))}, k being the true
     * evaluations made after the initial sample plus one and K the budget left after it, and at
     * least one coordinate always moves: early pools search in every direction, late ones
     * refine a few coordinates at a time, which is how a search finds its way on functions
     * whose coordinates matter one at a time.
     *
     * @param on true to perturb coordinate subsets
     * @return this builder
     */
    public Builder perturbSubsets(boolean on) {
      this.perturbSubsets = on;
      return this;
    }

    /**
     * Sets whether each trusted round, with the trust region on, also evaluates the minimum of
     * a full quadratic fitted by least squares to the true points nearest the best one, taken
     * by the optimizer inside the trust region: the model of derivative-free trust-region
     * methods such as Powell's NEWUOA. A network fitted on the whole domain resolves the
     * neighbourhood of the best point coarsely; the quadratic is fitted on nothing else. It
     * takes the slot after the proxy's optimum, before the acquisition's own minimum in the
     * trust region, and is skipped until there are {@code (d + 1)(d + 2) / 2 + 2} finite true
     * values. On by default; it needs the trust region.
     *
     * @param on true to add the local model's candidate
     * @return this builder
     */
    public Builder localModel(boolean on) {
      this.localModel = on;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the managed optimization
     * @throws IllegalArgumentException if {@code budget < initialSamples} or {@code restarts >=
     *     candidatesPerRound}
     */
    public ManagedOptimization build() {
      if (budget < initialSamples) {
        throw new IllegalArgumentException("budget must be >= initialSamples (" + initialSamples
            + "), but was " + budget);
      }
      if (restarts >= candidatesPerRound) {
        throw new IllegalArgumentException("restarts must be < candidatesPerRound ("
            + candidatesPerRound + "), but was " + restarts);
      }
      return new ManagedOptimization(this);
    }
  }
}
