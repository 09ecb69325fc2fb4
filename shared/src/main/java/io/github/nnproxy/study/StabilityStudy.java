package io.github.nnproxy.study;

import static io.github.nnproxy.internal.Requires.nonNull;
import static io.github.nnproxy.internal.Requires.positive;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.proxy.ProxyTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The stability study: how far a neural-network proxy misleads optimizers, over benchmark
 * functions x dimensions x sampling schemes x optimizers x seeds (the design of Albreiki,
 * Belayouni and Gupta, arXiv 2301.07102, with a truth baseline added).
 *
 * <p>For every function, dimension and scheme the study samples the function, trains one proxy
 * and saves it under {@code proxies/}. Every optimizer then minimizes every proxy once per seed,
 * and minimizes the true function once per seed (truth runs depend on function, dimension,
 * optimizer and seed only, so they run once, not once per scheme). Each run's point is judged on
 * the true function. Files written to {@link #output()}: {@code runs.csv}, {@code timings.csv},
 * {@code proxies.csv}, {@code summary.csv}, {@code summary.md}, {@code plots/*.png}, {@code
 * proxies/*.nnproxy}, {@code study-config.txt} (the configuration the results belong to) and
 * {@code study.lock} (held while a study runs); see {@link #run()}.
 *
 * <p>Reproducible: every random seed (sampling, training, optimizer runs, parity points) is
 * derived from {@link #proxySeed()} or from the user's {@link #seeds()} and the identity of the
 * cell, never from the order of execution, so {@code runs.csv} and {@code summary.csv} are
 * byte-identical for any number of {@link #threads()}.
 *
 * <p>Resumable: the output folder records the configuration in {@code study-config.txt}, every
 * finished run is on disk before the next one is reported, and every proxy is saved before its
 * runs start. Running the same study again on the same folder, after a crash, a kill or a normal
 * end, reuses the finished runs and the saved proxies and makes only what is missing; the final
 * {@code runs.csv}, {@code summary.csv} and {@code summary.md} are the same bytes as those of an
 * uninterrupted run. A study with another configuration refuses to run in that folder rather than
 * mix results; see {@link Builder#resume(boolean)}.
 *
 * <p>Immutable and thread-safe; {@link #run()} may be called again (it resumes, so it only
 * rewrites the final files). Do not run two studies on the same folder at once.
 *
 * <pre>{@code
 * StudyResult r = StabilityStudy.builder()
 *     .functions("ackley", "rastrigin", "rosenbrock")
 *     .dimensions(2, 4, 10)
 *     .optimizer(JmetalPsoOptimizer.paper(), SeedColumn.PSO)
 *     .optimizer(JeneticsOptimizer.paper(), SeedColumn.GA)
 *     .trainer(SeedRecipes::trainer)
 *     .threads(2)
 *     .output(Path.of("study"))
 *     .build()
 *     .run();
 * }</pre>
 */
public final class StabilityStudy extends StudyGrid {
  private final List<StudyOptimizer> optimizers;
  private final UnaryOperator<ForwardModel> sampledTruth;
  private final boolean plots;
  private final int parityPoints;
  private final int plotResolution;

  private StabilityStudy(Builder b, Functions grid) {
    super(b, grid);
    this.optimizers = List.copyOf(b.optimizers);
    this.sampledTruth = b.sampledTruth;
    this.plots = b.plots;
    this.parityPoints = b.parityPoints;
    this.plotResolution = b.plotResolution;
  }

  /**
   * Returns a new builder: the seed's dimensions (2, 4, 10) and schemes (dense, sparse, Gaussian),
   * seeds 1 to 10, base size 10,000, {@link ProxyTrainer#defaults()}, all processors, output
   * folder {@code nnproxy-study}; functions and optimizers must be added.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the study and writes its files; blocks until every run is done.
   *
   * <p>{@code runs.csv} grows by one row per finished run while the study runs, each written as
   * one complete line before the run is reported, so a crash or a kill loses at most the runs in
   * flight (and leaves at most a torn last line, which a resumed study drops); at the end it is
   * rewritten sorted in canonical order (via a temporary file and a rename). If the folder holds
   * results of this configuration (and {@link #resume()} is on), the finished runs and the saved
   * proxies are reused rather than made again. {@code summary.csv} holds one row per cell, {@code summary.md}
   * the seed-layout table and commentary. Wall times, which differ from run to run, go to {@code
   * timings.csv} and {@code proxies.csv} only.
   *
   * @return the summaries and the paths written
   * @throws java.io.UncheckedIOException if a file cannot be written
   * @throws IllegalStateException if a training or an optimizer run fails (the cause is kept),
   *     the thread is interrupted, the folder holds results of another configuration (or of an
   *     unknown one), or it holds results and {@link #resume()} is off
   */
  public StudyResult run() {
    return new StudyEngine<>(new StabilityProtocol(this)).run();
  }

  /**
   * Returns the optimizers in the order given.
   *
   * @return the optimizers
   */
  public List<StudyOptimizer> optimizers() {
    return optimizers;
  }

  /**
   * Returns the forward model the study samples to train a function's proxies: the function
   * itself, or what {@link Builder#sampledTruth(UnaryOperator)} made of it.
   *
   * @param f the function (and dimension)
   * @return the model to sample, on {@code f}'s domain
   * @throws IllegalStateException if the operator returns null or a model on another domain
   */
  public ForwardModel sampledTruth(BenchmarkFunction f) {
    ForwardModel m = sampledTruth.apply(f);
    if (m == null || !m.domain().equals(f.domain())) {
      throw new IllegalStateException("sampledTruth(" + f + ") returned "
          + (m == null ? "null" : m + " on " + m.domain())
          + "; it must return a model on the function's domain " + f.domain()
          + ". Check the operator given to sampledTruth");
    }
    return m;
  }

  /**
   * Tells whether the study draws plots.
   *
   * @return true if it writes {@code plots/}
   */
  public boolean plots() {
    return plots;
  }

  /**
   * Returns the number of fresh points of each parity plot.
   *
   * @return the number of points
   */
  public int parityPoints() {
    return parityPoints;
  }

  /**
   * Returns the grid points per axis of the 2-D landscape plots.
   *
   * @return the resolution
   */
  public int plotResolution() {
    return plotResolution;
  }

  /**
   * Builds a {@link StabilityStudy}. Each method checks its argument at once. Not thread-safe.
   *
   * <pre>{@code
   * StabilityStudy s = StabilityStudy.builder().functions("sphere").dimensions(2)
   *     .optimizer(myOptimizer, SeedColumn.PSO).seeds(1, 2, 3).build();
   * }</pre>
   */
  public static final class Builder extends StudyGrid.Builder<Builder> {
    private final List<StudyOptimizer> optimizers = new ArrayList<>();
    private UnaryOperator<ForwardModel> sampledTruth = UnaryOperator.identity();
    private boolean plots = true;
    private int parityPoints = 500;
    private int plotResolution = 80;

    private Builder() {
      super(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, Path.of("nnproxy-study"));
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Adds an optimizer reported under its own name and compared with no seed column.
     *
     * @param optimizer the optimizer
     * @return this builder
     * @throws NullPointerException if {@code optimizer} is null
     */
    public Builder optimizer(Optimizer optimizer) {
      return optimizer(StudyOptimizer.of(optimizer, SeedColumn.NONE));
    }

    /**
     * Adds an optimizer reported under its own name beside a seed column.
     *
     * @param optimizer the optimizer
     * @param column the seed column it fills ({@link SeedColumn#PSO} or {@link SeedColumn#GA}),
     *     or {@link SeedColumn#NONE}
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder optimizer(Optimizer optimizer, SeedColumn column) {
      return optimizer(StudyOptimizer.of(optimizer, column));
    }

    /**
     * Adds an optimizer with its label and seed column.
     *
     * @param optimizer the study optimizer
     * @return this builder
     * @throws NullPointerException if {@code optimizer} is null
     * @throws IllegalArgumentException if its label is taken, or its seed column is filled
     */
    public Builder optimizer(StudyOptimizer optimizer) {
      nonNull(optimizer, "optimizer");
      for (StudyOptimizer o : optimizers) {
        if (o.label().equals(optimizer.label())) {
          throw new IllegalArgumentException("optimizer label '" + optimizer.label()
              + "' is already used; give each optimizer its own label");
        }
        if (o.column() != SeedColumn.NONE && o.column() == optimizer.column()) {
          throw new IllegalArgumentException("seed column " + optimizer.column() + " is already "
              + "filled by '" + o.label() + "', so '" + optimizer.label() + "' cannot fill it");
        }
      }
      optimizers.add(optimizer);
      return this;
    }

    /**
     * Sets how the study evaluates the true function where it samples it to train the proxies,
     * e.g. {@code session::distribute} of an {@link io.github.nnproxy.spi.EvaluationBackend} to
     * run the training samples on a cluster. The operator must return a model with the
     * function's domain and values; the results do not depend on it. The optimizers' runs on the
     * true function evaluate it directly (one swarm or population at a time, too small a batch
     * to ship). Default: the function itself.
     *
     * @param sampledTruth maps a function to the model to sample
     * @return this builder
     * @throws NullPointerException if {@code sampledTruth} is null
     */
    public Builder sampledTruth(UnaryOperator<ForwardModel> sampledTruth) {
      this.sampledTruth = nonNull(sampledTruth, "sampledTruth");
      return this;
    }

    /**
     * Sets whether to draw the plots (default true).
     *
     * @param plots false to skip {@code plots/}
     * @return this builder
     */
    public Builder plots(boolean plots) {
      this.plots = plots;
      return this;
    }

    /**
     * Sets the number of fresh points per parity plot (default 500).
     *
     * @param points the number, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code points <= 0}
     */
    public Builder parityPoints(int points) {
      this.parityPoints = positive(points, "parityPoints");
      return this;
    }

    /**
     * Sets the grid points per axis of the 2-D landscape plots (default 80).
     *
     * @param resolution the resolution, {@code >= 10}
     * @return this builder
     * @throws IllegalArgumentException if {@code resolution < 10}
     */
    public Builder plotResolution(int resolution) {
      if (resolution < 10) {
        throw new IllegalArgumentException("plotResolution must be >= 10, but was " + resolution);
      }
      this.plotResolution = resolution;
      return this;
    }

    /**
     * Builds the study, creating every function in every dimension.
     *
     * @return the study
     * @throws IllegalArgumentException if no function or no optimizer was added, two functions
     *     share a name, a name is not fit for a file name, or a function does not exist in a
     *     dimension
     */
    public StabilityStudy build() {
      return new StabilityStudy(this, resolve(optimizers.size()));
    }
  }
}
