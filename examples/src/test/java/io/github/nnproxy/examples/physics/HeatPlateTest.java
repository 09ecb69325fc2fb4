package io.github.nnproxy.examples.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HeatPlateTest {
  private static final HeatPlate COARSE = HeatPlate.builder().grid(32).build();

  static double[][] points(int n, long seed) {
    Domain d = COARSE.domain();
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] xs = new double[n][3];
    for (double[] x : xs) {
      for (int k = 0; k < 3; k++) {
        x[k] = d.lower(k) + rng.nextDouble() * (d.upper(k) - d.lower(k));
      }
    }
    return xs;
  }

  @Test
  void sameInputGivesBitIdenticalOutput() {
    HeatPlate other = HeatPlate.builder().grid(32).build();
    for (double[] x : points(10, 1)) {
      double v = COARSE.evaluate(x);
      assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(COARSE.evaluate(x)));
      assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(other.evaluate(x)));
      assertTrue(v > 0 && v < 10, "value " + v);
    }
  }

  @Test
  void fourThreadsGiveTheSequentialValues() throws Exception {
    double[][] xs = points(40, 2);
    double[] sequential = COARSE.evaluateAll(xs);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[]>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> COARSE.evaluateAll(xs)));
      }
      for (Future<double[]> run : runs) {
        double[] ys = run.get();
        for (int i = 0; i < xs.length; i++) {
          assertEquals(
              Double.doubleToRawLongBits(sequential[i]), Double.doubleToRawLongBits(ys[i]));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsWrongLengthAndNonFinitePoints() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> COARSE.evaluate(new double[] {0.5, 0.5}));
    assertTrue(e.getMessage().contains("length 2"), e.getMessage());
    e = assertThrows(
        IllegalArgumentException.class, () -> COARSE.evaluate(new double[] {0.5, 0.5, 5, 1}));
    assertTrue(e.getMessage().contains("length 4"), e.getMessage());
    double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int k = 0; k < 3; k++) {
      for (double b : bad) {
        double[] x = {0.5, 0.5, 5};
        x[k] = b;
        e = assertThrows(IllegalArgumentException.class, () -> COARSE.evaluate(x));
        assertTrue(e.getMessage().contains("x[" + k + "]"), e.getMessage());
        assertTrue(e.getMessage().contains(Double.toString(b)), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> COARSE.temperatures(x));
      }
    }
    assertThrows(NullPointerException.class, () -> COARSE.evaluate(null));
  }

  @Test
  void builderRejectsBadSettingsAndRoundTrips() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HeatPlate.builder().grid(7));
    assertTrue(e.getMessage().contains("7"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HeatPlate.builder().grid(4096));
    e = assertThrows(IllegalArgumentException.class, () -> HeatPlate.builder().tolerance(0));
    assertTrue(e.getMessage().contains("0.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HeatPlate.builder().tolerance(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> HeatPlate.builder().tolerance(0.5));

    HeatPlate p = HeatPlate.builder().grid(40).tolerance(1e-8).build();
    assertEquals(40, p.grid());
    assertEquals(1e-8, p.tolerance());
    assertEquals(p, p.toBuilder().build());
    assertEquals(p.hashCode(), p.toBuilder().build().hashCode());
    assertNotEquals(p, p.toBuilder().grid(41).build());
    HeatPlate d = HeatPlate.defaults();
    assertEquals(HeatPlate.DEFAULT_GRID, d.grid());
    assertEquals(HeatPlate.DEFAULT_TOLERANCE, d.tolerance());
  }

  @Test
  void temperaturesSolveThePoissonProblem() {
    int n = COARSE.grid();
    double[] x = {0.6, 0.3, 6};
    double[] t = COARSE.temperatures(x);
    assertEquals(n * n, t.length);
    // Twice the power gives twice the temperature (the problem is linear in P).
    double[] t2 = COARSE.temperatures(new double[] {0.6, 0.3, 12});
    double max = 0;
    int hottest = 0;
    for (int k = 0; k < t.length; k++) {
      assertTrue(t[k] > 0, "node " + k + " is not above the sink: " + t[k]);
      assertEquals(2 * t[k], t2[k], 1e-8 * t2[k]);
      if (t[k] > max) {
        max = t[k];
        hottest = k;
      }
    }
    // The hottest node is the one under the heater.
    double h = 1.0 / (n + 1);
    assertEquals(0.6, (hottest % n + 1) * h, 2 * h);
    assertEquals(0.3, (hottest / n + 1) * h, 2 * h);
    // A heater far off the plate heats nothing: the zone is at 0, one below its target.
    assertEquals(1.0, COARSE.evaluate(new double[] {5, 5, 6}));
  }

  @Test
  void referenceOptimumIsALocalMinimumInsideTheDomain() {
    HeatPlate plate = HeatPlate.defaults();
    double[] best = HeatPlate.referenceOptimum();
    assertTrue(plate.domain().contains(best));
    double value = plate.evaluate(best);
    assertEquals(HeatPlate.REFERENCE_VALUE, value, 1e-12);
    double[] step = {0.005, 0.005, 0.05};
    for (int k = 0; k < 3; k++) {
      for (int sign = -1; sign <= 1; sign += 2) {
        double[] x = best.clone();
        x[k] += sign * step[k];
        double v = plate.evaluate(x);
        assertTrue(v > value, "f" + java.util.Arrays.toString(x) + " = " + v + " <= " + value);
      }
    }
    double[] diagonal = {best[0] + step[0], best[1] - step[1], best[2] + step[2]};
    assertTrue(plate.evaluate(diagonal) > value);
  }
}
