package io.github.nnproxy.jmetal;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.internal.Requires;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import java.util.List;
import org.uma.jmetal.algorithm.singleobjective.particleswarmoptimization.StandardPSO2007;
import org.uma.jmetal.algorithm.singleobjective.particleswarmoptimization.StandardPSO2011;
import org.uma.jmetal.component.algorithm.ParticleSwarmOptimizationAlgorithm;
import org.uma.jmetal.component.catalogue.common.solutionscreation.impl.RandomSolutionsCreation;
import org.uma.jmetal.component.catalogue.common.termination.impl.TerminationByEvaluations;
import org.uma.jmetal.component.catalogue.pso.globalbestinitialization.impl.DefaultGlobalBestInitialization;
import org.uma.jmetal.component.catalogue.pso.globalbestselection.GlobalBestSelection;
import org.uma.jmetal.component.catalogue.pso.globalbestselection.impl.BinaryTournamentGlobalBestSelection;
import org.uma.jmetal.component.catalogue.pso.globalbestupdate.GlobalBestUpdate;
import org.uma.jmetal.component.catalogue.pso.localbestupdate.LocalBestUpdate;
import org.uma.jmetal.component.catalogue.pso.positionupdate.PositionUpdate;
import org.uma.jmetal.component.catalogue.pso.velocityinitialization.VelocityInitialization;
import org.uma.jmetal.component.catalogue.pso.velocityupdate.VelocityUpdate;
import org.uma.jmetal.component.catalogue.pso.globalbestupdate.impl.DefaultGlobalBestUpdate;
import org.uma.jmetal.component.catalogue.pso.inertiaweightcomputingstrategy.impl.ConstantValueStrategy;
import org.uma.jmetal.component.catalogue.pso.localbestinitialization.impl.DefaultLocalBestInitialization;
import org.uma.jmetal.component.catalogue.pso.localbestupdate.impl.DefaultLocalBestUpdate;
import org.uma.jmetal.component.catalogue.pso.perturbation.Perturbation;
import org.uma.jmetal.component.catalogue.pso.positionupdate.impl.DefaultPositionUpdate;
import org.uma.jmetal.component.catalogue.pso.velocityinitialization.impl.DefaultVelocityInitialization;
import org.uma.jmetal.component.catalogue.pso.velocityupdate.impl.DefaultVelocityUpdate;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.util.archive.BoundedArchive;
import org.uma.jmetal.util.archive.impl.CrowdingDistanceArchive;
import org.uma.jmetal.util.comparator.ObjectiveComparator;
import org.uma.jmetal.util.comparator.dominanceComparator.impl.DefaultDominanceComparator;

/**
 * Particle swarm optimizers of jMetal 6.6 behind nnproxy's {@link Optimizer} seam: the seed
 * study's global-best PSO, built from jmetal-component's PSO catalogue, and jMetal's
 * StandardPSO2007 and StandardPSO2011 for comparison.
 *
 * <pre>{@code
 * Optimizer pso = JmetalPsoOptimizer.paper();                  // 100 particles, 1000 iterations
 * Optimum onProxy = pso.minimize(proxy, 7L);
 * Optimizer spso = JmetalPsoOptimizer.spso2011().toBuilder().swarmSize(40).iterations(500).build();
 * Optimizer calmer = JmetalPsoOptimizer.paper().toBuilder().inertia(0.7).build();
 * }</pre>
 *
 * <ul>
 *   <li>{@link #paper()}: the seed's PSO run as pyswarms 1.3.0's {@code GlobalBestPSO} runs it
 *       (100 particles, 1000 iterations, {@code w = 0.9}, {@code c1 = 0.5}, {@code c2 = 0.3},
 *       periodic bounds), from jMetal components and nnproxy's pyswarms rules ({@link
 *       CoordinateWiseVelocityUpdate}, {@link PeriodicPositionUpdate}, {@link
 *       UniformVelocityInitialization#pyswarms()}, {@link StrictLocalBestUpdate}).
 *   <li>{@link #jmetalRules()}: the same swarm and coefficients with jMetal's catalogue rules, to
 *       show what the rules change.
 *   <li>{@link #spso2007()}, {@link #spso2011()}: jMetal's standard PSOs with their fixed
 *       constants ({@link #SPSO_INERTIA}, {@link #SPSO_ACCELERATION}) and {@value
 *       #SPSO_INFORMANTS} informants.
 * </ul>
 *
 * <p>Invariants: a run makes exactly {@code swarmSize * iterations} objective evaluations, the
 * initial swarm included, as pyswarms' {@code optimize(iters)} does. The same objective and seed
 * give an equal {@link Optimum} for every variant, whether runs are sequential or on many threads
 * at once: each run draws from its own seeded generator bound to its thread, also inside
 * StandardPSO2011, whose constructor would otherwise seed from the clock. Code outside nnproxy
 * that replaces {@code JMetalRandom}'s generator during a run breaks that run's reproducibility. Random streams differ from NumPy's, so runs agree with
 * pyswarms in distribution, not draw for draw. docs/jmetal-pso.md explains the rules, the
 * remaining differences from pyswarms and the reproducibility mechanism in full.
 *
 * <p>Immutable and thread-safe.
 */
