package io.github.nnproxy.jmetal;

import io.github.nnproxy.CountingModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.manage.Source;
import io.github.nnproxy.manage.TaggedPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uma.jmetal.algorithm.singleobjective.particleswarmoptimization.StandardPSO2007;
import org.uma.jmetal.component.algorithm.ParticleSwarmOptimizationAlgorithm;
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

class MixedSolutionListEvaluatorTest {
  private static final ForwardModel TRUTH = Benchmarks.rastrigin(2);
  /** A stand-in proxy whose values never equal the truth's, so a wrong tag cannot pass. */
  private static final ForwardModel PROXY =
      ForwardModel.of(TRUTH.domain(), x -> TRUTH.evaluate(x) + 100);

  private static List<DoubleSolution> swarm(ProxyProblem p, int n, long seed) {
    return JmetalRandomScope.run(seed, () -> {
      List<DoubleSolution> list = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        list.add(p.createSolution());
      }
      return list;
    });
  }

  private static double[] x(DoubleSolution s) {
    return s.variables().stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Test
  void everySolutionIsTaggedWithTheModelThatScoredIt() {
    MixedSolutionListEvaluator mixed = MixedSolutionListEvaluator.of(TRUTH, PROXY, 0.25, 3L);
    List<DoubleSolution> list = swarm(mixed.problem(), 40, 1L);
    assertSame(list, mixed.evaluate(list));
    int truths = 0;
    for (DoubleSolution s : list) {
      Source src = MixedSolutionListEvaluator.sourceOf(s);
      assertNotNull(src);
      assertEquals(src, s.attributes().get(MixedSolutionListEvaluator.SOURCE_ATTRIBUTE));
      ForwardModel model = src == Source.TRUTH ? TRUTH : PROXY;
      assertEquals(model.evaluate(x(s)), s.objectives()[0]);
      truths += src == Source.TRUTH ? 1 : 0;
      assertEquals(src, MixedSolutionListEvaluator.sourceOf((DoubleSolution) s.copy()));
    }
    assertEquals(10, truths); // 25% of 40
    assertEquals(10, mixed.truthEvaluations());
    assertEquals(30, mixed.proxyEvaluations());
    assertEquals(40, mixed.computedEvaluations());
    List<TaggedPoint> log = mixed.truthLog();
    assertEquals(10, log.size());
    for (TaggedPoint p : log) {
      assertEquals(TRUTH.evaluate(p.x()), p.value());
      assertEquals(0, p.batch());
    }
    assertNull(MixedSolutionListEvaluator.sourceOf(mixed.problem().createSolution()));
  }

  @Test
  void standardPso2007RunsWithTheShareRespectedAndOneCallPerModelPerSwarm() {
    CountingModel truth = CountingModel.of(TRUTH);
    CountingModel proxy = CountingModel.of(PROXY);
    MixedSolutionListEvaluator mixed = MixedSolutionListEvaluator.of(truth, proxy, 0.1, 5L);
    StandardPSO2007 pso = JmetalRandomScope.run(8L, () -> {
      StandardPSO2007 p = new StandardPSO2007(mixed.problem(), 0, 20, 30, 3, mixed);
      p.run();
      return p;
    });
    long all = mixed.truthEvaluations() + mixed.proxyEvaluations();
    assertEquals(20L * 30, all);
    assertEquals(2 * 30, mixed.truthEvaluations()); // 10% of 20 = exactly 2 per swarm
    assertEquals(mixed.truthEvaluations(), truth.points());
    assertEquals(mixed.proxyEvaluations(), proxy.points());
    assertEquals(30, truth.batchCalls());
    assertEquals(30, proxy.batchCalls());
    assertEquals(0, truth.singleCalls() + proxy.singleCalls());
    assertNotNull(MixedSolutionListEvaluator.sourceOf(pso.result()));
  }

  /** The seed study's component gbest PSO, with the mixed evaluator as its Evaluation. */
  private static ParticleSwarmOptimizationAlgorithm componentPso(MixedSolutionListEvaluator m,
      int swarm, int iterations) {
    ProxyProblem problem = m.problem();
    return new ParticleSwarmOptimizationAlgorithm("mixed", new RandomSolutionsCreation<>(problem,
        swarm), m, new TerminationByEvaluations(swarm * iterations),
        new DefaultVelocityInitialization(), new DefaultLocalBestInitialization(),
        new DefaultGlobalBestInitialization(), new ConstantValueStrategy(0.9),
        new DefaultVelocityUpdate(0.5, 0.5, 0.3, 0.3),
        new DefaultPositionUpdate(-1.0, -1.0, problem.variableBounds()), s -> s,
        new DefaultGlobalBestUpdate(), new DefaultLocalBestUpdate(new DefaultDominanceComparator<>()),
        new BinaryTournamentGlobalBestSelection(new ObjectiveComparator<>(0)),
        new CrowdingDistanceArchive<>(1));
  }

  @Test
  void componentPsoCountsEvaluationsAndIsReproducible() {
    MixedSolutionListEvaluator a = MixedSolutionListEvaluator.of(TRUTH, PROXY, 0.15, 9L);
    MixedSolutionListEvaluator b = MixedSolutionListEvaluator.of(TRUTH, PROXY, 0.15, 9L);
    DoubleSolution ra = JmetalRandomScope.run(4L, () -> {
      ParticleSwarmOptimizationAlgorithm pso = componentPso(a, 20, 25);
      pso.run();
      return pso.result().get(0);
    });
    DoubleSolution rb = JmetalRandomScope.run(4L, () -> {
      ParticleSwarmOptimizationAlgorithm pso = componentPso(b, 20, 25);
      pso.run();
      return pso.result().get(0);
    });
    assertEquals(500, a.computedEvaluations());
    assertEquals(a.truthLog(), b.truthLog());
    assertEquals(ra.variables(), rb.variables());
    double observed = (double) a.truthEvaluations() / a.computedEvaluations();
    assertEquals(0.15, observed, 0.03);
    MixedSolutionListEvaluator c = MixedSolutionListEvaluator.of(TRUTH, PROXY, 0.15, 10L);
    JmetalRandomScope.run(4L, () -> {
      ParticleSwarmOptimizationAlgorithm pso = componentPso(c, 20, 25);
      pso.run();
      return null;
    });
    assertNotEquals(a.truthLog(), c.truthLog());
  }

  @Test
  void rejectsBadArgumentsAndNaN() {
    assertThrows(IllegalArgumentException.class,
        () -> MixedSolutionListEvaluator.of(TRUTH, PROXY, -0.1, 0L));
    assertThrows(IllegalArgumentException.class,
        () -> MixedSolutionListEvaluator.of(TRUTH, Benchmarks.rastrigin(3), 0.5, 0L));
    assertThrows(NullPointerException.class,
        () -> MixedSolutionListEvaluator.of(null, PROXY, 0.5, 0L));
    MixedSolutionListEvaluator mixed = MixedSolutionListEvaluator.of(TRUTH, PROXY, 0.5, 0L);
    assertThrows(NullPointerException.class, () -> mixed.evaluate(null));
    assertThrows(IllegalArgumentException.class, () -> mixed.evaluate(new ArrayList<>(),
        ProxyProblem.of(Benchmarks.rastrigin(3))));
    List<DoubleSolution> three = swarm(ProxyProblem.of(Benchmarks.rastrigin(3)), 2, 1L);
    assertThrows(IllegalArgumentException.class, () -> mixed.evaluate(three));
    ForwardModel nan = ForwardModel.of(TRUTH.domain(), x -> Double.NaN);
    MixedSolutionListEvaluator bad = MixedSolutionListEvaluator.of(TRUTH, nan, 0, 0L);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> bad.evaluate(swarm(bad.problem(), 3, 1L)));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
  }
}
