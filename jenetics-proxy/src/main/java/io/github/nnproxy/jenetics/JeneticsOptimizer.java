package io.github.nnproxy.jenetics;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.internal.Requires;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import io.jenetics.Alterer;
import io.jenetics.DoubleGene;
import io.jenetics.Mutator;
import io.jenetics.Selector;
import io.jenetics.SinglePointCrossover;
import io.jenetics.TournamentSelector;
import io.jenetics.TruncationSelector;
import io.jenetics.engine.Codec;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;

/**
 * A real-coded genetic algorithm run by a Jenetics {@link Engine}, behind nnproxy's {@link
 * Optimizer} seam, so a study can run it on a proxy and on the truth alike.
 *
 * <p>Each {@link #minimize(ForwardModel, long)} call builds a fresh engine over {@link
 * ProxyCodecs#of(Domain)} and scores the population with a {@link ProxyEvaluator}: one batched
 * {@code evaluateAll} call per generation by default, or one call per point spread over the
 * {@linkplain Builder#executor(Executor) fitness executor} for an expensive truth.
 *
 * <p>Reproducibility: the same objective and seed give an equal {@link Optimum}, whatever the
 * fitness executor and the number of threads. Jenetics runs its selectors and alterers on the
 * engine's executor with thread-bound randomness ({@code RandomRegistry.with}), so the engine
 * executor is always serial ({@code Runnable::run}); only the model calls are parallel, and their
 * results are placed by index. The generator is {@code L64X256MixRandom} seeded with {@code seed}.
 *
 * <p>The returned point is the best one evaluated during the run (the first, in evaluation order,
 * among equals); it lies in the domain, its value is the objective's value there, and the
 * evaluation count is the number of points actually passed to the objective (Jenetics never
 * re-evaluates an unchanged individual).
 *
 * <p>Thread safety: immutable; {@code minimize} may be called from several threads at once, each
 * run getting its own engine, evaluator and generator.
 *
 * <pre>{@code
 * Optimizer seedGa = JeneticsOptimizer.paper();
 * Optimum onProxy = seedGa.minimize(proxy, 7L);
 * Optimizer psoBudget = JeneticsOptimizer.paper().toBuilder()
 *     .name("jenetics-ga-paper-pso-budget").evaluations(100_100).build();
 * Optimizer parallelTruth = JeneticsOptimizer.builder()
 *     .executor(ForkJoinPool.commonPool()).build();   // same results, model calls in parallel
 * }</pre>
 */
public final class JeneticsOptimizer implements Optimizer {

  private static final String RANDOM_ALGORITHM = "L64X256MixRandom";

  private final String name;
  private final int populationSize;
  private final long generations; // 0: limited by evaluations
  private final long evaluations; // 0: limited by generations
  private final double offspringFraction;
  private final Selector<DoubleGene, Double> offspringSelector;
  private final Selector<DoubleGene, Double> survivorsSelector;
  private final Function<Domain, List<Alterer<DoubleGene, Double>>> alterers;
  private final String alterersDescription;
  private final long maximalPhenotypeAge;
  private final Executor executor; // null: batched on the engine's thread
  private final boolean driveToZero;

  private JeneticsOptimizer(Builder b) {
    this.name = b.name;
    this.populationSize = b.populationSize;
    this.generations = b.generations;
    this.evaluations = b.evaluations;
    this.offspringFraction = b.offspringFraction;
    this.offspringSelector = b.offspringSelector;
    this.survivorsSelector = b.survivorsSelector;
    this.alterers = b.alterers;
    this.alterersDescription = b.alterersDescription;
    this.maximalPhenotypeAge = b.maximalPhenotypeAge;
    this.executor = b.executor;
    this.driveToZero = b.driveToZero;
  }

