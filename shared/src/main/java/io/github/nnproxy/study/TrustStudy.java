package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.internal.Requires;
import io.github.nnproxy.manage.ManagedOptimization;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.proxy.ProxyTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Can a proxy be trusted when a few true evaluations keep it honest? Compares, on the stability
 * study's grid, four ways to an answer for every function, dimension, sampling scheme, optimizer
 * and seed:
 *
 * <ol type="a">
 *   <li>the offline proxy (the seed study's method): train a proxy on the scheme's sample of
 *       {@code scheme.sampleSize(baseSize)} true evaluations, minimize the proxy; one proxy per
 *       cell, trained with the same seed and trainer as {@link StabilityStudy} would;
 *   <li>the managed loop ({@link ManagedOptimization}) with the same optimizer, from a small
 *       fresh sample drawn by the scheme's sampler; its budget is {@code min(managed.budget(),
 *       floor(budgetShare * n_d))}, where {@code n_d} is what (d) spent with the same seed, and
 *       its initial sample shrinks in proportion when the budget does (never below {@link
 *       ProxyTrainer#MIN_SAMPLES}); its true evaluations include that initial sample;
 *   <li>the optimizer on the truth with as many evaluations as (b) used ({@link
 *       TrustOptimizer#equalBudget()});
 *   <li>the optimizer on the truth with its full budget (once per function, dimension, optimizer
 *       and seed: it does not depend on the scheme).
 * </ol>
 *
 * <p>The goal in a cell: (b)'s mean distance to the true optimum is at most (d)'s plus {@code
 * closeness}, and (b)'s mean true evaluations are at most {@code budgetShare} of (d)'s. {@code
 * trust.md} says for every cell whether it holds, and why not where it does not.
 *
 * <p>Reproducible: every seed is derived from the user's seeds (or the proxy seed) and the
 * identity of the cell, never from the order of execution; runs are spread over {@link
 * #threads()} threads and the files are the same for any thread count. Each managed run uses one
 * thread of its own.
 *
 * <p>Resumable, as {@link StabilityStudy} is: the output folder records the configuration in
 * {@code study-config.txt}, every finished run is a complete line of {@code trust.csv} before the
 * next one is reported, and every offline proxy is saved in {@code proxies/} (under the stability
 * study's file names, with its seeds) before its runs start. Running the same study again on the
 * folder makes only what is missing and ends with the same bytes; another configuration is
 * refused. The proxies of a stability study with the same proxy settings can be reused ({@link
 * Builder#proxiesFrom(Path)}).
 *
 * <p>Immutable and thread-safe; {@link #run()} may be called again (it resumes). Do not run two
 * studies on the same folder at once.
 *
 * <pre>{@code
 * TrustResult r = TrustStudy.builder()
 *     .functions("ackley", "rastrigin", "rosenbrock").dimensions(2)
 *     .optimizer(JmetalPsoOptimizer.paper(),      // full run, and a run of about n evaluations
 *         n -> JmetalPsoOptimizer.paper().withSwarmSize(20).withIterations(Math.max(1, n / 20)))
 *     .optimizer(JeneticsOptimizer.paper(),
 *         n -> JeneticsOptimizer.paper().toBuilder().evaluations(n).build())
 *     .seeds(1, 2, 3).threads(2).output(Path.of("trust"))
 *     .build().run();
 * }</pre>
 */
public final class TrustStudy extends StudyGrid {
  private final List<TrustOptimizer> optimizers;
  private final ManagedOptimization managed;
  private final double budgetShare;
  private final double closeness;
  private final Path proxiesFrom;

  private TrustStudy(Builder b, Functions grid) {
    super(b, grid);
    this.optimizers = List.copyOf(b.optimizers);
    this.managed = b.managed;
    this.budgetShare = b.budgetShare;
    this.closeness = b.closeness;
    this.proxiesFrom = b.proxiesFrom;
  }

  /**
   * Returns a new builder: dimensions 2, 4, 10; the seed's three schemes; seeds 1 to 5; proxy
   * seed 42; base size 10,000; {@link ProxyTrainer#defaults()}; the managed loop {@link
   * #defaultManaged()}; budget share 0.05; closeness 1e-3; all processors; output {@code
   * nnproxy-trust}. Functions and optimizers must be added.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the managed settings the study uses unless told otherwise: a 32-32 network trained
   * for at most 150 epochs (patience 30, batch 16), 100 initial points, a budget of 200, 3
   * candidates per round (1 restart), a 3-member ensemble, the default quality gate and
   * local-search fallback. The study replaces the sampler, seed and thread count per run.
   *
   * @return the settings
   */
  public static ManagedOptimization defaultManaged() {
    return ManagedOptimization.builder()
        .trainer(ProxyTrainer.builder().hiddenLayers(32, 32).epochs(150).patience(30)
            .batchSize(16).build())
        .initialSamples(100).budget(200).candidatesPerRound(3).restarts(1).ensembleSize(3)
        .build();
  }

  /**
   * Runs the study: streams {@code trust.csv} (one row per run; wall times in {@code
   * trust-timings.csv}), rewrites it in canonical order at the end, and writes {@code trust.md}
   * (one table per function and dimension) into {@link #output()}; blocks until done. If the
   * folder holds results of this configuration (and {@link #resume()} is on), the finished runs
   * and the saved proxies are reused.
   *
   * @return the runs, the cell summaries and the paths
   * @throws java.io.UncheckedIOException if a file cannot be written
   * @throws IllegalStateException if a training or a run fails (the cause is kept), the thread
   *     is interrupted, the folder holds results of another configuration (or of an unknown one),
   *     or it holds results and {@link #resume()} is off, or {@link #proxiesFrom()} holds no
   *     {@code study-config.txt}
   */
  public TrustResult run() {
    return new StudyEngine<>(new TrustProtocol(this)).run();
  }

  /**
   * Returns the optimizers in the order given.
   *
   * @return the optimizers
   */
  public List<TrustOptimizer> optimizers() {
    return optimizers;
  }

  /**
   * Returns the managed loop's settings (sampler, seed and threads are replaced per run).
   *
   * @return the settings
   */
  public ManagedOptimization managed() {
    return managed;
  }

  /**
   * Returns the largest share of (d)'s true evaluations that (b) may use.
   *
   * @return the share, in (0, 1]
   */
  public double budgetShare() {
    return budgetShare;
  }

  /**
   * Returns the slack in the comparison of mean distances: (b) meets the goal if its mean
   * distance is at most (d)'s plus this.
   *
   * @return the closeness, {@code >= 0}
   */
  public double closeness() {
    return closeness;
  }

  /**
   * Returns the folder of a stability study whose saved proxies this study reuses where they
   * were made with the same proxy seed, base size and trainer, or null for none.
   *
   * @return the folder, or null
   */
  public Path proxiesFrom() {
    return proxiesFrom;
  }

  /**
   * Builds a {@link TrustStudy}. Each method checks its argument at once. Not thread-safe.
   *
   * <pre>{@code
   * TrustStudy s = TrustStudy.builder().functions("sphere").dimensions(2)
   *     .optimizer(myOptimizer, n -> myOptimizerWithBudget(n)).seeds(1, 2).build();
   * }</pre>
   */
  public static final class Builder extends StudyGrid.Builder<Builder> {
    private final List<TrustOptimizer> optimizers = new ArrayList<>();
    private ManagedOptimization managed = defaultManaged();
    private double budgetShare = 0.05;
    private double closeness = 1e-3;
    private Path proxiesFrom;

    private Builder() {
      super(new long[] {1, 2, 3, 4, 5}, Path.of("nnproxy-trust"));
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Adds an optimizer under its own name.
     *
     * @param optimizer the optimizer with its full budget
     * @param equalBudget returns a variant that makes about {@code n} evaluations
     * @return this builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the name is taken or not a valid label
     */
    public Builder optimizer(Optimizer optimizer, IntFunction<Optimizer> equalBudget) {
      return optimizer(TrustOptimizer.of(optimizer, equalBudget));
    }

    /**
     * Adds an optimizer.
     *
     * @param optimizer the optimizer and its equal-budget factory
     * @return this builder
     * @throws NullPointerException if {@code optimizer} is null
     * @throws IllegalArgumentException if its label is taken
     */
    public Builder optimizer(TrustOptimizer optimizer) {
      nonNull(optimizer, "optimizer");
      for (TrustOptimizer o : optimizers) {
        if (o.label().equals(optimizer.label())) {
          throw new IllegalArgumentException("optimizer label '" + optimizer.label()
              + "' is already used; give each optimizer its own label");
        }
      }
      optimizers.add(optimizer);
      return this;
    }

    /**
     * Sets the managed loop's settings; the study replaces their initial sampler (the scheme's),
     * seed (derived per run) and threads (1), and may lower the budget (see the class comment).
     *
     * @param managed the settings
     * @return this builder
     * @throws NullPointerException if {@code managed} is null
     */
    public Builder managed(ManagedOptimization managed) {
      this.managed = nonNull(managed, "managed");
      return this;
    }

    /**
     * Sets the largest share of (d)'s true evaluations that (b) may use (default 0.05).
     *
     * @param share the share, in (0, 1]
     * @return this builder
     * @throws IllegalArgumentException if {@code share} is not in (0, 1]
     */
    public Builder budgetShare(double share) {
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException("budgetShare must be in (0, 1], but was " + share);
      }
      this.budgetShare = share;
      return this;
    }

    /**
     * Sets the slack of the distance comparison (default 1e-3, the managed loop's default
     * tolerance: points closer than that count as the same).
     *
     * @param closeness the slack, finite and {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code closeness} is negative or not finite
     */
    public Builder closeness(double closeness) {
      Requires.finite(closeness, "closeness");
      Requires.nonNegative(closeness, "closeness");
      this.closeness = closeness;
      return this;
    }

    /**
     * Sets a receiver of one progress line per proxy trained and per run finished (called from
     * worker threads, one call at a time): a shorthand for a {@link #listener(StudyListener)}
     * that prints lines, which it replaces.
     *
     * @param progress the receiver, e.g. {@code System.err::println}
     * @return this builder
     * @throws NullPointerException if {@code progress} is null
     */
    public Builder progress(Consumer<String> progress) {
      return listener(new ProgressLines(nonNull(progress, "progress")));
    }

    /**
     * Reuses the proxies a {@link StabilityStudy} saved in {@code folder}: a cell's proxy is
     * loaded (and copied into this study's {@code proxies/}) rather than trained when that
     * study's {@code study-config.txt} shows this study's proxy seed, base size and trainer for
     * its function, so the proxy is the one this study would train. Other cells are trained.
     *
     * @param folder the stability study's output folder
     * @return this builder
     * @throws NullPointerException if {@code folder} is null
     */
    public Builder proxiesFrom(Path folder) {
      this.proxiesFrom = nonNull(folder, "folder");
      return this;
    }

    /**
     * Builds the study, creating every function in every dimension.
     *
     * @return the study
     * @throws IllegalArgumentException if no function or no optimizer was added, two functions
     *     share a name, a name is not fit for a file, or a function does not exist in a dimension
     */
    public TrustStudy build() {
      return new TrustStudy(this, resolve(optimizers.size()));
    }
  }

  /** The progress lines of {@link Builder#progress(Consumer)}. */
  private static final class ProgressLines implements StudyListener {
    private final Consumer<String> out;

    ProgressLines(Consumer<String> out) {
      this.out = out;
    }

    @Override
    public void onProxyTrained(ProxyRecord p, int done, int total) {
      out.accept("trained the offline proxy of " + p.function() + " " + p.dimension() + "-D "
          + p.scheme() + " on " + p.samples() + " points: " + p.quality());
    }

    @Override
    public void onTrustRunFinished(TrustRun r, int done, int total) {
      out.accept(String.format(java.util.Locale.ROOT, "%d/%d %s %d-D %s %s seed %d %s: distance"
          + " %.4f, %d true evaluations", done, total, r.function(), r.dimension(), r.scheme(),
          r.optimizer(), r.seed(), r.method().letter(), r.distance(), r.trueEvaluations()));
    }
  }
}
