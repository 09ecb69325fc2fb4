package io.github.nnproxy;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.internal.Requires;
import java.io.Serializable;
import java.util.Arrays;

/**
 * An axis-aligned box of the search space: one closed interval {@code [lower[i], upper[i]]} per
 * coordinate.
 *
 * <p>Every forward model, proxy and optimizer in nnproxy works on a {@code Domain}. The record
 * copies its arrays on the way in and on the way out, so a {@code Domain} is immutable and
 * thread-safe. It is serializable (a forward model shipped to a cluster carries its domain);
 * deserialization runs the validating constructor.
 *
 * <pre>{@code
 * Domain cube = Domain.cube(2, -5, 5);              // [-5, 5]^2
 * Domain box = Domain.of(new double[] {0, -1}, new double[] {1, 1});
 * boolean inside = cube.contains(new double[] {0.5, 4.9});
 * }</pre>
 *
 * @param lower the lower bound of each coordinate
 * @param upper the upper bound of each coordinate
 */
public record Domain(double[] lower, double[] upper) implements Serializable {

  /**
   * Validates and copies the bounds.
   *
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays are empty, of different lengths, hold a
   *     non-finite bound, or a lower bound is not strictly below its upper bound
   */
  public Domain {
    nonNull(lower, "lower");
    nonNull(upper, "upper");
    if (lower.length == 0) {
      throw new IllegalArgumentException("lower must not be empty: a domain needs >= 1 dimension");
    }
    if (lower.length != upper.length) {
      throw new IllegalArgumentException(
          "lower and upper must have the same length, but were "
              + lower.length
              + " and "
              + upper.length);
    }
    lower = lower.clone();
    upper = upper.clone();
    for (int i = 0; i < lower.length; i++) {
      Requires.finite(lower[i], "lower[" + i + "]");
      Requires.finite(upper[i], "upper[" + i + "]");
      if (!(lower[i] < upper[i])) {
        throw new IllegalArgumentException(
            "lower[" + i + "] must be < upper[" + i + "], but was " + lower[i] + " >= " + upper[i]);
      }
    }
  }

  /**
   * Creates a domain from per-coordinate bounds.
   *
   * @param lower the lower bounds
   * @param upper the upper bounds
   * @return the domain
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static Domain of(double[] lower, double[] upper) {
    return new Domain(lower, upper);
  }

  /**
   * Creates the cube {@code [lower, upper]^dimension}.
   *
   * @param dimension the number of coordinates, {@code > 0}
   * @param lower the lower bound of every coordinate
   * @param upper the upper bound of every coordinate
   * @return the cube
   * @throws IllegalArgumentException if {@code dimension <= 0} or the bounds are invalid
   */
  public static Domain cube(int dimension, double lower, double upper) {
    Requires.positive(dimension, "dimension");
    double[] lo = new double[dimension];
    double[] hi = new double[dimension];
    Arrays.fill(lo, lower);
    Arrays.fill(hi, upper);
    return new Domain(lo, hi);
  }

  /**
   * Returns a copy of the lower bounds.
   *
   * @return the lower bounds
   */
  @Override
  public double[] lower() {
    return lower.clone();
  }

  /**
   * Returns a copy of the upper bounds.
   *
   * @return the upper bounds
   */
  @Override
  public double[] upper() {
    return upper.clone();
  }

  /**
   * Returns the lower bound of one coordinate, without copying.
   *
   * @param i the coordinate index
   * @return {@code lower[i]}
   */
  public double lower(int i) {
    return lower[i];
  }

  /**
   * Returns the upper bound of one coordinate, without copying.
   *
   * @param i the coordinate index
   * @return {@code upper[i]}
   */
  public double upper(int i) {
    return upper[i];
  }

  /**
   * Returns the number of coordinates.
   *
   * @return the dimension, {@code >= 1}
   */
  public int dimension() {
    return lower.length;
  }

  /**
   * Returns the centre of the box.
   *
   * @return {@code (lower + upper) / 2} per coordinate
   */
  public double[] center() {
    double[] c = new double[lower.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = 0.5 * (lower[i] + upper[i]);
    }
    return c;
  }

  /**
   * Tells whether a point lies in the closed box.
   *
   * @param x the point
   * @return true if {@code x} has this dimension and {@code lower[i] <= x[i] <= upper[i]} for all i
   *     (false for NaN coordinates)
   * @throws NullPointerException if {@code x} is null
   */
  public boolean contains(double[] x) {
    nonNull(x, "x");
    if (x.length != lower.length) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the point moved into the box, coordinate by coordinate.
   *
   * @param x the point, of this domain's dimension
   * @return a new array with each coordinate clamped to its bounds
   * @throws IllegalArgumentException if {@code x} has the wrong length or non-finite coordinates
   */
  public double[] clamp(double[] x) {
    io.github.nnproxy.internal.Requires.point(x, lower.length, "x");
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.max(lower[i], Math.min(upper[i], x[i]));
    }
    return y;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Domain d && Arrays.equals(lower, d.lower) && Arrays.equals(upper, d.upper);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Domain[");
    for (int i = 0; i < lower.length; i++) {
      if (i > 0) {
        sb.append(" x ");
      }
      sb.append('[').append(lower[i]).append(", ").append(upper[i]).append(']');
    }
    return sb.append(']').toString();
  }
}
