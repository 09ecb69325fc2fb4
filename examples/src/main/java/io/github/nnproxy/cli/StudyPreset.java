package io.github.nnproxy.cli;

import io.github.nnproxy.sampling.SamplingScheme;
import java.util.List;
import java.util.Locale;

/**
 * The grids {@code nnproxy study --preset} starts from; every part can be overridden by an option.
 *
 * <p>{@code quick} runs both frameworks on the seed study's three functions in 2-D with its three
 * sampling schemes, 5 seeds and a small trainer on 3,000 base points, for a first look in
 * seconds. {@code paper} is the seed study's full grid (3 functions x 2, 4, 10-D x 3 schemes x 10
 * seeds, PSO and GA, 10,000 base points) trained with {@code ProxyTrainer.defaults()}
 * (docs/BENCHMARKS.md has the run times of both). Immutable.
 *
 * <pre>{@code
 * StudyPreset p = StudyPreset.QUICK;
 * StabilityStudy.builder().dimensions(p.dimensions()).seeds(p.seeds().seeds());
 * }</pre>
 */
public enum StudyPreset {
  /** A first look at the seed's design in 2-D. */
  QUICK(new int[] {2}, SeedList.count(5), 3_000, TrainerPreset.QUICK),
  /** The seed study's full grid. */
  PAPER(new int[] {2, 4, 10}, SeedList.count(10), SamplingScheme.PAPER_BASE_SIZE,
      TrainerPreset.DEFAULTS);

  private static final List<String> FUNCTIONS = List.of("ackley", "rastrigin", "rosenbrock");
  private static final List<SamplingScheme> SCHEMES = List.of(SamplingScheme.DENSE_UNIFORM,
      SamplingScheme.SPARSE_UNIFORM, SamplingScheme.GAUSSIAN);
  private static final List<OptimizerChoice> OPTIMIZERS =
      List.of(OptimizerChoice.PSO, OptimizerChoice.GA);

  private final int[] dimensions;
  private final SeedList seeds;
  private final int baseSize;
  private final TrainerPreset trainer;

  StudyPreset(int[] dimensions, SeedList seeds, int baseSize, TrainerPreset trainer) {
    this.dimensions = dimensions;
    this.seeds = seeds;
    this.baseSize = baseSize;
    this.trainer = trainer;
  }

  /**
   * Returns the benchmark functions: the seed's Ackley, Rastrigin and Rosenbrock.
   *
   * @return the names
   */
  public List<String> functions() {
    return FUNCTIONS;
  }

  /**
   * Returns the dimensions.
   *
   * @return a copy of the dimensions
   */
  public int[] dimensions() {
    return dimensions.clone();
  }

  /**
   * Returns the sampling schemes: the seed's dense, sparse and Gaussian.
   *
   * @return the schemes
   */
  public List<SamplingScheme> schemes() {
    return SCHEMES;
  }

  /**
   * Returns the optimizers: the seed's PSO (jMetal) and GA (Jenetics).
   *
   * @return the optimizers
   */
  public List<OptimizerChoice> optimizers() {
    return OPTIMIZERS;
  }

  /**
   * Returns the seeds.
   *
   * @return the seeds
   */
  public SeedList seeds() {
    return seeds;
  }

  /**
   * Returns the base (dense) sample size.
   *
   * @return the size
   */
  public int baseSize() {
    return baseSize;
  }

  /**
   * Returns the trainer preset.
   *
   * @return the trainer
   */
  public TrainerPreset trainer() {
    return trainer;
  }

  /**
   * Returns the preset's name on the command line.
   *
   * @return {@code "quick"} or {@code "paper"}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
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
}
