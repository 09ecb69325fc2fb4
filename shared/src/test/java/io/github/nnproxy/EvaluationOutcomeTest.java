package io.github.nnproxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.proxy.SampleFailures;
import org.junit.jupiter.api.Test;

class EvaluationOutcomeTest {

  private static final ForwardModel MIXED = ForwardModel.of(Domain.cube(1, -10, 10), x -> {
    double v = x[0];
    if (v == 1) {
      return Double.NaN;
    }
    if (v == 2) {
      return Double.POSITIVE_INFINITY;
    }
    if (v == 3) {
      throw new IllegalStateException("solver diverged");
    }
    if (v == 4) {
      throw new EvaluationException(FailureKind.TIMED_OUT, "took too long");
    }
    return v * v;
  });

  @Test
  void classifiesValues() {
    assertTrue(EvaluationOutcome.of(2.5).succeeded());
    assertEquals(FailureKind.NAN, EvaluationOutcome.of(Double.NaN).failure());
    assertEquals(FailureKind.INFINITE, EvaluationOutcome.of(Double.NEGATIVE_INFINITY).failure());
    assertEquals(Double.NEGATIVE_INFINITY, EvaluationOutcome.of(Double.NEGATIVE_INFINITY).value());
    assertNull(EvaluationOutcome.of(1).failure());
  }

  @Test
  void rejectsInconsistentOutcomes() {
    assertThrows(IllegalArgumentException.class, () -> new EvaluationOutcome(Double.NaN, null, null));
    assertThrows(IllegalArgumentException.class, () -> new EvaluationOutcome(1, null, "detail"));
    assertThrows(IllegalArgumentException.class,
        () -> new EvaluationOutcome(1, FailureKind.NAN, null));
    assertThrows(IllegalArgumentException.class,
        () -> new EvaluationOutcome(1, FailureKind.TIMED_OUT, null));
    assertThrows(IllegalArgumentException.class,
        () -> EvaluationOutcome.failed(FailureKind.NAN, null));
    assertThrows(IllegalArgumentException.class,
        () -> new EvaluationException(FailureKind.INFINITE, "x"));
  }

  @Test
  void defaultEvaluateOutcomesCapturesEachFailureByKind() {
    double[][] xs = {{0.5}, {1}, {2}, {3}, {4}, {5}};
    EvaluationOutcome[] os = MIXED.evaluateOutcomes(xs);
    assertEquals(0.25, os[0].value());
    assertEquals(FailureKind.NAN, os[1].failure());
    assertEquals(FailureKind.INFINITE, os[2].failure());
    assertEquals(FailureKind.THROWN, os[3].failure());
    assertTrue(os[3].detail().contains("solver diverged"));
    assertEquals(FailureKind.TIMED_OUT, os[4].failure());
    assertEquals(25, os[5].value());
    assertEquals(new SampleFailures(1, 1, 1, 1, 0, 0), SampleFailures.count(os));
    assertFalse(MIXED.batched());
  }

  @Test
  void defaultEvaluateOutcomesChecksEveryPointFirst() {
    assertThrows(IllegalArgumentException.class,
        () -> MIXED.evaluateOutcomes(new double[][] {{0.5}, {Double.NaN}}));
    assertThrows(IllegalArgumentException.class,
        () -> MIXED.evaluateOutcomes(new double[][] {{0.5, 1}}));
    assertThrows(NullPointerException.class, () -> MIXED.evaluateOutcomes(null));
  }

  @Test
  void valuesActLikeEvaluateAll() {
    EvaluationOutcome[] ok = MIXED.evaluateOutcomes(new double[][] {{0.5}, {1}, {2}});
    assertArrayEquals(new double[] {0.25, Double.NaN, Double.POSITIVE_INFINITY},
        EvaluationOutcome.values(ok));
    EvaluationOutcome[] bad = MIXED.evaluateOutcomes(new double[][] {{0.5}, {4}});
    EvaluationException e =
        assertThrows(EvaluationException.class, () -> EvaluationOutcome.values(bad));
    assertEquals(FailureKind.TIMED_OUT, e.kind());
  }

  @Test
  void sampleFailuresCountsEveryKind() {
    SampleFailures f = new SampleFailures(1, 2, 3, 4, 5, 6);
    assertEquals(21, f.total());
    for (FailureKind k : FailureKind.values()) {
      assertEquals(k.ordinal() + 1, f.count(k));
    }
    assertEquals(new SampleFailures(1, 2, 3, 4, 0, 0), new SampleFailures(1, 2, 3, 4));
    assertThrows(IllegalArgumentException.class, () -> new SampleFailures(0, 0, 0, 0, -1, 0));
  }
}
