package io.github.nnproxy.jmetal;

import io.github.nnproxy.internal.Requires;
import java.util.List;
import org.uma.jmetal.component.catalogue.pso.globalbestselection.GlobalBestSelection;
import org.uma.jmetal.component.catalogue.pso.inertiaweightcomputingstrategy.InertiaWeightComputingStrategy;
import org.uma.jmetal.component.catalogue.pso.velocityupdate.VelocityUpdate;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.util.archive.BoundedArchive;
import org.uma.jmetal.util.pseudorandom.JMetalRandom;

/**
 * The global-best velocity rule as pyswarms' {@code GlobalBestPSO} applies it: {@code v = w v +
 * c1 r1 (pbest - x) + c2 r2 (gbest - x)} with {@code r1} and {@code r2} drawn from {@code U(0, 1)}
 * for every particle <em>and every coordinate</em>, and constant {@code c1}, {@code c2}.
 *
 * <p>jMetal's {@code DefaultVelocityUpdate} draws {@code r1}, {@code r2} once per particle, so each
 * particle moves in the plane spanned by its velocity, its personal best and the global best; the
 * swarm then loses diversity and stalls on multimodal functions in 4 and more dimensions. This
 * component restores the per-coordinate draws of pyswarms (and of Kennedy and Eberhart's PSO).
 * Like pyswarms, it draws the whole {@code r1} matrix (particle by particle, coordinate by
 * coordinate) before the {@code r2} matrix, from jMetal's {@link JMetalRandom}, so a seeded
 * {@code JMetalRandom} makes it repeatable. The velocity is not clamped (pyswarms' {@code
 * clamp=None} and velocity strategy {@code "unmodified"}).
 *
 * <p>The global best is selected once per step with the given {@link GlobalBestSelection}; the
 * inertia weight is computed once per step too. Stateless apart from its coefficients; safe to
 * share between runs on different threads when {@code JMetalRandom} is thread-bound, as in
 * {@link JmetalPsoOptimizer}.
 */
public final class CoordinateWiseVelocityUpdate implements VelocityUpdate {
  private final double c1;
  private final double c2;

  /**
   * Creates the rule with constant acceleration coefficients.
   *
   * @param c1 the cognitive coefficient (pull towards the personal best), finite and {@code >= 0}
   * @param c2 the social coefficient (pull towards the global best), finite and {@code >= 0}
   * @throws IllegalArgumentException if a coefficient is negative or not finite
   */
  public CoordinateWiseVelocityUpdate(double c1, double c2) {
    this.c1 = nonNegativeCoefficient(c1, "c1");
    this.c2 = nonNegativeCoefficient(c2, "c2");
  }

  private static double nonNegativeCoefficient(double c, String name) {
    Requires.finite(c, name);
    if (c < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, but was " + c);
    }
    return c;
  }

  /**
   * Returns the cognitive coefficient.
   *
   * @return {@code c1}
   */
  public double c1() {
    return c1;
  }

  /**
   * Returns the social coefficient.
   *
   * @return {@code c2}
   */
  public double c2() {
    return c2;
  }

  /**
   * Updates every particle's velocity in place.
   *
   * @param swarm the particles' current positions
   * @param speed the velocities, one row per particle, updated in place
   * @param localBest the personal bests, one per particle
   * @param leaders the archive holding the global best
   * @param globalBestSelection picks the global best from {@code leaders}
   * @param inertia gives the inertia weight {@code w}
   * @return {@code speed}
   */
  @Override
  public double[][] update(
      List<DoubleSolution> swarm,
      double[][] speed,
      DoubleSolution[] localBest,
      BoundedArchive<DoubleSolution> leaders,
      GlobalBestSelection globalBestSelection,
      InertiaWeightComputingStrategy inertia) {
    int n = swarm.size();
    if (n == 0) {
      return speed;
    }
    int d = swarm.get(0).variables().size();
    JMetalRandom random = JMetalRandom.getInstance();
    double[][] r1 = draw(random, n, d);
    double[][] r2 = draw(random, n, d);
    double[] gbest = values(globalBestSelection.select(leaders.solutions()));
    double w = inertia.compute();
    for (int i = 0; i < n; i++) {
      double[] x = values(swarm.get(i));
      double[] pbest = values(localBest[i]);
      double[] v = speed[i];
      for (int j = 0; j < d; j++) {
        v[j] = w * v[j] + c1 * r1[i][j] * (pbest[j] - x[j]) + c2 * r2[i][j] * (gbest[j] - x[j]);
      }
    }
    return speed;
  }

  private static double[][] draw(JMetalRandom random, int n, int d) {
    double[][] r = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        r[i][j] = random.nextDouble();
      }
    }
    return r;
  }

  /** The variables of a solution as a new array. */
  static double[] values(DoubleSolution s) {
    List<Double> vars = s.variables();
    double[] x = new double[vars.size()];
    for (int j = 0; j < x.length; j++) {
      x[j] = vars.get(j);
    }
    return x;
  }

  @Override
  public String toString() {
    return "CoordinateWiseVelocityUpdate[c1=" + c1 + ", c2=" + c2 + "]";
  }
}