public final class JmetalPsoOptimizer implements Optimizer {

  /** The seed study's swarm size. */
  public static final int PAPER_SWARM_SIZE = 100;

  /** The seed study's number of iterations. */
  public static final int PAPER_ITERATIONS = 1000;

  /** The seed study's inertia weight {@code w}. */
  public static final double PAPER_INERTIA = 0.9;

  /** The seed study's cognitive coefficient {@code c1}. */
  public static final double PAPER_C1 = 0.5;

  /** The seed study's social coefficient {@code c2}. */
  public static final double PAPER_C2 = 0.3;

  /** The number of informants of each particle in the SPSO variants (jMetal's default). */
  public static final int SPSO_INFORMANTS = 3;

  /** The inertia weight jMetal's StandardPSO2007 and StandardPSO2011 use: {@code 1 / (2 ln 2)}. */
  public static final double SPSO_INERTIA = 1.0 / (2.0 * Math.log(2.0));

  /**
   * The cognitive and social coefficient jMetal's StandardPSO2007 and StandardPSO2011 use:
   * {@code 1/2 + ln 2}.
   */
  public static final double SPSO_ACCELERATION = 0.5 + Math.log(2.0);

  private enum Variant {
    PAPER("jmetal-pso-paper"),
    JMETAL_RULES("jmetal-pso-jmetal-rules"),
    SPSO2007("jmetal-spso2007"),
    SPSO2011("jmetal-spso2011");

    final String label;

    Variant(String label) {
      this.label = label;
    }

    boolean globalBest() {
      return this == PAPER || this == JMETAL_RULES;
    }
  }

  private final Variant variant;
  private final int swarmSize;
  private final int iterations;
  private final double inertia;
  private final double cognitive;
  private final double social;

  private JmetalPsoOptimizer(Builder b) {
    this.variant = b.variant;
    this.swarmSize = b.swarmSize;
    this.iterations = b.iterations;
    this.inertia = b.inertia;
    this.cognitive = b.cognitive;
    this.social = b.social;
  }

  private static JmetalPsoOptimizer of(Variant variant) {
    return new Builder(variant).build();
  }

  /**
   * Returns a builder preset to {@link #paper()}: the seed study's global-best PSO, whose swarm,
   * budget and coefficients can then be changed.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(Variant.PAPER);
  }

  /**
   * Returns a builder holding this optimizer's variant and settings, to derive a variant from it.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(variant);
    b.swarmSize = swarmSize;
    b.iterations = iterations;
    b.inertia = inertia;
    b.cognitive = cognitive;
    b.social = social;
    return b;
  }

  /**
   * Returns the seed study's global-best PSO: 100 particles, 1000 iterations, {@code w = 0.9},
   * {@code c1 = 0.5}, {@code c2 = 0.3}, bounded by the domain (see the class comment).
   *
   * @return the optimizer
   */
  public static JmetalPsoOptimizer paper() {
    return of(Variant.PAPER);
  }

  /**
   * Returns the seed study's global-best PSO with jMetal's own movement rules instead of
   * pyswarms': {@code r1}, {@code r2} drawn once per particle ({@code DefaultVelocityUpdate}),
   * coordinates clamped to the box with the velocity reversed ({@code DefaultPositionUpdate(-1,
   * -1)}), zero initial velocities, personal and global bests replaced on ties. Same swarm,
   * iterations and coefficients as {@link #paper()}. This was {@code paper()} before it followed
   * pyswarms; it stays so that a study can show what the rules change, on the truth and on a proxy.
   *
   * @return the optimizer
   */
  public static JmetalPsoOptimizer jmetalRules() {
    return of(Variant.JMETAL_RULES);
  }

