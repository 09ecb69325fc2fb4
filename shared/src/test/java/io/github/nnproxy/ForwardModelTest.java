package io.github.nnproxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForwardModelTest {
  private final ForwardModel sum = ForwardModel.of(Domain.cube(2, 0, 1), x -> {
    double s = x[0] + 10 * x[1];
    x[0] = 1e9; // the wrapper passes a copy
    return s;
  });

  @Test
  void wrapsAUserFunction() {
    double[] x = {0.5, 0.25};
    assertEquals(3.0, sum.evaluate(x));
    assertEquals(0.5, x[0]);
  }

  @Test
  void evaluateAllEqualsOneByOne() {
    double[][] xs = {{0, 0}, {1, 1}, {0.3, 0.7}};
    assertArrayEquals(new double[] {sum.evaluate(xs[0]), sum.evaluate(xs[1]),
        sum.evaluate(xs[2])}, sum.evaluateAll(xs));
  }

  @Test
  void rejectsWrongLengthAndNonFiniteInput() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sum.evaluate(new double[] {1}));
    assertTrue(e.getMessage().contains("length 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> sum.evaluate(new double[] {0, Double.NaN}));
    assertTrue(e.getMessage().contains("x[1]"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> sum.evaluateAll(new double[][] {{0, 0}, {Double.NEGATIVE_INFINITY, 0}}));
    assertThrows(NullPointerException.class, () -> sum.evaluate(null));
    assertThrows(NullPointerException.class, () -> ForwardModel.of(null, x -> 0));
  }
}
