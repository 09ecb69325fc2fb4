package io.github.nnproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nnproxy.jenetics.JeneticsOptimizer;
import io.github.nnproxy.study.SeedColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OptimizerChoiceTest {

  @ParameterizedTest
  @EnumSource(OptimizerChoice.class)
  void parsesItsOwnKey(OptimizerChoice c) {
    assertEquals(c, OptimizerChoice.parse(c.key().toUpperCase(java.util.Locale.ROOT)));
  }

  @Test
  void theSeedsOptimizersFillTheSeedColumns() {
    assertEquals(SeedColumn.PSO, OptimizerChoice.PSO.column());
    assertEquals(SeedColumn.GA, OptimizerChoice.GA.column());
    assertEquals("jmetal-pso-paper", OptimizerChoice.PSO.optimizer().name());
    assertEquals("jenetics-ga-paper", OptimizerChoice.GA.optimizer().name());
  }

  @Test
  void gaPsoBudgetHasThePsosEvaluationBudget() {
    JeneticsOptimizer ga = (JeneticsOptimizer) OptimizerChoice.GA_PSO_BUDGET.optimizer();
    assertEquals(100_000L, ga.evaluationBudget().getAsLong());
  }

  @Test
  void rejectsAnUnknownName() {
    assertThrows(IllegalArgumentException.class, () -> OptimizerChoice.parse("simplex"));
  }
}