  /**
   * Returns a builder preset to Jenetics' recommended defaults (see {@link #defaults()}), named
   * {@code "jenetics-ga"}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder preset to this optimizer's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.populationSize = populationSize;
    b.generations = generations;
    b.evaluations = evaluations;
    b.offspringFraction = offspringFraction;
    b.offspringSelector = offspringSelector;
    b.survivorsSelector = survivorsSelector;
    b.alterers = alterers;
    b.alterersDescription = alterersDescription;
    b.maximalPhenotypeAge = maximalPhenotypeAge;
    b.executor = executor;
    b.driveToZero = driveToZero;
    return b;
  }

  /**
   * Returns Jenetics' recommended defaults, as its {@code Engine.Builder} sets them, for 100
   * generations: population 50, offspring fraction 0.6, {@code TournamentSelector(3)} for
   * offspring and survivors, {@code SinglePointCrossover(0.2)} then {@code Mutator(0.15)},
   * maximal phenotype age 70; minimizing, batched evaluation. Named {@code
   * "jenetics-ga-defaults"}.
   *
   * @return the optimizer
   */
  public static JeneticsOptimizer defaults() {
    return builder().name("jenetics-ga-defaults").build();
  }

  /**
   * Returns the seed study's pygad GA as closely as Jenetics allows, named {@code
   * "jenetics-ga-paper"}.
   *
   * <p>pygad settings of the seed (Albreiki et al. 2022, arXiv 2301.07102): population 10, 100
   * generations, 2 parents mating chosen by steady-state selection, single-point crossover,
   * {@code "random"} mutation of 10% of the genes, one elite kept ({@code keep_elitism=1}),
   * fitness {@code 1 / (|f| + 1e-6)} maximized. The Jenetics mapping:
   *
   * <ul>
   *   <li>population 10, 100 generations;
   *   <li>survivors: 1 (offspring fraction 0.9), chosen by {@code TruncationSelector}: the elite;
   *   <li>offspring: 9, by {@code TruncationSelector(2)}, i.e. copies of the two best (pygad's
   *       steady-state selection of 2 parents);
   *   <li>alterers: {@code SinglePointCrossover(1.0)} then {@link RandomShiftMutator#pygad(Domain)}
   *       (pygad's additive {@code U(-1, 1)} shift of {@code max(1, floor(0.1 d))} genes of every
   *       offspring);
   *   <li>maximal phenotype age unlimited (pygad never ages individuals out; Jenetics' default of
   *       70 would replace the elite by a random individual);
   *   <li>fitness: the objective itself, minimized; {@link Builder#driveToZero(boolean)
   *       driveToZero(true)} switches to pygad's {@code 1 / (|f| + 1e-6)}, maximized.
   * </ul>
   *
   * <p>Audited against pygad's source (2.16 to 3.6; the seed's exact pygad version is not known):
   *
   * <ul>
   *   <li>Same: parents are the two best (pygad's {@code steady_state_selection}); crossover always
   *       happens ({@code crossover_probability=None}); the cut point lies in {@code [0, d)} in both
   *       ({@code numpy.random.randint(0, d)}, Jenetics' {@code nextInt(d)}); {@code
   *       max(1, floor(0.1 d))} distinct genes of every offspring, and of offspring only, get
   *       {@code U(-1, 1)} added; no ageing; unchanged individuals are not re-evaluated, so a run
   *       makes {@code 10 + 9 * 100 = 910} evaluations, as pygad 2.18 and later do.
   *   <li>Population make-up depends on pygad's version: from 2.18.0 (September 2022) the default
   *       {@code keep_elitism=1} keeps one elite and makes 9 offspring, as here; 2.16 and 2.17 had
   *       no {@code keep_elitism} and kept both parents ({@code keep_parents=-1}) with 8 offspring
   *       (810 evaluations; 1010 in 2.16.0, which re-evaluated the kept parents).
   *   <li>Pairing: pygad's child {@code k} takes its head from parent {@code k mod 2} and its tail
   *       from parent {@code (k+1) mod 2}, so every child mixes the two best. Jenetics' crossover
   *       pairs each offspring slot (copies of the two parents) with a random other slot, so about
   *       half the pairs are two copies of one parent and some slots are crossed twice. Kept: it is
   *       Jenetics' own operator, and swapping in pygad's pairing ({@link
   *       PairedSinglePointCrossover}, through {@link Builder#domainAlterers}) changes the
   *       distances on the true functions only within noise (docs/BENCHMARKS.md).
   *   <li>Bounds: mutated genes are clamped to the domain; pygad leaves them unbounded after the
   *       initial population, so it can return points outside the domain, where a proxy
   *       extrapolates. Kept: a Jenetics {@code DoubleGene} outside its range is invalid and would
   *       be replaced by the engine.
   *   <li>Objective: minimizing by default; the seed's fitness {@code 1 / (|f| + 1e-6)} drives the
   *       output to 0, which ranks points the same only when {@code f >= 0} (its three benchmarks,
   *       not a proxy that undershoots). {@link Builder#driveToZero(boolean) driveToZero(true)} is
   *       pygad's.
   *   <li>Result: the best point evaluated (first among equals); pygad's {@code best_solution()}
   *       is the best of the last population, which is the same point because of elitism.
   *   <li>Random streams differ from numpy's, so seeds are not comparable across the two.
   * </ul>
   *
   * @return the optimizer
   */
  public static JeneticsOptimizer paper() {
    Builder b =
        builder()
            .name("jenetics-ga-paper")
            .populationSize(10)
            .generations(100)
            .offspringFraction(0.9)
            .offspringSelector(new TruncationSelector<>(2))
            .survivorsSelector(new TruncationSelector<>())
            .maximalPhenotypeAge(Long.MAX_VALUE);
    b.alterers =
        domain -> List.of(new SinglePointCrossover<>(1.0), RandomShiftMutator.pygad(domain));
    b.alterersDescription = "[SinglePointCrossover(1.0), RandomShiftMutator.pygad(domain)]";
    return b.build();
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Minimizes the objective over its domain with a freshly built Jenetics engine (or drives it to
   * 0, with {@link Builder#driveToZero(boolean)}).
   *
   * @param objective the function to minimize
   * @param seed the seed of the run's random generator
   * @return the best point evaluated, the objective's value there and the evaluations made
   * @throws NullPointerException if {@code objective} is null
   * @throws IllegalStateException if the objective returns NaN
   */
  @Override
  public Optimum minimize(ForwardModel objective, long seed) {
    nonNull(objective, "objective");
    Domain domain = objective.domain();
    Codec<double[], DoubleGene> codec = ProxyCodecs.of(domain);
    FitnessMode mode = driveToZero ? FitnessMode.DRIVE_TO_ZERO : FitnessMode.MINIMIZE;
    BestSoFar best = new BestSoFar(mode);
    ProxyEvaluator evaluator = new ProxyEvaluator(objective, codec, executor, mode, best);
    Engine<DoubleGene, Double> engine =
        new Engine.Builder<>(evaluator, codec.encoding())
            .populationSize(populationSize)
            .offspringFraction(offspringFraction)
            .offspringSelector(offspringSelector)
            .survivorsSelector(survivorsSelector)
            .alterers(combined(alterers.apply(domain)))
            .optimize(mode.optimize())
            .maximalPhenotypeAge(maximalPhenotypeAge)
            .executor(Runnable::run) // operators use thread-bound randomness: keep them serial
            .build();
    RandomGenerator random =
        RandomGeneratorFactory.<RandomGenerator>of(RANDOM_ALGORITHM).create(seed);
    RandomRegistry.with(
        random,
        r -> {
          // Stream.limit(long) stops after exactly n generations; Jenetics' limit(Predicate)
          // would compute (and evaluate) one more generation before it stops
          Stream<EvolutionResult<DoubleGene, Double>> run =
              generations > 0
                  ? engine.stream().limit(generations)
                  : engine.stream().limit(er -> evaluator.evaluations() < evaluations);
          run.forEach(result -> {});
          return null;
        });
    return Optimum.of(best.x, best.value, evaluator.evaluations());
  }

  private static Alterer<DoubleGene, Double> combined(List<Alterer<DoubleGene, Double>> list) {
    Alterer<DoubleGene, Double> all = list.get(0);
    for (int i = 1; i < list.size(); i++) {
      all = all.andThen(list.get(i));
    }
    return all;
  }

  /** The best point evaluated so far in one run; only the run's engine thread touches it. */
  private static final class BestSoFar implements ProxyEvaluator.Observer {
    private final FitnessMode mode;
    private double[] x;
    private double value;
    private double fitness;

    BestSoFar(FitnessMode mode) {
      this.mode = mode;
    }

    @Override
    public void evaluated(double[][] xs, double[] ys, double[] fs) {
      for (int i = 0; i < xs.length; i++) {
        boolean better =
            x == null
                || (mode.optimize() == io.jenetics.Optimize.MINIMUM
                    ? fs[i] < fitness
                    : fs[i] > fitness);
        if (better) {
          x = xs[i].clone();
          value = ys[i];
          fitness = fs[i];
        }
      }
    }
  }

  /**
   * Returns the population size.
   *
   * @return the number of individuals per generation
   */
  public int populationSize() {
    return populationSize;
  }

  /**
   * Returns the number of generations, if the run is limited by generations.
   *
   * @return the generation count, or empty when limited by {@link #evaluationBudget()}
   */
  public OptionalLong generations() {
    return generations > 0 ? OptionalLong.of(generations) : OptionalLong.empty();
  }

  /**
   * Returns the evaluation budget, if the run is limited by evaluations.
   *
   * @return the budget, or empty when limited by {@link #generations()}
   */
  public OptionalLong evaluationBudget() {
    return evaluations > 0 ? OptionalLong.of(evaluations) : OptionalLong.empty();
  }

  /**
   * Returns the fraction of each new generation made of offspring.
   *
   * @return the offspring fraction, in [0, 1]
   */
  public double offspringFraction() {
    return offspringFraction;
  }

  /**
   * Returns the selector of the parents of the offspring.
   *
   * @return the offspring selector
   */
  public Selector<DoubleGene, Double> offspringSelector() {
    return offspringSelector;
  }

  /**
   * Returns the selector of the survivors.
   *
   * @return the survivors selector
   */
  public Selector<DoubleGene, Double> survivorsSelector() {
    return survivorsSelector;
  }

  /**
   * Returns the alterers a run on the given domain uses, in order.
   *
   * @param domain the objective's domain (some alterers, such as {@link RandomShiftMutator},
   *     depend on it)
   * @return the alterers, at least one
   * @throws NullPointerException if {@code domain} is null
   */
  public List<Alterer<DoubleGene, Double>> alterers(Domain domain) {
    return alterers.apply(nonNull(domain, "domain"));
  }

  /**
   * Returns the maximal age of a phenotype before Jenetics replaces it by a random one.
   *
   * @return the maximal phenotype age, in generations
   */
  public long maximalPhenotypeAge() {
    return maximalPhenotypeAge;
  }

  /**
   * Returns the executor of the objective evaluations, if any.
   *
   * @return the fitness executor, or empty for one batched call per generation
   */
  public Optional<Executor> executor() {
    return Optional.ofNullable(executor);
  }

  /**
   * Tells whether the fitness is the seed's {@code 1 / (|f| + 1e-6)}, maximized, instead of
   * {@code f}, minimized.
   *
   * @return true for the drive-to-zero fitness
   */
  public boolean driveToZero() {
    return driveToZero;
  }

  /**
   * Returns the settings that shape the results: name, population, generations or evaluation
   * budget, selectors, alterers, phenotype age and fitness mode; not the fitness executor, which
   * does not change results.
   *
   * @return the description
   */
  @Override
  public String description() {
    return "JeneticsOptimizer["
        + name
        + ", populationSize="
        + populationSize
        + (generations > 0 ? ", generations=" + generations : ", evaluations=" + evaluations)
        + ", offspringFraction="
        + offspringFraction
        + ", offspringSelector="
        + offspringSelector
        + ", survivorsSelector="
        + survivorsSelector
        + ", alterers="
        + alterersDescription
        + ", maximalPhenotypeAge="
        + maximalPhenotypeAge
        + (driveToZero ? ", driveToZero" : "")
        + "]";
  }

  @Override
  public String toString() {
    String d = description();
    return d.substring(0, d.length() - 1) + ", executor="
        + (executor == null ? "batched" : executor) + "]";
  }


  /**
   * Builds a {@link JeneticsOptimizer}. Every setter validates its argument at once and returns
   * this builder; {@link #build()} returns an immutable optimizer, and the builder may be reused.
   *
   * <p>Thread safety: not thread-safe; confine a builder to one thread.
   *
   * <pre>{@code
   * JeneticsOptimizer ga = JeneticsOptimizer.builder()
   *     .name("ga-pop100")
   *     .populationSize(100)
   *     .generations(200)
   *     .alterers(new SinglePointCrossover<>(0.7), new GaussianMutator<>(0.1))
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private String name = "jenetics-ga";
    private int populationSize = 50;
    private long generations = 100;
    private long evaluations = 0;
    private double offspringFraction = 0.6;
    private Selector<DoubleGene, Double> offspringSelector = new TournamentSelector<>(3);
    private Selector<DoubleGene, Double> survivorsSelector = new TournamentSelector<>(3);
    private Function<Domain, List<Alterer<DoubleGene, Double>>> alterers =
        domain -> List.of(new SinglePointCrossover<>(0.2), new Mutator<>(0.15));
    private String alterersDescription = "[SinglePointCrossover(0.2), Mutator(0.15)]";
    private long maximalPhenotypeAge = 70;
    private Executor executor;
    private boolean driveToZero;

    private Builder() {}

    /**
     * Sets the name reported by {@link JeneticsOptimizer#name()}.
     *
     * @param name a non-blank name
     * @return this builder
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Builder name(String name) {
      nonNull(name, "name");
      Requires.notBlank(name, "name");
      this.name = name;
      return this;
    }

    /**
     * Sets the population size.
     *
     * @param populationSize the number of individuals, {@code >= 2}
     * @return this builder
     * @throws IllegalArgumentException if {@code populationSize < 2}
     */
    public Builder populationSize(int populationSize) {
      Requires.atLeast(populationSize, 2, "populationSize");
      this.populationSize = populationSize;
      return this;
    }

    /**
     * Limits each run to a number of generations; replaces an {@link #evaluations(long)} limit.
     *
     * @param generations the number of generations, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code generations <= 0}
     */
    public Builder generations(long generations) {
      this.generations = Requires.positive(generations, "generations");
      this.evaluations = 0;
      return this;
    }

    /**
     * Limits each run to an objective-evaluation budget; replaces a {@link #generations(long)}
     * limit. The run stops after the first generation at which the budget is reached, so it may
     * overshoot by less than one generation's evaluations (at most the population size, twice
     * that in the first generation); the returned {@link Optimum#evaluations()} is exact.
     *
     * @param evaluations the budget, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code evaluations <= 0}
     */
    public Builder evaluations(long evaluations) {
      this.evaluations = Requires.positive(evaluations, "evaluations");
      this.generations = 0;
      return this;
    }

    /**
     * Sets the fraction of each generation made of offspring; the rest are survivors.
     *
     * @param offspringFraction the fraction, in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException if {@code offspringFraction} is not in [0, 1]
     */
    public Builder offspringFraction(double offspringFraction) {
      this.offspringFraction = Requires.probability(offspringFraction, "offspringFraction");
      return this;
    }

    /**
     * Sets the selector of the offspring's parents.
     *
     * @param selector the selector; Jenetics' selectors are immutable and thread-safe
     * @return this builder
     * @throws NullPointerException if {@code selector} is null
     */
    public Builder offspringSelector(Selector<DoubleGene, Double> selector) {
      this.offspringSelector = nonNull(selector, "offspringSelector");
      return this;
    }

    /**
     * Sets the selector of the survivors.
     *
     * @param selector the selector
     * @return this builder
     * @throws NullPointerException if {@code selector} is null
     */
    public Builder survivorsSelector(Selector<DoubleGene, Double> selector) {
      this.survivorsSelector = nonNull(selector, "survivorsSelector");
      return this;
    }

    /**
     * Sets both selectors to the same one.
     *
     * @param selector the selector of offspring and survivors
     * @return this builder
     * @throws NullPointerException if {@code selector} is null
     */
    public Builder selector(Selector<DoubleGene, Double> selector) {
      return offspringSelector(selector).survivorsSelector(selector);
    }

    /**
     * Sets the alterers, applied in order to the offspring. They must be stateless (Jenetics'
     * own are), as one instance serves concurrent runs.
     *
     * @param first the first alterer
     * @param rest further alterers
     * @return this builder
     * @throws NullPointerException if an alterer is null
     */
    @SafeVarargs
    public final Builder alterers(
        Alterer<DoubleGene, Double> first, Alterer<DoubleGene, Double>... rest) {
      List<Alterer<DoubleGene, Double>> all = new ArrayList<>(1 + nonNull(rest, "rest").length);
      all.add(nonNull(first, "alterers[0]"));
      for (int i = 0; i < rest.length; i++) {
        all.add(nonNull(rest[i], "alterers[" + (i + 1) + "]"));
      }
      List<Alterer<DoubleGene, Double>> list = List.copyOf(all);
      this.alterers = domain -> list;
      this.alterersDescription = list.toString();
      return this;
    }

    /**
     * Sets alterers that depend on the domain being searched, such as {@link
     * RandomShiftMutator#pygad(Domain)}, built afresh for each run's domain.
     *
     * @param factory makes the alterers, applied in order to the offspring, for a domain; they
     *     must be stateless, as for {@link #alterers(Alterer, Alterer[])}
     * @param description how {@link JeneticsOptimizer#description()} names them, e.g. {@code
     *     "[PairedSinglePointCrossover, RandomShiftMutator.pygad(domain)]"}
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder domainAlterers(
        Function<Domain, List<Alterer<DoubleGene, Double>>> factory, String description) {
      this.alterers = nonNull(factory, "factory");
      this.alterersDescription = nonNull(description, "description");
      return this;
    }

    /**
     * Sets the maximal age of a phenotype, in generations, before Jenetics replaces it by a new
     * random one.
     *
     * @param maximalPhenotypeAge the maximal age, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code maximalPhenotypeAge <= 0}
     */
    public Builder maximalPhenotypeAge(long maximalPhenotypeAge) {
      this.maximalPhenotypeAge = Requires.positive(maximalPhenotypeAge, "maximalPhenotypeAge");
      return this;
    }

    /**
     * Evaluates the objective on this executor, one call per point, results placed by index:
     * for an expensive, thread-safe truth. Without it, each generation is one batched {@code
     * evaluateAll} call on the calling thread (best for a proxy). The engine's own operators stay
     * serial either way, so results do not depend on this choice.
     *
     * @param executor the executor, e.g. {@code ForkJoinPool.commonPool()}; the caller owns it
     * @return this builder
     * @throws NullPointerException if {@code executor} is null
     */
    public Builder executor(Executor executor) {
      this.executor = nonNull(executor, "executor");
      return this;
    }

    /**
     * Chooses the seed study's fitness {@code 1 / (|f| + 1e-6)}, maximized (drives the objective
     * to 0), instead of minimizing {@code f}.
     *
     * @param driveToZero true for the seed's fitness
     * @return this builder
     */
    public Builder driveToZero(boolean driveToZero) {
      this.driveToZero = driveToZero;
      return this;
    }

    /**
     * Returns an immutable optimizer with the current settings.
     *
     * @return the optimizer
     */
    public JeneticsOptimizer build() {
      return new JeneticsOptimizer(this);
    }
  }
}