  /**
   * Returns jMetal's StandardPSO2007 with 100 particles and 1000 iterations (change them with
   * {@link #withSwarmSize(int)} and {@link #withIterations(int)}).
   *
   * @return the optimizer
   */
  public static JmetalPsoOptimizer spso2007() {
    return of(Variant.SPSO2007);
  }

  /**
   * Returns jMetal's StandardPSO2011 with 100 particles and 1000 iterations (change them with
   * {@link #withSwarmSize(int)} and {@link #withIterations(int)}), made reproducible as the class
   * comment explains.
   *
   * @return the optimizer
   */
  public static JmetalPsoOptimizer spso2011() {
    return of(Variant.SPSO2011);
  }

  /**
   * Returns a copy of this optimizer with another swarm size; the same as {@code
   * toBuilder().swarmSize(swarmSize).build()}.
   *
   * @param swarmSize the number of particles; {@code > 0}, and {@code > 3} for the SPSO variants,
   *     whose particles each need {@value #SPSO_INFORMANTS} other informants
   * @return the new optimizer
   * @throws IllegalArgumentException if {@code swarmSize} is too small
   */
  public JmetalPsoOptimizer withSwarmSize(int swarmSize) {
    return toBuilder().swarmSize(swarmSize).build();
  }

  /**
   * Returns a copy of this optimizer with another number of iterations; the same as {@code
   * toBuilder().iterations(iterations).build()}.
   *
   * @param iterations the number of swarm evaluations, the initial one included, {@code > 0}
   * @return the new optimizer
   * @throws IllegalArgumentException if {@code iterations <= 0}
   */
  public JmetalPsoOptimizer withIterations(int iterations) {
    return toBuilder().iterations(iterations).build();
  }

  /**
   * Returns the swarm size.
   *
   * @return the number of particles
   */
  public int swarmSize() {
    return swarmSize;
  }

  /**
   * Returns the number of iterations.
   *
   * @return the number of swarm evaluations per run, the initial one included
   */
  public int iterations() {
    return iterations;
  }

  /**
   * Returns the inertia weight {@code w}: {@value #PAPER_INERTIA} for the seed's settings, {@link
   * #SPSO_INERTIA} for the SPSO variants.
   *
   * @return the inertia weight
   */
  public double inertia() {
    return inertia;
  }

  /**
   * Returns the cognitive coefficient {@code c1} (pull towards the particle's own best): {@value
   * #PAPER_C1} for the seed's settings, {@link #SPSO_ACCELERATION} for the SPSO variants.
   *
   * @return the cognitive coefficient
   */
  public double cognitive() {
    return cognitive;
  }

  /**
   * Returns the social coefficient {@code c2} (pull towards the swarm's or the neighbourhood's
   * best): {@value #PAPER_C2} for the seed's settings, {@link #SPSO_ACCELERATION} for the SPSO
   * variants.
   *
   * @return the social coefficient
   */
  public double social() {
    return social;
  }

  /**
   * Returns the number of objective evaluations one run makes.
   *
   * @return {@code swarmSize() * iterations()}
   */
  public long evaluationsPerRun() {
    return (long) swarmSize * iterations;
  }

  /**
   * Returns {@code "jmetal-pso-paper"}, {@code "jmetal-pso-jmetal-rules"}, {@code
   * "jmetal-spso2007"} or {@code "jmetal-spso2011"}.
   *
   * @return the variant's name
   */
  @Override
  public String name() {
    return variant.label;
  }

  /**
   * Minimizes the objective over its domain with this PSO variant; reproducible and thread-safe
   * (see the class comment).
   *
   * @param objective the function to minimize, e.g. a proxy or the truth
   * @param seed the seed of the run's random stream
   * @return the best position found (inside the domain), the objective's value there, and the
   *     number of objective evaluations made ({@code swarmSize * iterations})
   * @throws NullPointerException if {@code objective} is null
   * @throws IllegalStateException if the objective returns NaN, or (SPSO2011) if called from inside
   *     another run's objective on the same thread
   */
  @Override
  public Optimum minimize(ForwardModel objective, long seed) {
    nonNull(objective, "objective");
    ProxyProblem problem = ProxyProblem.of(objective, name());
    DoubleSolution best =
        JmetalRandomScope.run(
            seed,
            () ->
                switch (variant) {
                  case PAPER -> runPaper(problem);
                  case JMETAL_RULES -> runJmetalRules(problem);
                  case SPSO2007 -> runSpso2007(problem);
                  case SPSO2011 -> runSpso2011(problem);
                });
    return Optimum.of(
        CoordinateWiseVelocityUpdate.values(best), best.objectives()[0], problem.evaluations());
  }

