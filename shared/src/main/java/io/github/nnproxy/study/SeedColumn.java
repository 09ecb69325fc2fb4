package io.github.nnproxy.study;

/**
 * Which column of the seed study's published table an optimizer's results are reported beside.
 *
 * <p>The seed study ran a particle swarm (pyswarms) and a genetic algorithm (pygad) on every
 * proxy; a study may run any optimizers, and at most one of them fills each seed column.
 *
 * <pre>{@code
 * StudyOptimizer pso = StudyOptimizer.of(JmetalPsoOptimizer.paper(), SeedColumn.PSO);
 * }</pre>
 */
public enum SeedColumn {
  /** The seed's particle swarm column. */
  PSO,
  /** The seed's genetic algorithm column. */
  GA,
  /** Not compared with a seed column. */
  NONE
}
