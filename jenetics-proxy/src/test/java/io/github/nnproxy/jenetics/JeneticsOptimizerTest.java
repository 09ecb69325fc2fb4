package io.github.nnproxy.jenetics;

import io.github.nnproxy.proxy.ProxyTestSupport;
import io.github.nnproxy.CountingModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Proxy;
import io.jenetics.DoubleGene;
import io.jenetics.GaussianMutator;
import io.jenetics.Mutator;
import io.jenetics.RouletteWheelSelector;
import io.jenetics.Selector;
import io.jenetics.SinglePointCrossover;
import io.jenetics.TruncationSelector;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JeneticsOptimizerTest {

  private static final Domain D2 = Domain.cube(2, -5, 5);

  @Test
  void paperConvergesOnTheTrueSphere() {
    BenchmarkFunction sphere = Benchmarks.sphere(2);
    Optimum best = JeneticsOptimizer.paper().minimize(sphere, 42L);
    assertTrue(best.distanceTo(sphere.optimum()) < 0.05, best::toString);
    assertTrue(best.value() < 2.5e-3, best::toString);
  }

  @Test
  void defaultsConvergeOnTheTrueSphere() {
    BenchmarkFunction sphere = Benchmarks.sphere(2);
    Optimum best = JeneticsOptimizer.defaults().minimize(sphere, 42L);
    // Mutator(0.15) redraws a gene over the whole range: no local refinement, so coarser
    assertTrue(best.distanceTo(sphere.optimum()) < 0.5, best::toString);
  }

  @Test
  void findsTheAckleyOptimumOnATrainedProxy() {
    Proxy proxy = ProxyTestSupport.smallAckleyProxy();
    BenchmarkFunction ackley = Benchmarks.ackley(2);
    Optimum onProxy = JeneticsOptimizer.paper().minimize(proxy, 42L);
    assertTrue(
        onProxy.distanceTo(ackley.optimum()) < 0.2,
        () -> onProxy + " with proxy " + proxy.quality());
  }

  @Test
  void optimumLiesInTheDomainAndCarriesTheObjectiveValue() {
    BenchmarkFunction rosen = Benchmarks.rosenbrock(3);
    for (JeneticsOptimizer ga : List.of(JeneticsOptimizer.paper(), JeneticsOptimizer.defaults())) {
      Optimum best = ga.minimize(rosen, 5L);
      assertTrue(rosen.domain().contains(best.x()), best::toString);
      assertEquals(rosen.evaluate(best.x()), best.value());
    }
  }

  @Test
  void sameSeedGivesEqualOptimum() {
    ForwardModel proxy = ProxyTestSupport.smallAckleyProxy();
    JeneticsOptimizer ga = JeneticsOptimizer.paper();
    assertEquals(ga.minimize(proxy, 11L), ga.minimize(proxy, 11L));
    assertNotEquals(ga.minimize(proxy, 11L), ga.minimize(proxy, 12L));
    JeneticsOptimizer defaults = JeneticsOptimizer.defaults();
    assertEquals(defaults.minimize(proxy, 11L), defaults.minimize(proxy, 11L));
  }

  @Test
  void parallelFitnessEvaluationGivesTheSameOptimumAsSerial() {
    ForwardModel truth = Benchmarks.rastrigin(2);
    for (JeneticsOptimizer base : List.of(JeneticsOptimizer.paper(), JeneticsOptimizer.defaults())) {
      Optimum batched = base.minimize(truth, 3L);
      Optimum serial = base.toBuilder().executor(Runnable::run).build().minimize(truth, 3L);
      Optimum pooled =
          base.toBuilder().executor(ForkJoinPool.commonPool()).build().minimize(truth, 3L);
      assertEquals(batched, serial);
      assertEquals(batched, pooled);
    }
  }

  @Test
  void countsTheEvaluationsActuallyMade() {
    CountingModel counting = CountingModel.of(Benchmarks.sphere(2));
    Optimum paper = JeneticsOptimizer.paper().minimize(counting, 1L);
    // 10 initial individuals + 9 offspring in each of 100 generations, all mutated; elite reused
    assertEquals(10 + 9 * 100, paper.evaluations());
    assertEquals(counting.points(), paper.evaluations());

    counting.reset();
    Optimum defaults = JeneticsOptimizer.defaults().minimize(counting, 1L);
    assertEquals(counting.points(), defaults.evaluations());
    assertTrue(defaults.evaluations() < 50 + 30 * 100, defaults::toString); // unaltered are reused
  }

  @Test
  void evaluationBudgetStopsWithinOneGeneration() {
    CountingModel counting = CountingModel.of(Benchmarks.sphere(2));
    JeneticsOptimizer ga = JeneticsOptimizer.paper().toBuilder().evaluations(500).build();
    Optimum best = ga.minimize(counting, 9L);
    assertTrue(best.evaluations() >= 500 && best.evaluations() < 500 + 10, best::toString);
    assertEquals(counting.points(), best.evaluations());
  }

  @Test
  void concurrentRunsGiveTheSameResultsAsSequentialOnes() throws Exception {
    ForwardModel proxy = ProxyTestSupport.smallAckleyProxy();
    JeneticsOptimizer ga = JeneticsOptimizer.paper();
    long[] seeds = {1, 2, 3, 4, 5, 6};
    Optimum[] sequential = new Optimum[seeds.length];
    for (int i = 0; i < seeds.length; i++) {
      sequential[i] = ga.minimize(proxy, seeds[i]);
    }
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Optimum>> tasks =
          java.util.Arrays.stream(seeds)
              .mapToObj(s -> (Callable<Optimum>) () -> ga.minimize(proxy, s))
              .toList();
      List<Future<Optimum>> futures = two.invokeAll(tasks);
      for (int i = 0; i < seeds.length; i++) {
        assertEquals(sequential[i], futures.get(i).get());
      }
    } finally {
      two.shutdownNow();
    }
  }

  @Test
  void driveToZeroUsesTheSeedsFitness() {
    // f = (x - 1)^2 - 1: its minimum is -1 at x = 1, its zeros are x = 0 and x = 2
    ForwardModel f = ForwardModel.of(Domain.cube(1, -0.5, 2.5), x -> (x[0] - 1) * (x[0] - 1) - 1);
    JeneticsOptimizer ga = JeneticsOptimizer.paper();
    Optimum min = ga.minimize(f, 4L);
    Optimum zero = ga.toBuilder().driveToZero(true).build().minimize(f, 4L);
    assertEquals(1.0, min.x()[0], 0.05, min::toString);
    assertEquals(-1.0, min.value(), 0.01, min::toString);
    assertEquals(0.0, zero.value(), 0.05, zero::toString);
    assertTrue(Math.abs(zero.x()[0] - 1) > 0.9, zero::toString);
    assertEquals(f.evaluate(zero.x()), zero.value());
  }

  @Test
  void presetsHaveTheDocumentedSettings() {
    JeneticsOptimizer paper = JeneticsOptimizer.paper();
    assertEquals("jenetics-ga-paper", paper.name());
    assertEquals(10, paper.populationSize());
    assertEquals(OptionalLong.of(100), paper.generations());
    assertEquals(0.9, paper.offspringFraction());
    assertTrue(paper.offspringSelector() instanceof TruncationSelector);
    assertEquals(Long.MAX_VALUE, paper.maximalPhenotypeAge());
    List<?> alterers = paper.alterers(D2);
    assertTrue(alterers.get(0) instanceof SinglePointCrossover);
    assertTrue(alterers.get(1) instanceof RandomShiftMutator);
    assertFalse(paper.driveToZero());
    assertTrue(paper.executor().isEmpty());

    JeneticsOptimizer defaults = JeneticsOptimizer.defaults();
    assertEquals("jenetics-ga-defaults", defaults.name());
    assertEquals(50, defaults.populationSize());
    assertEquals(0.6, defaults.offspringFraction());
    assertEquals(70, defaults.maximalPhenotypeAge());
    assertEquals("jenetics-ga", JeneticsOptimizer.builder().build().name());
  }

  /** Each setter applied to a default builder changes what the built optimizer reports. */
  @Test
  void eachSetterChangesTheBuiltObject() {
    JeneticsOptimizer base = JeneticsOptimizer.builder().build();
    Selector<DoubleGene, Double> roulette = new RouletteWheelSelector<>();
    GaussianMutator<DoubleGene, Double> gauss = new GaussianMutator<>(0.3);
    List<UnaryOperator<JeneticsOptimizer.Builder>> setters =
        List.of(
            b -> b.name("other"),
            b -> b.populationSize(12),
            b -> b.generations(7),
            b -> b.evaluations(300),
            b -> b.offspringFraction(0.25),
            b -> b.offspringSelector(roulette),
            b -> b.survivorsSelector(roulette),
            b -> b.selector(roulette),
            b -> b.alterers(gauss),
            b -> b.maximalPhenotypeAge(5),
            b -> b.executor(Runnable::run),
            b -> b.driveToZero(true));
    for (UnaryOperator<JeneticsOptimizer.Builder> setter : setters) {
      JeneticsOptimizer changed = setter.apply(JeneticsOptimizer.builder()).build();
      assertNotEquals(base.toString(), changed.toString(), changed::toString);
    }
    JeneticsOptimizer b =
        JeneticsOptimizer.builder()
            .name("other")
            .populationSize(12)
            .offspringFraction(0.25)
            .selector(roulette)
            .alterers(gauss, new Mutator<>(0.5))
            .maximalPhenotypeAge(5)
            .executor(Runnable::run)
            .driveToZero(true)
            .evaluations(300)
            .build();
    assertEquals("other", b.name());
    assertEquals(12, b.populationSize());
    assertEquals(0.25, b.offspringFraction());
    assertSame(roulette, b.offspringSelector());
    assertSame(roulette, b.survivorsSelector());
    assertSame(gauss, b.alterers(D2).get(0));
    assertEquals(2, b.alterers(D2).size());
    assertEquals(5, b.maximalPhenotypeAge());
    assertTrue(b.executor().isPresent());
    assertTrue(b.driveToZero());
    assertEquals(OptionalLong.of(300), b.evaluationBudget());
    assertEquals(OptionalLong.empty(), b.generations());
    JeneticsOptimizer g = b.toBuilder().generations(7).build();
    assertEquals(OptionalLong.of(7), g.generations());
    assertEquals(OptionalLong.empty(), g.evaluationBudget());
    assertEquals(b.toString(), b.toBuilder().build().toString());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 0, -3})
  void rejectsTooSmallPopulation(int size) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> JeneticsOptimizer.builder().populationSize(size));
    assertEquals("populationSize must be >= 2, but was " + size, e.getMessage());
  }

  @Test
  void rejectsBadArgumentsNamingTheValue() {
    JeneticsOptimizer.Builder b = JeneticsOptimizer.builder();
    assertEquals(
        "generations must be > 0, but was 0",
        assertThrows(IllegalArgumentException.class, () -> b.generations(0)).getMessage());
    assertEquals(
        "evaluations must be > 0, but was -1",
        assertThrows(IllegalArgumentException.class, () -> b.evaluations(-1)).getMessage());
    assertEquals(
        "offspringFraction must be in [0, 1], but was NaN",
        assertThrows(IllegalArgumentException.class, () -> b.offspringFraction(Double.NaN))
            .getMessage());
    assertEquals(
        "offspringFraction must be in [0, 1], but was 1.5",
        assertThrows(IllegalArgumentException.class, () -> b.offspringFraction(1.5))
            .getMessage());
    assertEquals(
        "maximalPhenotypeAge must be > 0, but was 0",
        assertThrows(IllegalArgumentException.class, () -> b.maximalPhenotypeAge(0))
            .getMessage());
    assertEquals(
        "name must not be blank, but was \" \"",
        assertThrows(IllegalArgumentException.class, () -> b.name(" ")).getMessage());
    assertThrows(NullPointerException.class, () -> b.name(null));
    assertThrows(NullPointerException.class, () -> b.offspringSelector(null));
    assertThrows(NullPointerException.class, () -> b.survivorsSelector(null));
    assertThrows(NullPointerException.class, () -> b.selector(null));
    assertThrows(NullPointerException.class, () -> b.executor(null));
    assertEquals(
        "alterers[1] must not be null",
        assertThrows(
                NullPointerException.class,
                () -> b.alterers(new Mutator<>(0.1), (Mutator<DoubleGene, Double>) null))
            .getMessage());
    assertEquals(
        "objective must not be null",
        assertThrows(NullPointerException.class, () -> JeneticsOptimizer.paper().minimize(null, 1))
            .getMessage());
    // a failed setter leaves the builder unchanged
    assertEquals(JeneticsOptimizer.builder().build().toString(), b.build().toString());
  }

  @Test
  void refusesNaNFromTheObjective() {
    ForwardModel nan = ForwardModel.of(D2, x -> Double.NaN);
    assertThrows(IllegalStateException.class, () -> JeneticsOptimizer.paper().minimize(nan, 1L));
  }
}