  private DoubleSolution runPaper(ProxyProblem problem) {
    GlobalBestSelection sole = leaders -> leaders.get(0);
    return runGlobalBest(
        problem,
        UniformVelocityInitialization.pyswarms(),
        new CoordinateWiseVelocityUpdate(cognitive, social),
        new PeriodicPositionUpdate(problem.variableBounds()),
        JmetalPsoOptimizer::updateGlobalBestStrictly,
        new StrictLocalBestUpdate(),
        sole);
  }

  /** Offers the swarm's best particle to the one-slot archive only if it is strictly better. */
  private static BoundedArchive<DoubleSolution> updateGlobalBestStrictly(
      List<DoubleSolution> swarm, BoundedArchive<DoubleSolution> globalBest) {
    DoubleSolution best = swarm.get(0);
    for (DoubleSolution s : swarm) {
      if (s.objectives()[0] < best.objectives()[0]) {
        best = s;
      }
    }
    List<DoubleSolution> current = globalBest.solutions();
    if (current.isEmpty() || best.objectives()[0] < current.get(0).objectives()[0]) {
      globalBest.add((DoubleSolution) best.copy());
    }
    return globalBest;
  }

  private DoubleSolution runJmetalRules(ProxyProblem problem) {
    return runGlobalBest(
        problem,
        new DefaultVelocityInitialization(),
        new DefaultVelocityUpdate(cognitive, cognitive, social, social),
        new DefaultPositionUpdate(-1.0, -1.0, problem.variableBounds()),
        new DefaultGlobalBestUpdate(),
        new DefaultLocalBestUpdate(new DefaultDominanceComparator<>()),
        new BinaryTournamentGlobalBestSelection(new ObjectiveComparator<>(0)));
  }

  /**
   * The seed's global-best PSO (swarm, budget, w, no perturbation, a one-slot archive holding the
   * global best) with the movement rules given.
   */
  private DoubleSolution runGlobalBest(
      ProxyProblem problem,
      VelocityInitialization velocityInitialization,
      VelocityUpdate velocityUpdate,
      PositionUpdate positionUpdate,
      GlobalBestUpdate globalBestUpdate,
      LocalBestUpdate localBestUpdate,
      GlobalBestSelection globalBestSelection) {
    Perturbation none = swarm -> swarm;
    ParticleSwarmOptimizationAlgorithm pso =
        new ParticleSwarmOptimizationAlgorithm(
            name(),
            new RandomSolutionsCreation<>(problem, swarmSize),
            BatchEvaluation.of(problem),
            new TerminationByEvaluations(swarmSize * iterations),
            velocityInitialization,
            new DefaultLocalBestInitialization(),
            new DefaultGlobalBestInitialization(),
            new ConstantValueStrategy(inertia),
            velocityUpdate,
            positionUpdate,
            none,
            globalBestUpdate,
            localBestUpdate,
            globalBestSelection,
            new CrowdingDistanceArchive<>(1));
    pso.run();
    return pso.result().get(0);
  }

  private DoubleSolution runSpso2007(ProxyProblem problem) {
    StandardPSO2007 pso =
        new StandardPSO2007(
            problem, 0, swarmSize, iterations, SPSO_INFORMANTS, BatchSolutionListEvaluator.of());
    pso.run();
    return pso.result();
  }

  private DoubleSolution runSpso2011(ProxyProblem problem) {
    StandardPSO2011 pso =
        JmetalRandomScope.constructSpso2011(
            () ->
                new StandardPSO2011(
                    problem,
                    0,
                    swarmSize,
                    iterations,
                    SPSO_INFORMANTS,
                    BatchSolutionListEvaluator.of()));
    pso.run();
    return pso.result();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JmetalPsoOptimizer p
        && variant == p.variant
        && swarmSize == p.swarmSize
        && iterations == p.iterations
        && Double.compare(inertia, p.inertia) == 0
        && Double.compare(cognitive, p.cognitive) == 0
        && Double.compare(social, p.social) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(variant, swarmSize, iterations, inertia, cognitive, social);
  }

  /**
   * Returns the variant, swarm size and iterations, and the coefficients where they differ from the
   * seed study's, which with the seed fix the results.
   *
   * @return the description
   */
  @Override
  public String description() {
    String rules = switch (variant) {
      case PAPER -> ", rules=pyswarms";
      case JMETAL_RULES -> ", rules=jmetal";
      default -> "";
    };
    String coefficients =
        !variant.globalBest()
                || (inertia == PAPER_INERTIA && cognitive == PAPER_C1 && social == PAPER_C2)
            ? ""
            : ", w=" + inertia + ", c1=" + cognitive + ", c2=" + social;
    return "JmetalPsoOptimizer[" + variant.label + rules + ", swarmSize=" + swarmSize
        + ", iterations=" + iterations + coefficients + "]";
  }

