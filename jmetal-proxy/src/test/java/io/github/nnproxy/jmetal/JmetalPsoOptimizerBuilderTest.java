package io.github.nnproxy.jmetal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.optimize.Optimum;
import org.junit.jupiter.api.Test;

class JmetalPsoOptimizerBuilderTest {

  private static final BenchmarkFunction ACKLEY = Benchmarks.ackley(2);

  @Test
  void builderStartsAtTheSeedStudysSettings() {
    JmetalPsoOptimizer built = JmetalPsoOptimizer.builder().build();
    assertEquals(JmetalPsoOptimizer.paper(), built);
    assertEquals(JmetalPsoOptimizer.PAPER_INERTIA, built.inertia());
    assertEquals(JmetalPsoOptimizer.PAPER_C1, built.cognitive());
    assertEquals(JmetalPsoOptimizer.PAPER_C2, built.social());
    assertEquals(JmetalPsoOptimizer.paper().description(), built.description());
  }

  @Test
  void toBuilderKeepsVariantAndSettings() {
    for (JmetalPsoOptimizer pso :
        new JmetalPsoOptimizer[] {
          JmetalPsoOptimizer.paper().withSwarmSize(30),
          JmetalPsoOptimizer.jmetalRules().toBuilder().inertia(0.7).build(),
          JmetalPsoOptimizer.spso2007().withIterations(50),
          JmetalPsoOptimizer.spso2011()
        }) {
      JmetalPsoOptimizer copy = pso.toBuilder().build();
      assertEquals(pso, copy);
      assertEquals(pso.hashCode(), copy.hashCode());
      assertEquals(pso.name(), copy.name());
      assertEquals(pso.description(), copy.description());
    }
  }

  @Test
  void withersAreTheBuilderSettings() {
    JmetalPsoOptimizer viaWithers =
        JmetalPsoOptimizer.spso2011().withSwarmSize(40).withIterations(60);
    JmetalPsoOptimizer viaBuilder =
        JmetalPsoOptimizer.spso2011().toBuilder().swarmSize(40).iterations(60).build();
    assertEquals(viaWithers, viaBuilder);
    assertEquals(2_400, viaBuilder.evaluationsPerRun());
  }

  @Test
  void paperCoefficientsSetExplicitlyGiveTheSameRun() {
    JmetalPsoOptimizer small = JmetalPsoOptimizer.paper().withSwarmSize(20).withIterations(50);
    JmetalPsoOptimizer explicit =
        small.toBuilder().inertia(0.9).cognitive(0.5).social(0.3).build();
    assertEquals(small.minimize(ACKLEY, 3L), explicit.minimize(ACKLEY, 3L));
  }

  @Test
  void coefficientsChangeTheRunAndTheDescription() {
    JmetalPsoOptimizer small = JmetalPsoOptimizer.paper().withSwarmSize(20).withIterations(50);
    JmetalPsoOptimizer calm = small.toBuilder().inertia(0.4).cognitive(1.5).social(1.5).build();
    Optimum a = small.minimize(ACKLEY, 3L);
    Optimum b = calm.minimize(ACKLEY, 3L);
    assertNotEquals(a.x()[0], b.x()[0]);
    assertEquals(a.evaluations(), b.evaluations());
    assertNotEquals(small, calm);
    assertTrue(calm.description().contains("w=0.4, c1=1.5, c2=1.5"), calm.description());
    assertEquals(calm.minimize(ACKLEY, 3L), b, "same settings and seed, same run");
  }

  @Test
  void jmetalRulesUseTheCoefficientsToo() {
    JmetalPsoOptimizer small =
        JmetalPsoOptimizer.jmetalRules().withSwarmSize(20).withIterations(50);
    JmetalPsoOptimizer other = small.toBuilder().social(1.2).build();
    assertNotEquals(small.minimize(ACKLEY, 5L).x()[0], other.minimize(ACKLEY, 5L).x()[0]);
  }

  @Test
  void spsoVariantsReportAndKeepJmetalsConstants() {
    JmetalPsoOptimizer spso = JmetalPsoOptimizer.spso2011();
    assertEquals(1.0 / (2.0 * Math.log(2.0)), spso.inertia());
    assertEquals(0.5 + Math.log(2.0), spso.cognitive());
    assertEquals(spso.cognitive(), spso.social());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> JmetalPsoOptimizer.spso2007().toBuilder().inertia(0.5));
    assertTrue(e.getMessage().contains("jmetal-spso2007") && e.getMessage().contains("0.5"),
        e.getMessage());
  }

  @Test
  void badSettingsAreRefusedByName() {
    JmetalPsoOptimizer.Builder b = JmetalPsoOptimizer.builder();
    assertMessage(() -> b.inertia(-0.1), "inertia", "-0.1");
    assertMessage(() -> b.cognitive(Double.NaN), "cognitive", "NaN");
    assertMessage(() -> b.social(Double.POSITIVE_INFINITY), "social", "Infinity");
    assertMessage(() -> b.swarmSize(0), "swarmSize", "0");
    assertMessage(() -> b.iterations(-2), "iterations", "-2");
    assertMessage(() -> JmetalPsoOptimizer.spso2011().toBuilder().swarmSize(3), "swarmSize", "3");
    assertMessage(
        () -> JmetalPsoOptimizer.builder().swarmSize(100_000).iterations(100_000).build(),
        "swarmSize * iterations",
        "10000000000");
  }

  private static void assertMessage(Runnable r, String name, String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(name) && e.getMessage().contains(value), e.getMessage());
  }
}
