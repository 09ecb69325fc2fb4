package io.github.nnproxy.jmetal;

import io.github.nnproxy.proxy.ProxyTestSupport;
import io.github.nnproxy.CountingModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JmetalPsoOptimizerTest {

  /** The four variants with a small budget (40 particles x 100 iterations), for fast tests. */
  static Stream<JmetalPsoOptimizer> smallVariants() {
    return Stream.of(
        JmetalPsoOptimizer.paper().withSwarmSize(40).withIterations(100),
        JmetalPsoOptimizer.jmetalRules().withSwarmSize(40).withIterations(100),
        JmetalPsoOptimizer.spso2007().withSwarmSize(40).withIterations(100),
        JmetalPsoOptimizer.spso2011().withSwarmSize(40).withIterations(100));
  }

  @Test
  void paperSettingsAreTheSeedStudys() {
    JmetalPsoOptimizer pso = JmetalPsoOptimizer.paper();
    assertEquals(100, pso.swarmSize());
    assertEquals(1000, pso.iterations());
    assertEquals(100_000, pso.evaluationsPerRun());
    assertEquals("jmetal-pso-paper", pso.name());
    assertEquals(0.9, JmetalPsoOptimizer.PAPER_INERTIA);
    assertEquals(0.5, JmetalPsoOptimizer.PAPER_C1);
    assertEquals(0.3, JmetalPsoOptimizer.PAPER_C2);
    assertEquals("jmetal-pso-jmetal-rules", JmetalPsoOptimizer.jmetalRules().name());
    assertEquals(100_000, JmetalPsoOptimizer.jmetalRules().evaluationsPerRun());
    assertEquals("jmetal-spso2007", JmetalPsoOptimizer.spso2007().name());
    assertEquals("jmetal-spso2011", JmetalPsoOptimizer.spso2011().name());
  }

  @Test
  void paperPsoReachesTheSphereOptimum() {
    BenchmarkFunction sphere = Benchmarks.sphere(2);
    Optimum best = JmetalPsoOptimizer.paper().minimize(sphere, 1L);
    double distance = best.distanceTo(sphere.optimum());
    System.out.printf("paper PSO on sphere(2): distance %.3e, f %.3e, %d evaluations%n",
        distance, best.value(), best.evaluations());
    assertTrue(distance < 1e-3, "distance to the optimum was " + distance);
    assertEquals(100_000, best.evaluations());
    assertEquals(sphere.evaluate(best.x()), best.value());
    assertTrue(sphere.domain().contains(best.x()));
  }

  @Test
  void paperPsoOnAnAckleyProxyLandsNearTheTrueOptimum() {
    Proxy proxy = ProxyTestSupport.smallAckleyProxy();
    System.out.println("ackley(2) proxy: " + proxy.quality());
    Optimum best = JmetalPsoOptimizer.paper().minimize(proxy, 3L);
    double distance = best.distanceTo(Benchmarks.ackley(2).optimum());
    System.out.printf("paper PSO on ackley(2) proxy: distance %.4f, proxy f %.4f, %d evaluations%n",
        distance, best.value(), best.evaluations());
    assertTrue(proxy.quality().validationR2() > 0.9, proxy.quality().toString());
    assertTrue(distance < 0.2, "distance to the true optimum was " + distance);
    assertEquals(100_000, best.evaluations());
    assertEquals(proxy.evaluate(best.x()), best.value());
  }

  @ParameterizedTest
  @MethodSource("smallVariants")
  void sameSeedGivesTheSameOptimum(JmetalPsoOptimizer pso) {
    ForwardModel f = Benchmarks.rastrigin(2);
    Optimum a = pso.minimize(f, 11L);
    Optimum b = pso.minimize(f, 11L);
    Optimum c = pso.minimize(f, 12L);
    assertEquals(a, b, pso.name());
    assertNotEquals(a, c, pso.name() + ": another seed should give another run");
  }

  @ParameterizedTest
  @MethodSource("smallVariants")
  void countsEveryEvaluationAndReportsTheValueAtX(JmetalPsoOptimizer pso) {
    CountingModel f = CountingModel.of(Benchmarks.ackley(3));
    Optimum best = pso.minimize(f, 5L);
    assertEquals(40 * 100, best.evaluations(), pso.name());
    assertEquals(f.points(), best.evaluations(), pso.name());
    assertEquals(0, f.singleCalls(), pso.name() + " should only make batched calls");
    assertEquals(100, f.batchCalls(), pso.name() + ": one batch per iteration");
    assertEquals(f.model().evaluate(best.x()), best.value(), pso.name());
    assertTrue(f.domain().contains(best.x()), pso.name());
  }

  @ParameterizedTest
  @MethodSource("smallVariants")
  void keepsTheOptimumInsideTheDomain(JmetalPsoOptimizer pso) {
    // The minimum of sum(x) on [-1, 2]^2 sits in a corner, so the swarm presses on the bounds.
    ForwardModel slope = ForwardModel.of(Domain.cube(2, -1, 2), x -> x[0] + x[1]);
    Optimum best = pso.minimize(slope, 9L);
    assertTrue(slope.domain().contains(best.x()), best.toString());
    assertTrue(best.value() < -1.9, best.toString());
    assertEquals(slope.evaluate(best.x()), best.value());
  }

  @Test
  void twoThreadsAtOnceGiveTheSequentialResults() throws Exception {
    record Task(JmetalPsoOptimizer pso, ForwardModel f, long seed) {}
    List<JmetalPsoOptimizer> variants = smallVariants().toList();
    List<Task> tasks = new ArrayList<>();
    long seed = 100;
    for (JmetalPsoOptimizer pso : variants) {
      tasks.add(new Task(pso, Benchmarks.rastrigin(2), seed++));
      tasks.add(new Task(pso, Benchmarks.ackley(2), seed++));
    }
    List<Optimum> sequential = new ArrayList<>();
    for (Task t : tasks) {
      sequential.add(t.pso().minimize(t.f(), t.seed()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 2; round++) {
        // Pair every task with a different one (SPSO2011 included) and start each pair together.
        for (int i = 0; i < tasks.size(); i++) {
          int j = (i + 1 + round * 2) % tasks.size();
          Task a = tasks.get(i);
          Task b = tasks.get(j);
          CyclicBarrier start = new CyclicBarrier(2);
          Future<Optimum> fa = pool.submit(() -> { start.await(); return a.pso().minimize(a.f(), a.seed()); });
          Future<Optimum> fb = pool.submit(() -> { start.await(); return b.pso().minimize(b.f(), b.seed()); });
          assertEquals(sequential.get(i), fa.get(), "task " + i + " " + a.pso().name());
          assertEquals(sequential.get(j), fb.get(), "task " + j + " " + b.pso().name());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void staysReproducibleAfterRawJmetalCodeReplacesTheGlobalGenerator() {
    JmetalPsoOptimizer pso = JmetalPsoOptimizer.spso2007().withSwarmSize(20).withIterations(50);
    ForwardModel f = Benchmarks.rastrigin(2);
    Optimum before = pso.minimize(f, 21L);
    // A user's plain StandardPSO2011 replaces JMetalRandom's generator with a clock-seeded one.
    new org.uma.jmetal.algorithm.singleobjective.particleswarmoptimization.StandardPSO2011(
        ProxyProblem.of(f), 10, 10, 3, BatchSolutionListEvaluator.of());
    assertEquals(before, pso.minimize(f, 21L));
  }

  @Test
  void builderMethodsChangeTheOptimizer() {
    JmetalPsoOptimizer base = JmetalPsoOptimizer.spso2011();
    JmetalPsoOptimizer small = base.withSwarmSize(10).withIterations(20);
    assertEquals(100, base.swarmSize());
    assertEquals(1000, base.iterations());
    assertEquals(10, small.swarmSize());
    assertEquals(20, small.iterations());
    assertEquals("jmetal-spso2011", small.name());
    assertEquals(small, JmetalPsoOptimizer.spso2011().withIterations(20).withSwarmSize(10));
    assertNotEquals(small, JmetalPsoOptimizer.spso2007().withSwarmSize(10).withIterations(20));
    Optimum best = small.minimize(Benchmarks.sphere(2), 1L);
    assertEquals(200, best.evaluations());
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of((Runnable) () -> JmetalPsoOptimizer.paper().withSwarmSize(0), "swarmSize must be > 0, but was 0"),
        Arguments.of((Runnable) () -> JmetalPsoOptimizer.paper().withIterations(-5), "iterations must be > 0, but was -5"),
        Arguments.of((Runnable) () -> JmetalPsoOptimizer.spso2007().withSwarmSize(3), "swarmSize must be > 3"),
        Arguments.of((Runnable) () -> JmetalPsoOptimizer.paper().withSwarmSize(100_000).withIterations(100_000),
            "swarmSize * iterations must be <="));
  }

  @ParameterizedTest
  @MethodSource("badSettings")
  void rejectsBadSettingsWithClearMessages(Runnable bad, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::run);
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void rejectsANullObjective() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> JmetalPsoOptimizer.paper().minimize(null, 1L));
    assertEquals("objective must not be null", e.getMessage());
  }

  @Test
  void refusesAnSpso2011StartedFromInsideAnotherRunOnTheSameThread() {
    JmetalPsoOptimizer inner = JmetalPsoOptimizer.spso2011().withSwarmSize(5).withIterations(2);
    ForwardModel nested =
        ForwardModel.of(Domain.cube(2, -1, 1), x -> inner.minimize(Benchmarks.sphere(2), 1L).value());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> JmetalPsoOptimizer.spso2007().withSwarmSize(5).withIterations(2).minimize(nested, 1L));
    assertTrue(e.getMessage().contains("inside another jMetal run"), e.getMessage());
  }

  @Test
  void anObjectiveMayRunAPaperPsoInside() {
    JmetalPsoOptimizer inner = JmetalPsoOptimizer.paper().withSwarmSize(5).withIterations(2);
    ForwardModel nested =
        ForwardModel.of(Domain.cube(2, -1, 1), x -> inner.minimize(Benchmarks.sphere(2), 1L).value() + x[0]);
    JmetalPsoOptimizer outer = JmetalPsoOptimizer.spso2007().withSwarmSize(5).withIterations(2);
    assertEquals(outer.minimize(nested, 4L), outer.minimize(nested, 4L));
  }

  @Test
  void nanFromTheObjectiveIsReported() {
    ForwardModel broken = ForwardModel.of(Domain.cube(2, -1, 1), x -> Double.NaN);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> JmetalPsoOptimizer.paper().minimize(broken, 1L));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
  }
}