  @Override
  public String toString() {
    return description();
  }

  /**
   * Builds a {@link JmetalPsoOptimizer}: the variant comes from the factory the builder started
   * from ({@link JmetalPsoOptimizer#builder()} is the seed's PSO, {@code spso2011().toBuilder()}
   * is StandardPSO2011, and so on); the swarm, the budget and, for the global-best variants, the
   * coefficients are settings. Not thread-safe; the optimizers it builds are immutable.
   */
  public static final class Builder {
    private final Variant variant;
    private int swarmSize = PAPER_SWARM_SIZE;
    private int iterations = PAPER_ITERATIONS;
    private double inertia;
    private double cognitive;
    private double social;

    private Builder(Variant variant) {
      this.variant = variant;
      boolean seeds = variant.globalBest();
      this.inertia = seeds ? PAPER_INERTIA : SPSO_INERTIA;
      this.cognitive = seeds ? PAPER_C1 : SPSO_ACCELERATION;
      this.social = seeds ? PAPER_C2 : SPSO_ACCELERATION;
    }

    /**
     * Sets the swarm size.
     *
     * @param swarmSize the number of particles; {@code > 0}, and {@code > 3} for the SPSO
     *     variants, whose particles each need {@value #SPSO_INFORMANTS} other informants
     * @return this builder
     * @throws IllegalArgumentException if {@code swarmSize} is too small
     */
    public Builder swarmSize(int swarmSize) {
      Requires.positive(swarmSize, "swarmSize");
      if (!variant.globalBest() && swarmSize <= SPSO_INFORMANTS) {
        throw new IllegalArgumentException(
            "swarmSize must be > " + SPSO_INFORMANTS + " for " + variant.label
                + " (each particle informs " + SPSO_INFORMANTS + " others), but was " + swarmSize);
      }
      this.swarmSize = swarmSize;
      return this;
    }

    /**
     * Sets the number of iterations.
     *
     * @param iterations the number of swarm evaluations, the initial one included, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code iterations <= 0}
     */
    public Builder iterations(int iterations) {
      this.iterations = Requires.positive(iterations, "iterations");
      return this;
    }

    /**
     * Sets the inertia weight {@code w} of a global-best variant.
     *
     * @param inertia the weight of the previous velocity, finite and {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code inertia} is negative or not finite, or the
     *     variant is an SPSO one (their constants are jMetal's)
     */
    public Builder inertia(double inertia) {
      this.inertia = coefficient(inertia, "inertia");
      return this;
    }

    /**
     * Sets the cognitive coefficient {@code c1} of a global-best variant.
     *
     * @param cognitive the pull towards the particle's own best, finite and {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code cognitive} is negative or not finite, or the
     *     variant is an SPSO one
     */
    public Builder cognitive(double cognitive) {
      this.cognitive = coefficient(cognitive, "cognitive");
      return this;
    }

    /**
     * Sets the social coefficient {@code c2} of a global-best variant.
     *
     * @param social the pull towards the swarm's best, finite and {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code social} is negative or not finite, or the
     *     variant is an SPSO one
     */
    public Builder social(double social) {
      this.social = coefficient(social, "social");
      return this;
    }

    private double coefficient(double value, String name) {
      if (!variant.globalBest()) {
        throw new IllegalArgumentException(
            variant.label + " uses jMetal's fixed coefficients (w = 1/(2 ln 2), c = 1/2 + ln 2); "
                + "its " + name + " cannot be set, but " + value + " was given");
      }
      return Requires.nonNegative(value, name);
    }

    /**
     * Builds the optimizer.
     *
     * @return the optimizer
     * @throws IllegalArgumentException if {@code swarmSize * iterations} exceeds {@link
     *     Integer#MAX_VALUE} (jMetal counts evaluations in an {@code int})
     */
    public JmetalPsoOptimizer build() {
      if ((long) swarmSize * iterations > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "swarmSize * iterations must be <= " + Integer.MAX_VALUE + " (jMetal counts "
                + "evaluations in an int), but was " + (long) swarmSize * iterations);
      }
      return new JmetalPsoOptimizer(this);
    }
  }
}
