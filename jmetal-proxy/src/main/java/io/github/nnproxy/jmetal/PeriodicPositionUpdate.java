package io.github.nnproxy.jmetal;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.util.List;
import org.uma.jmetal.component.catalogue.pso.positionupdate.PositionUpdate;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.util.bounds.Bounds;

/**
 * Moves each particle by its velocity and wraps a coordinate that leaves the box back in from the
 * opposite side, leaving the velocity as it is: pyswarms' default boundary handling ({@code
 * bh_strategy="periodic"}).
 *
 * <p>With {@code s = ub - lb}, a coordinate {@code x < lb} becomes {@code ub - ((lb - x) mod s)}
 * and {@code x > ub} becomes {@code lb + ((x - ub) mod s)}, as pyswarms' {@code
 * BoundaryHandler.periodic} computes it. jMetal's {@code DefaultPositionUpdate} instead clamps the
 * coordinate to the bound (and scales the velocity), which parks particles on the edge of the box;
 * on a proxy whose minimum lies at or beyond the edge that decides the answer. Immutable.
 */
public final class PeriodicPositionUpdate implements PositionUpdate {
  private final double[] lower;
  private final double[] upper;

  /**
   * Creates the update for a box.
   *
   * @param bounds the bounds of each coordinate, e.g. {@code problem.variableBounds()}; every
   *     lower bound finite and below its finite upper bound
   * @throws IllegalArgumentException if a bound is not finite or a range is empty
   * @throws NullPointerException if {@code bounds} is null
   */
  public PeriodicPositionUpdate(List<Bounds<Double>> bounds) {
    nonNull(bounds, "bounds");
    lower = new double[bounds.size()];
    upper = new double[bounds.size()];
    for (int j = 0; j < lower.length; j++) {
      Bounds<Double> b = nonNull(bounds.get(j), "bounds[" + j + "]");
      lower[j] = b.getLowerBound();
      upper[j] = b.getUpperBound();
      if (!Double.isFinite(lower[j]) || !Double.isFinite(upper[j]) || !(lower[j] < upper[j])) {
        throw new IllegalArgumentException(
            "bounds[" + j + "] must be a finite range lower < upper, but was [" + lower[j] + ", "
                + upper[j] + "]");
      }
    }
  }

  /**
   * Moves the particles in place.
   *
   * @param swarm the particles, moved in place
   * @param speed their velocities, one row per particle, left unchanged
   * @return {@code swarm}
   * @throws IllegalArgumentException if the sizes of the swarm, the velocities and the bounds
   *     disagree
   */
  @Override
  public List<DoubleSolution> update(List<DoubleSolution> swarm, double[][] speed) {
    if (swarm.size() != speed.length) {
      throw new IllegalArgumentException(
          "swarm has " + swarm.size() + " particles but speed has " + speed.length + " rows");
    }
    for (int i = 0; i < swarm.size(); i++) {
      List<Double> x = swarm.get(i).variables();
      if (x.size() != lower.length || speed[i].length != lower.length) {
        throw new IllegalArgumentException(
            "particle " + i + " has " + x.size() + " variables and " + speed[i].length
                + " velocities, but the box has " + lower.length + " coordinates");
      }
      for (int j = 0; j < lower.length; j++) {
        x.set(j, wrap(x.get(j) + speed[i][j], lower[j], upper[j]));
      }
    }
    return swarm;
  }

  /**
   * Wraps one coordinate into {@code [lower, upper]} as pyswarms' periodic strategy does.
   *
   * @param x the coordinate
   * @param lower the lower bound
   * @param upper the upper bound, {@code > lower}
   * @return {@code x} if inside, else its periodic image
   */
  static double wrap(double x, double lower, double upper) {
    double span = upper - lower;
    if (x < lower) {
      return upper - mod(lower - x, span);
    }
    if (x > upper) {
      return lower + mod(x - upper, span);
    }
    return x;
  }

  private static double mod(double a, double m) {
    double r = a % m; // a > 0 here, as in numpy.mod with a positive divisor
    return r < 0 ? r + m : r;
  }

  @Override
  public String toString() {
    return "PeriodicPositionUpdate[" + lower.length + " coordinates]";
  }
}
