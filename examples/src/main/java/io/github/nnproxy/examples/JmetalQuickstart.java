package io.github.nnproxy.examples;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.jmetal.JmetalPsoOptimizer;
import io.github.nnproxy.jmetal.ProblemModels;
import io.github.nnproxy.jmetal.ProxyProblem;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.util.Locale;
import org.uma.jmetal.algorithm.singleobjective.particleswarmoptimization.StandardPSO2007;
import org.uma.jmetal.problem.doubleproblem.DoubleProblem;
import org.uma.jmetal.problem.singleobjective.Sphere;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.util.evaluator.impl.SequentialSolutionListEvaluator;
import org.uma.jmetal.util.pseudorandom.JMetalRandom;

/**
 * Swaps a jMetal problem for a neural-network proxy of it, leaving the jMetal algorithm code
 * untouched, then runs the seed study's PSO on the proxy and on the truth. Takes a few seconds.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am package -DskipTests
 * java -cp examples/target/nnproxy.jar io.github.nnproxy.examples.JmetalQuickstart
 * }</pre>
 */
public final class JmetalQuickstart {
  private JmetalQuickstart() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    DoubleProblem problem = new Sphere(2); // jMetal's own problem, standing in for an expensive simulation

    // Before: the user's jMetal code on the real problem.
    System.out.println("before: " + runUserCode(problem));

    // Train a small proxy from the problem itself (4,000 uniform samples, a few seconds).
    ForwardModel truth = ProblemModels.of(problem);
    Proxy proxy =
        ProxyTrainer.builder()
            .hiddenLayers(32, 32)
            .epochs(40)
            .batchSize(32)
            .patience(40)
            .build()
            .train(truth, Samplers.uniform(), 4_000, 42L);
    System.out.println("proxy:  " + proxy.quality());

    // After: the same code, only the problem is swapped. (BatchSolutionListEvaluator.of() in place
    // of the sequential evaluator would score each swarm with one batched proxy call.)
    System.out.println("after:  " + runUserCode(ProxyProblem.of(problem, proxy)));

    // The seed study's global-best PSO (100 particles, 1000 iterations) on proxy and truth.
    JmetalPsoOptimizer pso = JmetalPsoOptimizer.paper();
    for (long seed = 1; seed <= 3; seed++) {
      Optimum onProxy = pso.minimize(proxy, seed);
      Optimum onTruth = pso.minimize(truth, seed);
      System.out.printf(
          Locale.ROOT,
          "%s seed %d: proxy -> x=(%.4f, %.4f), true f=%.4f, distance to 0 = %.4f | truth -> "
              + "distance %.2e | %d evaluations each%n",
          pso.name(),
          seed,
          onProxy.x()[0],
          onProxy.x()[1],
          truth.evaluate(onProxy.x()),
          onProxy.distanceTo(new double[2]),
          onTruth.distanceTo(new double[2]),
          onProxy.evaluations());
    }
    System.out.println(
        "The swarm converges to the proxy's minimum every time; how far that is from the true one "
            + "is the proxy's error, not the optimizer's (compare with the runs on the truth).");
  }

  /** Plain jMetal code, as a user already has it: SPSO2007 on some DoubleProblem. */
  private static String runUserCode(DoubleProblem problem) {
    JMetalRandom.getInstance().setSeed(7);
    long start = System.nanoTime();
    StandardPSO2007 algorithm =
        new StandardPSO2007(problem, 40, 250, 3, new SequentialSolutionListEvaluator<>());
    algorithm.run();
    DoubleSolution best = algorithm.result();
    return String.format(
        Locale.ROOT,
        "%s: x=(%.4f, %.4f), f=%.4f in %d ms",
        problem.name(),
        best.variables().get(0),
        best.variables().get(1),
        best.objectives()[0],
        (System.nanoTime() - start) / 1_000_000);
  }
}
