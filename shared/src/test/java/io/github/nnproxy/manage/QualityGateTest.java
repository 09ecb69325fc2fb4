package io.github.nnproxy.manage;

import static io.github.nnproxy.manage.ProxyEnsembleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QualityGateTest {
  private final QualityGate gate = QualityGate.of(0.3, 8);

  @Test
  void tripsOnAntiCorrelatedData() {
    double[] truth = {1, 2, 3, 4, 5, 6, 7, 8};
    double[] proxy = {8.5, 7, 6.1, 5, 4, 3.3, 2, 1};
    GateAssessment a = gate.assess(proxy, truth);
    assertTrue(a.tripped());
    assertEquals(-1.0, a.correlation(), 1e-12);
    assertEquals(8, a.pairs());
  }

  @Test
  void doesNotTripOnCorrelatedData() {
    double[] truth = {1, 2, 3, 4, 5, 6, 7, 8};
    double[] proxy = {1.1, 2.5, 2.4, 4, 5.2, 6, 7.7, 9}; // one swapped pair
    GateAssessment a = gate.assess(proxy, truth);
    assertFalse(a.tripped());
    assertEquals(1 - 6.0 * 2 / (8 * 63), a.correlation(), 1e-12); // 1 - 6 sum d^2 / (n(n^2-1))
    assertTrue(a.assessed());
  }

  @Test
  void judgesOnlyTheLatestWindowOfFinitePairs() {
    // old pairs are anti-correlated, the latest 8 correlated: the gate looks at the latest only
    double[] truth = {1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, Double.NaN, 8};
    double[] proxy = {4, 3, 2, 1, 1, 2, 3, 4, 5, 6, 7, 0, 8};
    GateAssessment a = gate.assess(proxy, truth);
    assertEquals(8, a.pairs());
    assertEquals(1.0, a.correlation(), 1e-12);
    assertFalse(a.tripped());
    assertTrue(QualityGate.of(0.3, 12).assess(proxy, truth).correlation() < 1);
  }

  @Test
  void doesNotJudgeTooFewPairs() {
    GateAssessment a = gate.assess(new double[] {3, 2, 1}, new double[] {1, 2, 3});
    assertFalse(a.assessed());
    assertFalse(a.tripped());
    assertEquals(3, a.pairs());
  }

  @Test
  void aConstantProxyRanksNothingAndTrips() {
    GateAssessment a = gate.assess(new double[] {2, 2, 2, 2, 2}, new double[] {1, 2, 3, 4, 5});
    assertEquals(0.0, a.correlation());
    assertTrue(a.tripped());
  }

  @Test
  void spearmanGivesTiesTheirAverageRank() {
    // ranks of a: 1, 2.5, 2.5, 4; of b: 1, 2, 3, 4
    double rho = QualityGate.spearman(new double[] {1, 2, 2, 3}, new double[] {10, 20, 30, 40});
    double ma = 2.5;
    double[] ra = {1, 2.5, 2.5, 4};
    double[] rb = {1, 2, 3, 4};
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < 4; i++) {
      sab += (ra[i] - ma) * (rb[i] - ma);
      saa += (ra[i] - ma) * (ra[i] - ma);
      sbb += (rb[i] - ma) * (rb[i] - ma);
    }
    assertEquals(sab / Math.sqrt(saa * sbb), rho, 1e-12);
  }

  @Test
  void rejectsBadArgumentsNamingThem() {
    assertMessage(assertThrows(IllegalArgumentException.class, () -> QualityGate.of(1.5, 10)),
        "threshold");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> QualityGate.of(Double.NaN, 10)), "threshold");
    assertMessage(assertThrows(IllegalArgumentException.class, () -> QualityGate.of(0.3, 3)),
        "window");
    assertMessage(assertThrows(NullPointerException.class,
        () -> gate.assess(null, new double[0])), "proxyValues");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> gate.assess(new double[2], new double[3])), "same length");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> QualityGate.spearman(new double[] {1, Double.NaN}, new double[] {1, 2})), "a[1]");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> new GateAssessment(Double.NaN, 2, 0.3, true)), "trip");
    assertEquals(0.3, gate.threshold());
    assertEquals(8, gate.window());
  }
}
