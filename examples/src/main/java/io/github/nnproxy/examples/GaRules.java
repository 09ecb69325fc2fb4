package io.github.nnproxy.examples;

import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.jenetics.PairedSinglePointCrossover;
import io.github.nnproxy.jenetics.RandomShiftMutator;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Measures what the crossover's pairing costs the seed's GA: {@link JeneticsOptimizer#paper()}
 * (Jenetics' {@code SinglePointCrossover}, random mates) against the same GA with pygad's pairing
 * ({@link PairedSinglePointCrossover}), on the TRUE Ackley, Rastrigin and Rosenbrock functions in
 * 2, 4 and 10 dimensions, seeds 1..n; prints mean and standard deviation of the distance to the
 * true minimizer as a Markdown table.
 *
 * <pre>{@code
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.GaRules [seeds] [threads]
 *     # default: 50 seeds, 2 threads
 * }</pre>
 */
public final class GaRules {
  private GaRules() {}

  /**
   * Returns the seed's GA with pygad's crossover pairing.
   *
   * @return the optimizer
   */
  static JeneticsOptimizer pairedPaper() {
    return JeneticsOptimizer.paper().toBuilder()
        .name("jenetics-ga-paper-paired")
        .domainAlterers(
            domain -> List.of(new PairedSinglePointCrossover<>(), RandomShiftMutator.pygad(domain)),
            "[PairedSinglePointCrossover, RandomShiftMutator.pygad(domain)]")
        .build();
  }

  /**
   * Runs the comparison and prints the table.
   *
   * @param args number of seeds (default 50) and threads (default 2), both optional
   * @throws InterruptedException if interrupted while waiting for the runs
   * @throws ExecutionException if a run fails
   */
  public static void main(String[] args) throws InterruptedException, ExecutionException {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    RuleRuns.printTable("paper() (Jenetics' pairing)", JeneticsOptimizer.paper(), "pygad's pairing", pairedPaper(), seeds, threads);
  }
}
