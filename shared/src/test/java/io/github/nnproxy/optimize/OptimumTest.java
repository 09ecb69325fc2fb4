package io.github.nnproxy.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OptimumTest {
  @Test
  void copiesAndComparesByValue() {
    double[] x = {3, 4};
    Optimum o = Optimum.of(x, 1.5, 10);
    x[0] = 0;
    assertEquals(3, o.x()[0]);
    assertEquals(5.0, o.distanceTo(new double[] {0, 0}), 1e-15);
    assertEquals(Optimum.of(new double[] {3, 4}, 1.5, 10), o);
    assertNotEquals(Optimum.of(new double[] {3, 4}, 1.5, 11), o);
  }

  @Test
  void rejectsBadValues() {
    assertThrows(IllegalArgumentException.class, () -> Optimum.of(new double[0], 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Optimum.of(new double[] {1}, 0, -1));
    assertThrows(IllegalArgumentException.class,
        () -> Optimum.of(new double[] {1}, 0, 0).distanceTo(new double[] {1, 2}));
  }
}
