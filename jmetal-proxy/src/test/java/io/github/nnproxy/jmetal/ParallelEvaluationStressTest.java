package io.github.nnproxy.jmetal;

import io.github.nnproxy.proxy.ProxyTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nnproxy.proxy.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.uma.jmetal.algorithm.singleobjective.particleswarmoptimization.StandardPSO2007;
import org.uma.jmetal.component.algorithm.ParticleSwarmOptimizationAlgorithm;
import org.uma.jmetal.component.catalogue.common.evaluation.Evaluation;
import org.uma.jmetal.component.catalogue.common.evaluation.impl.MultiThreadedEvaluation;
import org.uma.jmetal.component.catalogue.common.evaluation.impl.SequentialEvaluation;
import org.uma.jmetal.component.catalogue.common.solutionscreation.impl.RandomSolutionsCreation;
import org.uma.jmetal.component.catalogue.common.termination.impl.TerminationByEvaluations;
import org.uma.jmetal.component.catalogue.pso.globalbestinitialization.impl.DefaultGlobalBestInitialization;
import org.uma.jmetal.component.catalogue.pso.globalbestselection.impl.BinaryTournamentGlobalBestSelection;
import org.uma.jmetal.component.catalogue.pso.globalbestupdate.impl.DefaultGlobalBestUpdate;
import org.uma.jmetal.component.catalogue.pso.inertiaweightcomputingstrategy.impl.ConstantValueStrategy;
import org.uma.jmetal.component.catalogue.pso.localbestinitialization.impl.DefaultLocalBestInitialization;
import org.uma.jmetal.component.catalogue.pso.localbestupdate.impl.DefaultLocalBestUpdate;
import org.uma.jmetal.component.catalogue.pso.positionupdate.impl.DefaultPositionUpdate;
import org.uma.jmetal.component.catalogue.pso.velocityinitialization.impl.DefaultVelocityInitialization;
import org.uma.jmetal.component.catalogue.pso.velocityupdate.impl.DefaultVelocityUpdate;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.util.archive.impl.CrowdingDistanceArchive;
import org.uma.jmetal.util.comparator.ObjectiveComparator;
import org.uma.jmetal.util.comparator.dominanceComparator.impl.DefaultDominanceComparator;
import org.uma.jmetal.util.evaluator.SolutionListEvaluator;
import org.uma.jmetal.util.evaluator.impl.MultiThreadedSolutionListEvaluator;
import org.uma.jmetal.util.evaluator.impl.SequentialSolutionListEvaluator;

/**
 * Concurrency stress for the jMetal adapter on a shared proxy: a {@link ProxyProblem} evaluated by
 * jMetal's multi-threaded evaluators ({@link MultiThreadedSolutionListEvaluator} for the classic
 * algorithms, {@link MultiThreadedEvaluation} for the component ones) gives, bit for bit, the
 * values and the whole seeded run of sequential evaluation.
 *
 * <p>Note: both jMetal evaluators run on {@code parallelStream()}, so on the common fork-join
 * pool; their thread count only takes effect through a JVM-wide property set before that pool is
 * first used (api-notes, gotcha 6). Whatever the pool's size, the values must not change.
 */
class ParallelEvaluationStressTest {
  static final int THREADS = 8;

