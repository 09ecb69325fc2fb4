package io.github.nnproxy.jmetal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nnproxy.benchmark.Benchmarks;
import org.junit.jupiter.api.Test;
import org.uma.jmetal.util.pseudorandom.JMetalRandom;
import org.uma.jmetal.util.pseudorandom.impl.JavaRandomGenerator;

class JmetalRandomScopeTest {

  private static double[] draws(int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = JMetalRandom.getInstance().nextDouble();
    }
    return d;
  }

  @Test
  void aRunDrawsTheStreamOfPlainJmetalWithTheSameSeed() {
    double[] inRun = JmetalRandomScope.run(5L, () -> draws(4));
    JavaRandomGenerator plain = new JavaRandomGenerator(5L);
    for (double d : inRun) {
      assertEquals(plain.nextDouble(), d);
    }
  }

  @Test
  void spso2011LeavesTheForwardingGeneratorInstalled() {
    JmetalPsoOptimizer.spso2011().withSwarmSize(10).withIterations(3).minimize(Benchmarks.sphere(2), 1L);
    assertInstanceOf(JmetalRandomScope.Router.class, JMetalRandom.getInstance().getRandomGenerator());
  }

  @Test
  void plainJmetalSeedingStillWorksOutsideRuns() {
    JmetalPsoOptimizer.spso2011().withSwarmSize(10).withIterations(3).minimize(Benchmarks.sphere(2), 1L);
    JMetalRandom.getInstance().setSeed(9L);
    double[] first = draws(3);
    JMetalRandom.getInstance().setSeed(9L);
    assertArrayEquals(first, draws(3));
  }

  @Test
  void spso2011ConstructionOutsideARunIsRefused() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> JmetalRandomScope.constructSpso2011(() -> null));
    assertEquals("constructSpso2011 must be called inside JmetalRandomScope.run", e.getMessage());
  }
}
