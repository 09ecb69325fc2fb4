package io.github.nnproxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DomainTest {

  @Test
  void cubeHasTheGivenBounds() {
    Domain d = Domain.cube(3, -5, 5);
    assertEquals(3, d.dimension());
    assertArrayEquals(new double[] {-5, -5, -5}, d.lower());
    assertArrayEquals(new double[] {5, 5, 5}, d.upper());
    assertArrayEquals(new double[] {0, 0, 0}, d.center());
  }

  @Test
  void containsIsClosedAndRejectsNanAndWrongLength() {
    Domain d = Domain.of(new double[] {0, -1}, new double[] {1, 1});
    assertTrue(d.contains(new double[] {0, 1}));
    assertTrue(d.contains(new double[] {0.5, 0}));
    assertFalse(d.contains(new double[] {1.0000001, 0}));
    assertFalse(d.contains(new double[] {Double.NaN, 0}));
    assertFalse(d.contains(new double[] {0.5}));
  }

  @Test
  void copiesArraysInAndOut() {
    double[] lo = {0, 0};
    double[] hi = {1, 1};
    Domain d = Domain.of(lo, hi);
    lo[0] = -10;
    d.upper()[0] = 99;
    assertEquals(0, d.lower(0));
    assertEquals(1, d.upper(0));
  }

  @Test
  void equalityIsByValue() {
    assertEquals(Domain.cube(2, -1, 1), Domain.of(new double[] {-1, -1}, new double[] {1, 1}));
    assertEquals(Domain.cube(2, -1, 1).hashCode(), Domain.cube(2, -1, 1).hashCode());
  }

  @Test
  void clampMovesPointsIntoTheBox() {
    Domain d = Domain.cube(2, -1, 1);
    assertArrayEquals(new double[] {-1, 0.5}, d.clamp(new double[] {-7, 0.5}));
  }

  static Stream<Arguments> badBounds() {
    return Stream.of(
        Arguments.of(new double[0], new double[0], "empty"),
        Arguments.of(new double[] {0}, new double[] {1, 2}, "same length"),
        Arguments.of(new double[] {Double.NaN}, new double[] {1}, "lower[0] must be finite"),
        Arguments.of(new double[] {0}, new double[] {Double.POSITIVE_INFINITY},
            "upper[0] must be finite"),
        Arguments.of(new double[] {0, 3}, new double[] {1, 2}, "lower[1] must be < upper[1]"),
        Arguments.of(new double[] {1}, new double[] {1}, "lower[0] must be < upper[0]"));
  }

  @ParameterizedTest
  @MethodSource("badBounds")
  void rejectsBadBoundsNamingTheValue(double[] lo, double[] hi, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Domain.of(lo, hi));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void rejectsNullAndNonPositiveDimension() {
    assertThrows(NullPointerException.class, () -> Domain.of(null, new double[] {1}));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Domain.cube(0, 0, 1));
    assertTrue(e.getMessage().contains("but was 0"));
  }
}
