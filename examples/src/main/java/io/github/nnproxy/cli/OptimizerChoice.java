package io.github.nnproxy.cli;

import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.jmetal.JmetalPsoOptimizer;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.study.SeedColumn;
import io.github.nnproxy.study.StudyOptimizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The catalogue of optimizers the command line knows by a short name, each with the seed-study
 * column it fills in a study.
 *
 * <p>{@code pso} and {@code ga} are the seed study's optimizers and fill its PSO and GA columns;
 * the others are reported under their own names beside them. Immutable.
 *
 * <pre>{@code
 * OptimizerChoice c = OptimizerChoice.parse("ga-pso-budget");
 * Optimum best = c.optimizer().minimize(proxy, 7L);
 * }</pre>
 */
public enum OptimizerChoice {
  /** The seed's global-best PSO, 100 particles x 1000 iterations (jMetal); the PSO column. */
  PSO("pso", SeedColumn.PSO, JmetalPsoOptimizer::paper),
  /**
   * The seed's global-best PSO with jMetal's own movement rules instead of pyswarms' (per-particle
   * random factors, clamped bounds, zero initial velocities): what {@code pso} was before 0.2.
   */
  PSO_JMETAL_RULES("pso-jmetal-rules", SeedColumn.NONE, JmetalPsoOptimizer::jmetalRules),
  /** The seed's GA, population 10 x 100 generations (Jenetics); the GA column. */
  GA("ga", SeedColumn.GA, JeneticsOptimizer::paper),
  /** jMetal's StandardPSO2007, 100 particles x 1000 iterations. */
  SPSO2007("spso2007", SeedColumn.NONE, JmetalPsoOptimizer::spso2007),
  /** jMetal's StandardPSO2011, 100 particles x 1000 iterations. */
  SPSO2011("spso2011", SeedColumn.NONE, JmetalPsoOptimizer::spso2011),
  /** Jenetics' own defaults (population 50, 100 generations). */
  GA_DEFAULTS("ga-defaults", SeedColumn.NONE, JeneticsOptimizer::defaults),
  /** The seed's GA given the seed PSO's budget of 100,000 evaluations. */
  GA_PSO_BUDGET("ga-pso-budget", SeedColumn.NONE, OptimizerChoice::gaWithPsoBudget);

  private final String key;
  private final SeedColumn column;
  private final Supplier<Optimizer> factory;

  OptimizerChoice(String key, SeedColumn column, Supplier<Optimizer> factory) {
    this.key = key;
    this.column = column;
    this.factory = factory;
  }

  /**
   * Returns the name used on the command line, e.g. {@code "ga-pso-budget"}.
   *
   * @return the name
   */
  public String key() {
    return key;
  }

  /**
   * Returns {@link #key()}, as help texts show it.
   *
   * @return the name
   */
  @Override
  public String toString() {
    return key();
  }

  /**
   * Returns the seed-study column this optimizer fills in a study.
   *
   * @return the column
   */
  public SeedColumn column() {
    return column;
  }

  /**
   * Creates the optimizer.
   *
   * @return a new optimizer
   */
  public Optimizer optimizer() {
    return factory.get();
  }

  /**
   * Creates the optimizer as a study entry, labelled with the optimizer's own name.
   *
   * @return the study optimizer
   */
  public StudyOptimizer studyOptimizer() {
    return StudyOptimizer.of(optimizer(), column);
  }

  /**
   * Finds an optimizer by its command-line name, ignoring case and accepting {@code _} for
   * {@code -}.
   *
   * @param text the name
   * @return the choice
   * @throws IllegalArgumentException if no optimizer has that name
   */
  public static OptimizerChoice parse(String text) {
    String k = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (OptimizerChoice c : values()) {
      if (c.key.equals(k)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "optimizer must be one of " + keys() + ", but was '" + text + "'");
  }

  /**
   * Returns every command-line name, comma-separated.
   *
   * @return the names
   */
  public static String keys() {
    return Arrays.stream(values()).map(OptimizerChoice::key).collect(Collectors.joining(", "));
  }

  private static Optimizer gaWithPsoBudget() {
    long budget = JmetalPsoOptimizer.paper().evaluationsPerRun();
    return JeneticsOptimizer.paper().toBuilder()
        .name("jenetics-ga-paper-pso-budget")
        .evaluations(budget)
        .build();
  }
}
