package io.github.nnproxy.examples;

import io.github.nnproxy.jmetal.JmetalPsoOptimizer;
import java.util.concurrent.ExecutionException;

/**
 * Runs the seed's PSO on the TRUE Ackley, Rastrigin and Rosenbrock functions in 2, 4 and 10
 * dimensions with pyswarms' rules ({@link JmetalPsoOptimizer#paper()}) and with jMetal's ({@link
 * JmetalPsoOptimizer#jmetalRules()}), seeds 1..n, and prints the mean and standard deviation of
 * the distance to the true minimizer as a Markdown table, to be read beside the real pyswarms'
 * figures (the reference script in jmetal-proxy's test resources, {@code pyswarms_reference.py}).
 *
 * <pre>{@code
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.PsoRules [seeds] [threads]
 *     # default: 50 seeds, 2 threads
 * }</pre>
 */
public final class PsoRules {
  private PsoRules() {}

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
    RuleRuns.printTable("paper() (pyswarms' rules)", JmetalPsoOptimizer.paper(), "jmetalRules()", JmetalPsoOptimizer.jmetalRules(), seeds, threads);
  }
}
