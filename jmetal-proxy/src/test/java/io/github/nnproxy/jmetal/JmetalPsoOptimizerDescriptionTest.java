package io.github.nnproxy.jmetal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class JmetalPsoOptimizerDescriptionTest {
  @Test
  void descriptionChangesWithTheSettings() {
    assertEquals(JmetalPsoOptimizer.paper().description(), JmetalPsoOptimizer.paper().description());
    assertNotEquals(JmetalPsoOptimizer.paper().description(),
        JmetalPsoOptimizer.paper().withIterations(10).description());
    assertNotEquals(JmetalPsoOptimizer.spso2007().description(),
        JmetalPsoOptimizer.spso2011().description());
  }
}
