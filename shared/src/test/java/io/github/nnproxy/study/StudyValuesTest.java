package io.github.nnproxy.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.internal.Seeds;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.study.report.SeedFigures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The small values and helpers of the study: statistics, seeds, seed figures, run metrics. */
class StudyValuesTest {

  @Test
  void meanStdIsThePopulationStd() {
    MeanStd m = MeanStd.of(new double[] {1, 2, 3, 4});
    assertEquals(2.5, m.mean(), 0.0);
    assertEquals(Math.sqrt(1.25), m.std(), 1e-15); // numpy.std([1,2,3,4]) = 1.118033988749895
    assertFalse(MeanStd.of(new double[] {1, Double.NaN}).present());
    assertFalse(MeanStd.of(new double[0]).present());
  }

  @Test
  void sameIdentityGivesSameSeedAndOthersDiffer() {
    long a = Seeds.derive(1, "run", "ackley", 2, "pso");
    assertEquals(a, Seeds.derive(1, "run", "ackley", 2, "pso"));
    assertNotEquals(a, Seeds.derive(2, "run", "ackley", 2, "pso"));
    assertNotEquals(a, Seeds.derive(1, "run", "ackley", 4, "pso"));
    assertNotEquals(a, Seeds.derive(1, "run", "ackley", 2, "ga"));
  }

  @Test
  void shipsTheSeedsPublishedFigures() {
    SeedFigures s = SeedFigures.published();
    assertEquals(new MeanStd(7.1747, 1.5305),
        s.distance("rosenbrock", 10, "gaussian", SeedColumn.GA, Objective.PROXY).orElseThrow());
    assertEquals(new MeanStd(1.3165, 0.4697),
        s.distance("rosenbrock", 2, "", SeedColumn.GA, Objective.TRUTH).orElseThrow());
    assertTrue(s.distance("sphere", 2, "dense-uniform", SeedColumn.PSO, Objective.PROXY)
        .isEmpty());
    assertTrue(SeedFigures.defect("rastrigin", 10).isPresent());
    assertTrue(SeedFigures.defect("rastrigin", 4).isEmpty());
    assertTrue(SeedFigures.defect("rosenbrock", 4).isPresent());
  }

  @Test
  void measuresARunOnTheTruth() {
    var f = Benchmarks.rosenbrock(2); // minimum 0 at (1, 1)
    RunRecord r = StabilityProtocol.measure(f, null, "", "o", 1, 2,
        Optimum.of(new double[] {0, 0}, 1.0, 10), Duration.ZERO);
    assertEquals(Math.sqrt(2), r.distance(), 1e-15);
    assertEquals(1.0, r.trueValue(), 0.0); // 100 (0 - 0)^2 + (1 - 0)^2
    assertEquals(1.0, r.regret(), 0.0);
    assertTrue(Double.isNaN(r.proxyError()));
    assertEquals(Objective.TRUTH, r.objective());
  }

  @Test
  void refusesAnOptimizerThatReturnsABadPoint() {
    var f = Benchmarks.sphere(2);
    var e =
        assertThrows(
            IllegalStateException.class,
            () ->
                StabilityProtocol.measure(
                    f,
                    null,
                    "",
                    "o",
                    1,
                    2,
                    Optimum.of(new double[] {0, 0, 0}, 1.0, 10),
                    Duration.ZERO));
    assertTrue(e.getMessage().contains("Check the optimizer"), e.getMessage());
  }

  @Test
  void parsesObjectives() {
    assertEquals(Objective.PROXY, Objective.parse("proxy"));
    assertEquals("truth", Objective.TRUTH.label());
    assertThrows(IllegalArgumentException.class, () -> Objective.parse("both"));
  }
}
