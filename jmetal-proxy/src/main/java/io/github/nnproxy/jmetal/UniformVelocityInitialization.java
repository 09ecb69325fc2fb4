package io.github.nnproxy.jmetal;

import java.util.List;
import org.uma.jmetal.component.catalogue.pso.velocityinitialization.VelocityInitialization;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.util.pseudorandom.JMetalRandom;

/**
 * Draws each particle's initial velocity coordinate by coordinate from {@code U(min, max)}, from
 * jMetal's {@link JMetalRandom}. {@link #pyswarms()} is pyswarms' {@code generate_velocity} without
 * a clamp: {@code U(0, 1)} per coordinate, whatever the size of the domain. jMetal's {@code
 * DefaultVelocityInitialization} starts from zero. Immutable.
 */
public final class UniformVelocityInitialization implements VelocityInitialization {
  private final double min;
  private final double max;

  private UniformVelocityInitialization(double min, double max) {
    this.min = min;
    this.max = max;
  }

  /**
   * Returns velocities drawn from {@code U(min, max)} per coordinate.
   *
   * @param min the lower end, finite
   * @param max the upper end, finite and {@code >= min}
   * @return the initialization
   * @throws IllegalArgumentException if an end is not finite or {@code max < min}
   */
  public static UniformVelocityInitialization of(double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
      throw new IllegalArgumentException(
          "velocity range must be finite with min <= max, but was [" + min + ", " + max + "]");
    }
    return new UniformVelocityInitialization(min, max);
  }

  /**
   * Returns pyswarms' initial velocities, {@code U(0, 1)} per coordinate.
   *
   * @return the initialization
   */
  public static UniformVelocityInitialization pyswarms() {
    return of(0.0, 1.0);
  }

  /**
   * Draws the velocities, particle by particle, coordinate by coordinate.
   *
   * @param swarm the initial swarm
   * @return one row of velocities per particle
   */
  @Override
  public double[][] initialize(List<DoubleSolution> swarm) {
    JMetalRandom random = JMetalRandom.getInstance();
    double[][] v = new double[swarm.size()][];
    for (int i = 0; i < v.length; i++) {
      v[i] = new double[swarm.get(i).variables().size()];
      for (int j = 0; j < v[i].length; j++) {
        v[i][j] = min + (max - min) * random.nextDouble();
      }
    }
    return v;
  }

  @Override
  public String toString() {
    return "UniformVelocityInitialization[" + min + ", " + max + "]";
  }
}