  static List<DoubleSolution> swarm(ProxyProblem p, int n, long seed) {
    return JmetalRandomScope.run(seed, () -> {
      List<DoubleSolution> s = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        s.add(p.createSolution());
      }
      return s;
    });
  }

  static void assertSameBits(List<DoubleSolution> expected, List<DoubleSolution> actual) {
    assertEquals(expected.size(), actual.size());
    int wrong = 0;
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).variables().equals(actual.get(i).variables())
          || Double.doubleToRawLongBits(expected.get(i).objectives()[0])
              != Double.doubleToRawLongBits(actual.get(i).objectives()[0])) {
        wrong++;
      }
    }
    assertEquals(0, wrong, "solutions differing from sequential evaluation");
  }

  @Test
  void multiThreadedEvaluatorsGiveTheSequentialValuesOnFiftyThousandSolutions() {
    Proxy proxy = ProxyTestSupport.smallAckleyProxy();
    ProxyProblem p = ProxyProblem.of(proxy);
    List<DoubleSolution> expected = swarm(p, 50_000, 1L);
    List<DoubleSolution> listEvaluated = swarm(p, 50_000, 1L);
    List<DoubleSolution> componentEvaluated = swarm(p, 50_000, 1L);
    new SequentialSolutionListEvaluator<DoubleSolution>().evaluate(expected, p);

    MultiThreadedSolutionListEvaluator<DoubleSolution> mt =
        new MultiThreadedSolutionListEvaluator<>(THREADS);
    try {
      mt.evaluate(listEvaluated, p);
    } finally {
      mt.shutdown();
    }
    MultiThreadedEvaluation<DoubleSolution> component = new MultiThreadedEvaluation<>(THREADS, p);
    component.evaluate(componentEvaluated);

    assertSameBits(expected, listEvaluated);
    assertSameBits(expected, componentEvaluated);
    assertEquals(50_000, component.computedEvaluations());
    assertEquals(150_000, p.evaluations(), "no evaluation lost by the counter");
  }

  /** A seeded SPSO2007 run (jMetal's own class, user-built) with the given list evaluator. */
  static DoubleSolution spso2007(ProxyProblem p, SolutionListEvaluator<DoubleSolution> e) {
    return JmetalRandomScope.run(11L, () -> {
      StandardPSO2007 pso = new StandardPSO2007(p, 0, 100, 100, 3, e);
      pso.run();
      return pso.result();
    });
  }

  /** A seeded component gbest PSO (the paper's) with the given evaluation. */
  static DoubleSolution componentPso(
      ProxyProblem p, Function<ProxyProblem, Evaluation<DoubleSolution>> evaluation) {
    return JmetalRandomScope.run(11L, () -> {
      ParticleSwarmOptimizationAlgorithm pso = new ParticleSwarmOptimizationAlgorithm(
          "stress",
          new RandomSolutionsCreation<>(p, 100),
          evaluation.apply(p),
          new TerminationByEvaluations(100 * 100),
          new DefaultVelocityInitialization(),
          new DefaultLocalBestInitialization(),
          new DefaultGlobalBestInitialization(),
          new ConstantValueStrategy(0.9),
          new DefaultVelocityUpdate(0.5, 0.5, 0.3, 0.3),
          new DefaultPositionUpdate(-1.0, -1.0, p.variableBounds()),
          swarm -> swarm,
          new DefaultGlobalBestUpdate(),
          new DefaultLocalBestUpdate(new DefaultDominanceComparator<>()),
          new BinaryTournamentGlobalBestSelection(new ObjectiveComparator<>(0)),
          new CrowdingDistanceArchive<>(1));
      pso.run();
      return pso.result().get(0);
    });
  }

  @Test
  void spso2007UnderTheMultiThreadedListEvaluatorRepeatsTheSequentialRun() {
    Proxy proxy = ProxyTestSupport.smallAckleyProxy();
    ProxyProblem sequential = ProxyProblem.of(proxy);
    ProxyProblem threaded = ProxyProblem.of(proxy);
    DoubleSolution expected = spso2007(sequential, new SequentialSolutionListEvaluator<>());
    MultiThreadedSolutionListEvaluator<DoubleSolution> mt =
        new MultiThreadedSolutionListEvaluator<>(THREADS);
    DoubleSolution actual;
    try {
      actual = spso2007(threaded, mt);
    } finally {
      mt.shutdown();
    }
    assertSameBits(List.of(expected), List.of(actual));
    assertEquals(sequential.evaluations(), threaded.evaluations());
  }

  @Test
  void componentPsoUnderMultiThreadedEvaluationRepeatsTheSequentialRun() {
    Proxy proxy = ProxyTestSupport.smallAckleyProxy();
    ProxyProblem sequential = ProxyProblem.of(proxy);
    ProxyProblem threaded = ProxyProblem.of(proxy);
    DoubleSolution expected = componentPso(sequential, SequentialEvaluation::new);
    DoubleSolution actual = componentPso(threaded, p -> new MultiThreadedEvaluation<>(THREADS, p));
    DoubleSolution batched = componentPso(ProxyProblem.of(proxy), BatchEvaluation::of);
    assertSameBits(List.of(expected), List.of(actual));
    assertSameBits(List.of(expected), List.of(batched));
    assertEquals(sequential.evaluations(), threaded.evaluations());
  }
}
