package io.github.nnproxy.optimize;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.internal.Requires;
import io.github.nnproxy.internal.Vectors;
import java.util.Arrays;

/**
 * The result of one optimizer run: the best point found, the objective's value there and the
 * number of objective evaluations the run actually made.
 *
 * <p>Immutable: the point is copied in and out.
 *
 * <pre>{@code
 * Optimum best = optimizer.minimize(proxy, 42L);
 * double trueValue = truth.evaluate(best.x());
 * }</pre>
 *
 * @param x the best point found
 * @param value the objective's value at {@code x} (the objective the optimizer ran on)
 * @param evaluations the number of objective evaluations made, {@code >= 0}
 */
public record Optimum(double[] x, double value, long evaluations) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if {@code x} is empty or {@code evaluations < 0}
   */
  public Optimum {
    nonNull(x, "x");
    Requires.nonEmpty(x, "x");
    Requires.nonNegative(evaluations, "evaluations");
    x = x.clone();
  }

  /**
   * Creates an optimum.
   *
   * @param x the point
   * @param value the objective value at {@code x}
   * @param evaluations the number of evaluations made
   * @return the optimum
   */
  public static Optimum of(double[] x, double value, long evaluations) {
    return new Optimum(x, value, evaluations);
  }

  /**
   * Returns a copy of the best point.
   *
   * @return the point
   */
  @Override
  public double[] x() {
    return x.clone();
  }

  /**
   * Returns the Euclidean distance from {@code x()} to another point.
   *
   * @param other a point of the same length
   * @return the distance
   * @throws IllegalArgumentException if the lengths differ
   */
  public double distanceTo(double[] other) {
    nonNull(other, "other");
    if (other.length != x.length) {
      throw new IllegalArgumentException(
          "other must have length " + x.length + ", but had length " + other.length);
    }
    return Vectors.distance(x, other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Optimum p
        && Arrays.equals(x, p.x)
        && Double.compare(value, p.value) == 0
        && evaluations == p.evaluations;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(x) + Double.hashCode(value)) + Long.hashCode(evaluations);
  }

  @Override
  public String toString() {
    return "Optimum[x=" + Arrays.toString(x) + ", value=" + value + ", evaluations=" + evaluations + "]";
  }
}
