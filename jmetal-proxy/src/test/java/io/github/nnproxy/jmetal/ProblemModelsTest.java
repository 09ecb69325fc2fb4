package io.github.nnproxy.jmetal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.proxy.Proxy;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.uma.jmetal.problem.doubleproblem.impl.AbstractDoubleProblem;
import org.uma.jmetal.problem.multiobjective.zdt.ZDT1;
import org.uma.jmetal.problem.singleobjective.Rastrigin;
import org.uma.jmetal.problem.singleobjective.Sphere;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;

class ProblemModelsTest {

  @Test
  void wrapsTheObjectiveOfAJmetalProblem() {
    ForwardModel sphere = ProblemModels.of(new Sphere(2));
    assertEquals(Domain.cube(2, -5.12, 5.12), sphere.domain());
    assertEquals(5.0, sphere.evaluate(new double[] {1, 2}));
    assertEquals(0.0, sphere.evaluate(new double[] {0, 0}));
    ForwardModel rastrigin = ProblemModels.of(new Rastrigin(3));
    assertEquals(3, rastrigin.domain().dimension());
    assertEquals(0.0, rastrigin.evaluate(new double[] {0, 0, 0}), 1e-12);
    assertTrue(sphere.toString().contains("Sphere"), sphere.toString());
  }

  @Test
  void wrapsAUsersOwnProblem() {
    ForwardModel f = ProblemModels.of(TestModels.UserProblem.shiftedSphere());
    assertEquals(Domain.cube(2, -5, 5), f.domain());
    assertEquals(0.0, f.evaluate(new double[] {1, -2}));
    assertEquals(2.0, f.evaluate(new double[] {0, -1}));
  }

  @Test
  void evaluateAllEqualsEvaluate() {
    ForwardModel f = ProblemModels.of(new Rastrigin(2));
    double[][] xs = {{0.1, 0.2}, {-3, 4.5}, {5.12, -5.12}, {7, 0}};
    double[] ys = f.evaluateAll(xs);
    for (int i = 0; i < xs.length; i++) {
      assertEquals(f.evaluate(xs[i]), ys[i]);
    }
  }

  @Test
  void trainsAProxyOfAJmetalProblem() {
    Proxy proxy = TestModels.jmetalSphereProxy();
    assertEquals(Domain.cube(2, -5.12, 5.12), proxy.domain());
    assertTrue(proxy.quality().validationR2() > 0.95, proxy.quality().toString());
  }

  @Test
  void serializesCallsToAProblemThatIsNotThreadSafe() throws Exception {
    // A problem with a scratch field, as many jMetal problems have: unsafe without the lock.
    AbstractDoubleProblem scratchy =
        new AbstractDoubleProblem() {
          private static final long serialVersionUID = 1L;
          private double scratch;

          {
            numberOfObjectives(1);
            name("Scratchy");
            variableBounds(List.of(-1.0), List.of(1.0));
          }

          @Override
          public DoubleSolution evaluate(DoubleSolution s) {
            scratch = s.variables().get(0);
            for (int i = 0; i < 200; i++) {
              scratch = scratch + 0.0; // widen the window between write and read
              Thread.onSpinWait();
            }
            s.objectives()[0] = scratch * 2;
            return s;
          }
        };
    ForwardModel f = ProblemModels.of(scratchy);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> a = pool.submit(() -> wrongAnswers(f, 0.25));
      Future<Integer> b = pool.submit(() -> wrongAnswers(f, -0.75));
      assertEquals(0, a.get() + b.get());
    } finally {
      pool.shutdownNow();
    }
  }

  private static int wrongAnswers(ForwardModel f, double x) {
    int wrong = 0;
    for (int i = 0; i < 20_000; i++) {
      if (f.evaluate(new double[] {x}) != 2 * x) {
        wrong++;
      }
    }
    return wrong;
  }

  @Test
  void rejectsAMultiObjectiveProblem() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProblemModels.of(new ZDT1()));
    assertTrue(e.getMessage().contains("must have exactly 1 objective, but 'ZDT1' has 2"), e.getMessage());
  }

  @Test
  void rejectsAConstrainedProblem() {
    var constrained =
        new TestModels.UserProblem("Constrained", 1, 2, List.of(0.0, 0.0), List.of(1.0, 1.0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProblemModels.of(constrained));
    assertTrue(e.getMessage().contains("'Constrained' has 2 constraints"), e.getMessage());
  }

  @Test
  void rejectsInfiniteBounds() {
    var open =
        new TestModels.UserProblem(
            "Open", 1, 0, List.of(0.0, Double.NEGATIVE_INFINITY), List.of(1.0, 1.0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProblemModels.of(open));
    assertTrue(e.getMessage().contains("bounds of problem 'Open' are not a valid domain"), e.getMessage());
    assertTrue(e.getMessage().contains("lower[1] must be finite, but was -Infinity"), e.getMessage());
  }

  @Test
  void rejectsNull() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> ProblemModels.of(null));
    assertEquals("problem must not be null", e.getMessage());
    assertThrows(NullPointerException.class, () -> ProblemModels.domainOf(null));
  }

  @Test
  void checksPointsBeforeCallingTheProblem() {
    ForwardModel f = ProblemModels.of(new Sphere(2));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> f.evaluate(new double[] {1, 2, 3}));
    assertEquals("x must have length 2, but had length 3", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> f.evaluate(new double[] {Double.NaN, 0}));
  }

  @Test
  void domainOfReadsTheBounds() {
    var p = new TestModels.UserProblem("P", 1, 0, List.of(-1.0, 0.0), List.of(2.0, 3.0));
    Domain d = ProblemModels.domainOf(p);
    assertArrayEquals(new double[] {-1, 0}, d.lower());
    assertArrayEquals(new double[] {2, 3}, d.upper());
  }
}
