package io.github.nnproxy.jmetal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.optimize.Optimum;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uma.jmetal.component.catalogue.pso.inertiaweightcomputingstrategy.impl.ConstantValueStrategy;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.solution.doublesolution.impl.DefaultDoubleSolution;
import org.uma.jmetal.util.archive.impl.CrowdingDistanceArchive;
import org.uma.jmetal.util.bounds.Bounds;
import org.uma.jmetal.util.pseudorandom.JMetalRandom;

class PyswarmsComponentsTest {
  private static final List<Bounds<Double>> BOX =
      List.of(Bounds.create(-5.0, 5.0), Bounds.create(-5.0, 5.0));

  private static DoubleSolution solution(double value, double... x) {
    DoubleSolution s = new DefaultDoubleSolution(BOX, 1, 0);
    for (int j = 0; j < x.length; j++) {
      s.variables().set(j, x[j]);
    }
    s.objectives()[0] = value;
    return s;
  }

  @Test
  void periodicWrapIsPyswarmsFormula() {
    // numpy: lb + mod(x - ub, ub - lb) above, ub - mod(lb - x, ub - lb) below
    assertEquals(-3.5, PeriodicPositionUpdate.wrap(6.5, -5, 5), 1e-15);
    assertEquals(3.0, PeriodicPositionUpdate.wrap(-17.0, -5, 5), 1e-15);
    assertEquals(-4.0, PeriodicPositionUpdate.wrap(26.0, -5, 5), 1e-15);
    assertEquals(2.5, PeriodicPositionUpdate.wrap(2.5, -5, 5));
    assertEquals(5.0, PeriodicPositionUpdate.wrap(5.0, -5, 5));
    assertEquals(5.0, PeriodicPositionUpdate.wrap(-15.0, -5, 5)); // exact multiple: ub
  }

  @Test
  void periodicUpdateMovesWrapsAndLeavesTheVelocityAlone() {
    List<DoubleSolution> swarm = List.of(solution(0, 4.0, -4.0));
    double[][] speed = {{2.5, -3.0}};
    new PeriodicPositionUpdate(BOX).update(swarm, speed);
    assertEquals(-3.5, swarm.get(0).variables().get(0), 1e-15);
    assertEquals(3.0, swarm.get(0).variables().get(1), 1e-15);
    assertArrayEquals(new double[] {2.5, -3.0}, speed[0]);
  }

  @Test
  void periodicUpdateRejectsMismatchedSizesAndEmptyRanges() {
    var update = new PeriodicPositionUpdate(BOX);
    var e = assertThrows(IllegalArgumentException.class,
        () -> update.update(List.of(solution(0, 1, 1)), new double[][] {{1, 1}, {1, 1}}));
    assertEquals("swarm has 1 particles but speed has 2 rows", e.getMessage());
    var empty = assertThrows(IllegalArgumentException.class,
        () -> new PeriodicPositionUpdate(List.of(Bounds.create(1.0, 1.0))));
    assertEquals("bounds[0] must be a finite range lower < upper, but was [1.0, 1.0]",
        empty.getMessage());
  }

  @Test
  void velocityUpdateDrawsFactorsPerCoordinate() {
    DoubleSolution x = solution(5, 0.0, 0.0);
    DoubleSolution pbest = solution(1, 1.0, 1.0);
    var leaders = new CrowdingDistanceArchive<DoubleSolution>(1);
    leaders.add(solution(0, 2.0, 2.0));
    double[][] speed = {{0.0, 0.0}};
    JmetalRandomScope.run(11L, () -> {
      new CoordinateWiseVelocityUpdate(0.5, 0.3).update(List.of(x), speed,
          new DoubleSolution[] {pbest}, leaders, l -> l.get(0), new ConstantValueStrategy(0.9));
      return null;
    });
    // replay the stream: r1 for both coordinates first, then r2, as pyswarms draws them
    double[] expected = JmetalRandomScope.run(11L, () -> {
      JMetalRandom r = JMetalRandom.getInstance();
      double r10 = r.nextDouble();
      double r11 = r.nextDouble();
      double r20 = r.nextDouble();
      double r21 = r.nextDouble();
      return new double[] {0.5 * r10 * 1 + 0.3 * r20 * 2, 0.5 * r11 * 1 + 0.3 * r21 * 2};
    });
    assertArrayEquals(expected, speed[0], 0.0);
    assertNotEquals(speed[0][0], speed[0][1]); // a per-particle draw would give equal coordinates
  }

  @Test
  void velocityUpdateRejectsNegativeCoefficients() {
    var e = assertThrows(IllegalArgumentException.class, () -> new CoordinateWiseVelocityUpdate(-0.1, 0.3));
    assertEquals("c1 must be >= 0, but was -0.1", e.getMessage());
  }

  @Test
  void initialVelocitiesAreUniformPerCoordinate() {
    List<DoubleSolution> swarm = List.of(solution(0, 0, 0), solution(0, 0, 0));
    double[][] v = JmetalRandomScope.run(3L, () -> UniformVelocityInitialization.pyswarms().initialize(swarm));
    assertEquals(2, v.length);
    for (double[] row : v) {
      for (double vi : row) {
        assertTrue(vi >= 0 && vi < 1, "velocity " + vi);
      }
    }
    assertNotEquals(v[0][0], v[0][1]);
    assertThrows(IllegalArgumentException.class, () -> UniformVelocityInitialization.of(1, 0));
  }

  @Test
  void personalBestChangesOnlyOnStrictImprovement() {
    DoubleSolution[] best = {solution(1.0, 0, 0), solution(1.0, 0, 0)};
    DoubleSolution keep = best[0];
    List<DoubleSolution> swarm = List.of(solution(1.0, 3, 3), solution(0.5, 4, 4));
    new StrictLocalBestUpdate().update(swarm, best);
    assertSame(keep, best[0]);
    assertEquals(0.5, best[1].objectives()[0]);
    assertEquals(4.0, best[1].variables().get(0));
  }

  @Test
  void paperDoesNotParkOnTheCornerWhenTheMinimumLiesOutsideTheBox() {
    // a bowl centred at 6 on [-5, 5]^10: pyswarms' periodic bounds keep the swarm moving, where
    // jMetal's clamp parks it exactly on the corner (5, ..., 5)
    int d = 10;
    ForwardModel bowl = ForwardModel.of(Domain.cube(d, -5, 5), x -> {
      double s = 0;
      for (double xi : x) {
        s += (xi - 6) * (xi - 6);
      }
      return s;
    });
    double[] corner = new double[d];
    java.util.Arrays.fill(corner, 5.0);
    Optimum clamped = JmetalPsoOptimizer.jmetalRules().withIterations(200).minimize(bowl, 1L);
    Optimum periodic = JmetalPsoOptimizer.paper().withIterations(200).minimize(bowl, 1L);
    assertEquals(0.0, clamped.distanceTo(corner), 1e-9);
    assertTrue(periodic.distanceTo(corner) > 0.5,
        "periodic PSO ended " + periodic.distanceTo(corner) + " from the corner");
  }
}
