package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.internal.Requires;
import io.github.nnproxy.manage.ManagedOptimization;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.proxy.ProxyTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * The budget benchmark: which method gets closest to the optimum within a budget of B true
 * evaluations, the question a user with an expensive simulation has.
 *
 * <p>For every function, dimension d, budget B = factor · d and seed it runs, each with B true
 * evaluations at most and each judged by the best TRUE value it has seen: (a) the managed loop
 * with each optimizer inside, (b) each optimizer alone on the truth (its swarm or population
 * sized for B by the optimizer's equal-budget factory), (c) Latin-hypercube random search, (d)
 * the offline proxy trained on B - 1 Latin-hypercube points, optimized by each optimizer, its
 * optimum evaluated as the B-th point. Evaluations an optimizer makes past B are not counted.
 * The loop's settings for a budget come from the {@link Builder#managed template}: {@code
 * initialShare} of B as its initial Latin-hypercube sample (at least {@link
 * ProxyTrainer#MIN_SAMPLES}), the rest spread over {@code rounds} rounds.
 *
 * <p>It records the regret of the best true value after every true evaluation and writes {@code
 * budget-runs.csv} (streamed: a killed benchmark resumes where it stopped when run again on the
 * same folder), {@code budget-timings.csv}, {@code budget-summary.csv}, {@code budget.md}
 * (final regret and distance per method and cell, the cells where the loop beats every
 * equal-budget baseline, the wall-time overhead per true evaluation and the simulation cost
 * above which the loop pays) and convergence curves (one PNG per cell and an overview).
 *
 * <p>Immutable; {@link #run()} may be called once per output folder at a time. Same settings,
 * same {@code budget-runs.csv}, whatever the thread count.
 *
 * <pre>{@code
 * BudgetResult r = BudgetStudy.builder()
 *     .functions("ackley", "rastrigin").heldOut("levy")
 *     .dimensions(2, 4).budgetFactors(20, 50).seeds(1, 2, 3)
 *     .optimizer(pso, n -> psoFor(n))
 *     .output(Path.of("budget")).build().run();
 * }</pre>
 */
public final class BudgetStudy {
  private final List<String> functions;
  private final Set<String> heldOut;
  private final int[] dimensions;
  private final int[] budgetFactors;
  private final long[] seeds;
  private final List<TrustOptimizer> optimizers;
  private final ManagedOptimization managed;
  private final double initialShare;
  private final int rounds;
  private final ProxyTrainer offlineTrainer;
  private final int threads;
  private final Path output;
  private final boolean resume;
  private final boolean plots;
  private final Consumer<String> progress;

  private BudgetStudy(Builder b) {
    List<String> all = new ArrayList<>(b.functions);
    for (String h : b.heldOut) {
      if (!all.contains(h)) {
        all.add(h);
      }
    }
    this.functions = List.copyOf(all);
    this.heldOut = Set.copyOf(b.heldOut);
    this.dimensions = b.dimensions.clone();
    this.budgetFactors = b.budgetFactors.clone();
    this.seeds = b.seeds.clone();
    this.optimizers = List.copyOf(b.optimizers);
    this.managed = b.managed;
    this.initialShare = b.initialShare;
    this.rounds = b.rounds;
    this.offlineTrainer = b.offlineTrainer;
    this.threads = b.threads;
    this.output = b.output;
    this.resume = b.resume;
    this.plots = b.plots;
    this.progress = b.progress;
  }

  /**
   * Returns a builder with the defaults: the seed study's three functions (ackley, rastrigin,
   * rosenbrock) and two held out (levy, griewank), dimensions 2, 4, 10, budgets 20·d, 50·d,
   * 100·d, seeds 1 to 10, no optimizer (add at least one), {@link #defaultManaged()}, initial
   * share 0.15, 48 rounds (the loop adapts more often on a smaller start, and with warm-started
   * retraining more rounds cost little: chosen on this benchmark), {@link #defaultOfflineTrainer()}, all processors, output {@code
   * nnproxy-budget}, resume and plots on, no progress lines.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the managed loop's template: an ensemble of 3 small networks (32-32, at most 150
   * epochs with early stopping), so that a round costs well under a second on one core; the
   * benchmark sets its sample, budget and rounds per cell.
   *
   * @return the template
   */
  public static ManagedOptimization defaultManaged() {
    return ManagedOptimization.builder().trainer(defaultOfflineTrainer()).ensembleSize(3).build();
  }

  /**
   * Returns the offline proxy's trainer: the loop's network (32-32, early stopping), so that (a)
   * and (d) differ only in how the points are chosen.
   *
   * @return the trainer
   */
  public static ProxyTrainer defaultOfflineTrainer() {
    return ProxyTrainer.builder().hiddenLayers(32, 32).epochs(150).patience(30).batchSize(16)
        .build();
  }

  /**
   * Runs the benchmark, or resumes it from the output folder.
   *
   * @return the result
   * @throws IllegalStateException if the folder holds another configuration's results, or a run
   *     fails
   */
  public BudgetResult run() {
    return new StudyEngine<>(new BudgetProtocol(this)).run();
  }

  /**
   * Returns the functions, held-out ones last.
   *
   * @return the names
   */
  public List<String> functions() {
    return functions;
  }

  /**
   * Returns the functions kept aside from tuning the loop.
   *
   * @return the names
   */
  public Set<String> heldOut() {
    return heldOut;
  }

  /**
   * Returns the dimensions.
   *
   * @return a copy
   */
  public int[] dimensions() {
    return dimensions.clone();
  }

  /**
   * Returns the budgets per dimension.
   *
   * @return a copy
   */
  public int[] budgetFactors() {
    return budgetFactors.clone();
  }

  /**
   * Returns the seeds.
   *
   * @return a copy
   */
  public long[] seeds() {
    return seeds.clone();
  }

  /**
   * Returns the optimizers, each with its equal-budget factory.
   *
   * @return the optimizers
   */
  public List<TrustOptimizer> optimizers() {
    return optimizers;
  }

  /**
   * Returns the managed loop's template.
   *
   * @return the template
   */
  public ManagedOptimization managed() {
    return managed;
  }

  /**
   * Returns the share of the budget spent on the loop's initial sample.
   *
   * @return the share
   */
  public double initialShare() {
    return initialShare;
  }

  /**
   * Returns the number of rounds the loop spreads the rest of its budget over.
   *
   * @return the count
   */
  public int rounds() {
    return rounds;
  }

  /**
   * Returns the offline proxy's trainer.
   *
   * @return the trainer
   */
  public ProxyTrainer offlineTrainer() {
    return offlineTrainer;
  }

  /**
   * Returns the number of worker threads.
   *
   * @return the count
   */
  public int threads() {
    return threads;
  }

  /**
   * Returns the output folder.
   *
   * @return the folder
   */
  public Path output() {
    return output;
  }

  /**
   * Tells whether results of the same configuration in the folder are resumed.
   *
   * @return true to resume
   */
  public boolean resume() {
    return resume;
  }

  /**
   * Tells whether the convergence curves are drawn.
   *
   * @return true to draw them
   */
  public boolean plots() {
    return plots;
  }

  Consumer<String> progress() {
    return progress;
  }

  /**
   * Returns a builder holding these settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.functions = new ArrayList<>(functions);
    b.functions.removeAll(heldOut);
    b.heldOut = new ArrayList<>(functions);
    b.heldOut.retainAll(heldOut);
    b.dimensions = dimensions.clone();
    b.budgetFactors = budgetFactors.clone();
    b.seeds = seeds.clone();
    b.optimizers = new ArrayList<>(optimizers);
    b.managed = managed;
    b.initialShare = initialShare;
    b.rounds = rounds;
    b.offlineTrainer = offlineTrainer;
    b.threads = threads;
    b.output = output;
    b.resume = resume;
    b.plots = plots;
    b.progress = progress;
    return b;
  }

  /**
   * Builds a {@link BudgetStudy}; every method validates its argument at once.
   *
   * <pre>{@code
   * BudgetStudy s = BudgetStudy.builder().functions("ackley").dimensions(2)
   *     .optimizer(pso, psoForBudget).build();
   * }</pre>
   */
  public static final class Builder {
    private List<String> functions = List.of("ackley", "rastrigin", "rosenbrock");
    private List<String> heldOut = List.of("levy", "griewank");
    private int[] dimensions = {2, 4, 10};
    private int[] budgetFactors = {20, 50, 100};
    private long[] seeds = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private List<TrustOptimizer> optimizers = new ArrayList<>();
    private ManagedOptimization managed = defaultManaged();
    private double initialShare = 0.15;
    private int rounds = 48;
    private ProxyTrainer offlineTrainer = defaultOfflineTrainer();
    private int threads = Runtime.getRuntime().availableProcessors();
    private Path output = Path.of("nnproxy-budget");
    private boolean resume = true;
    private boolean plots = true;
    private Consumer<String> progress = line -> { };

    private Builder() {}

    /**
     * Sets the functions the loop may be tuned on.
     *
     * @param names names of {@link Benchmarks#NAMES}, at least one
     * @return this builder
     * @throws IllegalArgumentException if a name is unknown or repeated, or there is none
     */
    public Builder functions(String... names) {
      this.functions = names(names, "functions", false);
      return this;
    }

    /**
     * Sets the held-out functions: run and reported apart, not to tune the loop on.
     *
     * @param names names of {@link Benchmarks#NAMES}; none is allowed
     * @return this builder
     * @throws IllegalArgumentException if a name is unknown or repeated
     */
    public Builder heldOut(String... names) {
      this.heldOut = names(names, "heldOut", true);
      return this;
    }

    private static List<String> names(String[] names, String what, boolean empty) {
      nonNull(names, what);
      if (names.length == 0 && !empty) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      Set<String> set = new LinkedHashSet<>();
      for (String n : names) {
        String key = Benchmarks.byName(nonNull(n, what + " entry"), 2).name();
        if (!set.add(key)) {
          throw new IllegalArgumentException(what + " must not repeat, but had '" + n
              + "' twice");
        }
      }
      return List.copyOf(set);
    }

    /**
     * Sets the dimensions.
     *
     * @param dimensions at least one, each {@code >= 2}
     * @return this builder
     * @throws IllegalArgumentException if there is none or one is below 2
     */
    public Builder dimensions(int... dimensions) {
      nonNull(dimensions, "dimensions");
      if (dimensions.length == 0 || Arrays.stream(dimensions).anyMatch(d -> d < 2)) {
        throw new IllegalArgumentException("dimensions must be one or more values >= 2, but were "
            + Arrays.toString(dimensions));
      }
      this.dimensions = dimensions.clone();
      return this;
    }

    /**
     * Sets the budgets per dimension: B = factor · d.
     *
     * @param factors at least one, each {@code >= 10} (so that B is at least 20)
     * @return this builder
     * @throws IllegalArgumentException if there is none or one is below 10
     */
    public Builder budgetFactors(int... factors) {
      nonNull(factors, "factors");
      if (factors.length == 0 || Arrays.stream(factors).anyMatch(f -> f < 10)) {
        throw new IllegalArgumentException("budget factors must be one or more values >= 10,"
            + " but were " + Arrays.toString(factors));
      }
      this.budgetFactors = factors.clone();
      return this;
    }

    /**
     * Sets the seeds.
     *
     * @param seeds at least one, distinct
     * @return this builder
     * @throws IllegalArgumentException if there is none or one repeats
     */
    public Builder seeds(long... seeds) {
      nonNull(seeds, "seeds");
      if (seeds.length == 0 || Arrays.stream(seeds).distinct().count() != seeds.length) {
        throw new IllegalArgumentException("seeds must be one or more distinct values, but were "
            + Arrays.toString(seeds));
      }
      this.seeds = seeds.clone();
      return this;
    }

    /**
     * Adds an optimizer: run inside the loop and on the offline proxy as given, and on the truth
     * as {@code equalBudget.apply(B)}.
     *
     * @param optimizer the optimizer
     * @param equalBudget the same optimizer sized for B true evaluations
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder optimizer(Optimizer optimizer, IntFunction<Optimizer> equalBudget) {
      return optimizer(TrustOptimizer.of(optimizer, equalBudget));
    }

    /**
     * Adds an optimizer with its own label.
     *
     * @param optimizer the optimizer, its label and its equal-budget factory
     * @return this builder
     * @throws IllegalArgumentException if the label is taken
     */
    public Builder optimizer(TrustOptimizer optimizer) {
      nonNull(optimizer, "optimizer");
      for (TrustOptimizer o : optimizers) {
        if (o.label().equals(optimizer.label())) {
          throw new IllegalArgumentException("optimizer labels must be unique, but '"
              + optimizer.label() + "' was added twice");
        }
      }
      optimizers.add(optimizer);
      return this;
    }

    /**
     * Sets the managed loop's template (trainer, ensemble, gate, fallback, acquisition); its
     * sample, budget, rounds, seed and threads are set per run.
     *
     * @param managed the template
     * @return this builder
     */
    public Builder managed(ManagedOptimization managed) {
      this.managed = nonNull(managed, "managed");
      return this;
    }

    /**
     * Sets the share of the budget the loop spends on its initial sample.
     *
     * @param share in (0, 1)
     * @return this builder
     * @throws IllegalArgumentException if {@code share} is not in (0, 1)
     */
    public Builder initialShare(double share) {
      this.initialShare = Requires.openUnit(share, "initialShare");
      return this;
    }

    /**
     * Sets the number of rounds the loop spreads the rest of its budget over.
     *
     * @param rounds the count, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code rounds <= 0}
     */
    public Builder rounds(int rounds) {
      this.rounds = Requires.positive(rounds, "rounds");
      return this;
    }

    /**
     * Sets the offline proxy's trainer (its seed and threads are set per run).
     *
     * @param trainer the trainer
     * @return this builder
     */
    public Builder offlineTrainer(ProxyTrainer trainer) {
      this.offlineTrainer = nonNull(trainer, "trainer");
      return this;
    }

    /**
     * Sets the number of runs made at once; the results do not depend on it.
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
     * Sets the output folder.
     *
     * @param output the folder, created if needed
     * @return this builder
     */
    public Builder output(Path output) {
      this.output = nonNull(output, "output");
      return this;
    }

    /**
     * Sets whether the results of the same configuration in the folder are resumed; when off, a
     * folder with results is refused.
     *
     * @param resume true to resume
     * @return this builder
     */
    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /**
     * Sets whether the convergence curves are drawn.
     *
     * @param plots true to draw them
     * @return this builder
     */
    public Builder plots(boolean plots) {
      this.plots = plots;
      return this;
    }

    /**
     * Sets a receiver of one progress line per finished run (called from one thread at a time).
     *
     * @param progress the receiver
     * @return this builder
     */
    public Builder progress(Consumer<String> progress) {
      this.progress = nonNull(progress, "progress");
      return this;
    }

    /**
     * Builds the benchmark.
     *
     * @return the benchmark
     * @throws IllegalArgumentException if no optimizer was added, or a held-out function is also
     *     a tuning function
     */
    public BudgetStudy build() {
      if (optimizers.isEmpty()) {
        throw new IllegalArgumentException("at least one optimizer must be added");
      }
      for (String h : heldOut) {
        if (functions.contains(h)) {
          throw new IllegalArgumentException("'" + h + "' is both a function and held out;"
              + " a held-out function must not be tuned on");
        }
      }
      return new BudgetStudy(this);
    }
  }
}
