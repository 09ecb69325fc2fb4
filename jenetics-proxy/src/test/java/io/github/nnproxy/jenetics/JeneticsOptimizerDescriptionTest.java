package io.github.nnproxy.jenetics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class JeneticsOptimizerDescriptionTest {
  @Test
  void descriptionNamesTheSettingsButNotTheExecutor() {
    JeneticsOptimizer paper = JeneticsOptimizer.paper();
    JeneticsOptimizer pooled = paper.toBuilder().executor(ForkJoinPool.commonPool()).build();
    assertEquals(paper.description(), pooled.description());
    assertFalse(paper.description().contains("executor"));
    assertNotEquals(paper.description(),
        paper.toBuilder().populationSize(20).build().description());
    assertEquals(JeneticsOptimizer.paper().description(), paper.description());
  }
}
