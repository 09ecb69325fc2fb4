package io.github.nnproxy.jmetal;

import io.github.nnproxy.proxy.ProxyTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uma.jmetal.algorithm.singleobjective.particleswarmoptimization.StandardPSO2007;
import org.uma.jmetal.algorithm.singleobjective.particleswarmoptimization.StandardPSO2011;
import org.uma.jmetal.problem.multiobjective.zdt.ZDT1;
import org.uma.jmetal.problem.singleobjective.Sphere;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.util.evaluator.impl.MultiThreadedSolutionListEvaluator;
import org.uma.jmetal.util.pseudorandom.JMetalRandom;

class ProxyProblemTest {

  @Test
  void mirrorsTheOriginalProblem() {
    Sphere sphere = new Sphere(2);
    Proxy proxy = TestModels.jmetalSphereProxy();
    ProxyProblem p = ProxyProblem.of(sphere, proxy);
    assertEquals("Sphere-proxy", p.name());
    assertEquals(2, p.numberOfVariables());
    assertEquals(1, p.numberOfObjectives());
    assertEquals(0, p.numberOfConstraints());
    for (int i = 0; i < 2; i++) {
      assertEquals(sphere.variableBounds().get(i).getLowerBound(), p.variableBounds().get(i).getLowerBound());
      assertEquals(sphere.variableBounds().get(i).getUpperBound(), p.variableBounds().get(i).getUpperBound());
    }
    assertSame(proxy, p.model());
    DoubleSolution s = p.createSolution();
    s.variables().set(0, 1.0);
    s.variables().set(1, -2.0);
    p.evaluate(s);
    assertEquals(proxy.evaluate(new double[] {1, -2}), s.objectives()[0]);
    assertEquals(1, p.evaluations());
  }

  @Test
  void wrapsAnyForwardModel() {
    ProxyProblem p = ProxyProblem.of(Benchmarks.ackley(3));
    assertEquals(Benchmarks.ackley(3).name(), p.name());
    assertEquals(3, p.numberOfVariables());
    assertEquals(Domain.cube(3, -5, 5), p.domain());
    DoubleSolution s = p.createSolution();
    assertTrue(p.domain().contains(s.variables().stream().mapToDouble(Double::doubleValue).toArray()));
    assertEquals(
        "ForwardModel", ProxyProblem.of(ForwardModel.of(Domain.cube(1, 0, 1), x -> x[0])).name());
    assertEquals("mine", ProxyProblem.of(Benchmarks.sphere(2), "mine").name());
  }

  @Test
  void userAlgorithmCodeRunsUnchangedOnTheProxyOfAJmetalProblem() {
    // "Before": the user's SPSO2007 on jMetal's Sphere; "after": the same code on its proxy.
    Sphere sphere = new Sphere(2);
    ProxyProblem problem = ProxyProblem.of(sphere, TestModels.jmetalSphereProxy());
    JMetalRandom.getInstance().setSeed(3);
    StandardPSO2007 pso = new StandardPSO2007(problem, 20, 100, 3, BatchSolutionListEvaluator.of());
    pso.run();
    DoubleSolution best = pso.result();
    double distance = Math.hypot(best.variables().get(0), best.variables().get(1));
    System.out.printf("user StandardPSO2007 on Sphere-proxy: distance %.4f, %d evaluations%n",
        distance, problem.evaluations());
    assertTrue(distance < 0.5, "distance to Sphere's optimum was " + distance);
    assertEquals(20 * 100, problem.evaluations());
  }

  /**
   * A new user's first try, with the defaults: jMetal's 5-D Sphere, 4,000 Latin-hypercube points,
   * {@code ProxyTrainer.defaults()}, jMetal's own StandardPSO2007 on the ProxyProblem. The smooth
   * default proxy puts the swarm within 0.05 of the optimum (nnproxy 0.1's ReLU defaults: 0.58).
   */
  @Test
  void defaultProxyOfJmetalsFiveDimensionalSphereLeadsStandardPso2007ToItsOptimum() {
    Sphere sphere = new Sphere(5);
    Proxy proxy = ProxyTrainer.defaults()
        .train(ProblemModels.of(sphere), Samplers.latinHypercube(), 4_000, 11L);
    ProxyProblem problem = ProxyProblem.of(sphere, proxy);
    JMetalRandom.getInstance().setSeed(5);
    StandardPSO2007 pso = new StandardPSO2007(problem, 40, 500, 3, BatchSolutionListEvaluator.of());
    pso.run();
    double[] best = pso.result().variables().stream().mapToDouble(Double::doubleValue).toArray();
    double distance = Math.sqrt(java.util.Arrays.stream(best).map(v -> v * v).sum());
    System.out.printf("StandardPSO2007 on the defaults() proxy of Sphere(5): distance %.4f%n",
        distance);
    assertTrue(distance < 0.05, "distance to Sphere(5)'s optimum was " + distance);
  }

  @Test
  void spso2007And2011RunOnTheProxyOfJmetalsSphere() {
    Sphere sphere = new Sphere(2);
    Proxy proxy = TestModels.jmetalSphereProxy();
    ProxyProblem problem = ProxyProblem.of(sphere, proxy);
    for (JmetalPsoOptimizer pso :
        List.of(
            JmetalPsoOptimizer.spso2007().withSwarmSize(20).withIterations(100),
            JmetalPsoOptimizer.spso2011().withSwarmSize(20).withIterations(100))) {
      Optimum best = pso.minimize(problem.model(), 8L);
      double distance = best.distanceTo(new double[] {0, 0});
      System.out.printf("%s on Sphere-proxy: distance %.4f, proxy f %.4f, %d evaluations%n",
          pso.name(), distance, best.value(), best.evaluations());
      assertTrue(distance < 0.5, pso.name() + ": distance to Sphere's optimum was " + distance);
      assertEquals(2000, best.evaluations());
      assertTrue(problem.domain().contains(best.x()));
      assertEquals(proxy.evaluate(best.x()), best.value());
    }
    // and jMetal's own StandardPSO2011, built by user code, directly on the ProxyProblem
    StandardPSO2011 raw = new StandardPSO2011(problem, 20, 50, 3, BatchSolutionListEvaluator.of());
    raw.run();
    assertEquals(20 * 50, problem.evaluations());
    DoubleSolution best = raw.result();
    assertTrue(Math.hypot(best.variables().get(0), best.variables().get(1)) < 0.5, best.toString());
  }

  @Test
  void countsEvaluationsUnderJmetalsMultiThreadedEvaluator() {
    ProxyProblem p = ProxyProblem.of(ProxyTestSupport.smallAckleyProxy());
    List<DoubleSolution> solutions = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      solutions.add(p.createSolution());
    }
    MultiThreadedSolutionListEvaluator<DoubleSolution> mt = new MultiThreadedSolutionListEvaluator<>(2);
    try {
      mt.evaluate(solutions, p);
    } finally {
      mt.shutdown();
    }
    assertEquals(5_000, p.evaluations());
    for (DoubleSolution s : solutions) {
      double[] x = {s.variables().get(0), s.variables().get(1)};
      assertEquals(p.model().evaluate(x), s.objectives()[0]);
    }
  }

  @Test
  void rejectsAProxyWhoseDomainDiffersFromTheBounds() {
    Sphere sphere = new Sphere(2); // [-5.12, 5.12]^2
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ProxyProblem.of(sphere, ProxyTestSupport.smallAckleyProxy()));
    assertTrue(
        e.getMessage().contains("proxy.domain() must equal the bounds of problem 'Sphere'"),
        e.getMessage());
    assertTrue(e.getMessage().contains("[-5.0, 5.0]"), e.getMessage());
    IllegalArgumentException dim =
        assertThrows(IllegalArgumentException.class, () -> ProxyProblem.of(new Sphere(3), TestModels.jmetalSphereProxy()));
    assertTrue(
        dim.getMessage()
            .contains("must have the 3 variables of problem 'Sphere', but had dimension 2"),
        dim.getMessage());
  }

  @Test
  void rejectsAMultiObjectiveOriginal() {
    ZDT1 zdt1 = new ZDT1(2);
    ForwardModel any = ForwardModel.of(Domain.cube(2, 0, 1), x -> 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProxyProblem.of(zdt1, any));
    assertTrue(
        e.getMessage().contains("must have exactly 1 objective, but 'ZDT1' has 2"), e.getMessage());
  }

  @Test
  void rejectsAConstrainedOriginal() {
    var constrained = new TestModels.UserProblem("C", 1, 1, List.of(0.0), List.of(1.0));
    ForwardModel any = ForwardModel.of(Domain.cube(1, 0, 1), x -> 0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProxyProblem.of(constrained, any));
    assertTrue(e.getMessage().contains("'C' has 1 constraints"), e.getMessage());
  }

  @Test
  void rejectsNullArguments() {
    ForwardModel any = ForwardModel.of(Domain.cube(2, 0, 1), x -> 0);
    assertEquals("original must not be null",
        assertThrows(NullPointerException.class, () -> ProxyProblem.of(null, any)).getMessage());
    assertEquals("proxy must not be null",
        assertThrows(NullPointerException.class, () -> ProxyProblem.of(new Sphere(2), null)).getMessage());
    assertEquals("model must not be null",
        assertThrows(NullPointerException.class, () -> ProxyProblem.of((ForwardModel) null)).getMessage());
    assertEquals("name must not be null",
        assertThrows(NullPointerException.class, () -> ProxyProblem.of(any, null)).getMessage());
    ProxyProblem p = ProxyProblem.of(any);
    assertThrows(NullPointerException.class, () -> p.evaluate(null));
    assertThrows(NullPointerException.class, () -> p.evaluateAll(null));
  }

  @Test
  void rejectsABlankName() {
    ForwardModel any = ForwardModel.of(Domain.cube(2, 0, 1), x -> 0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProxyProblem.of(any, " "));
    assertEquals("name must not be blank, but was ' '", e.getMessage());
  }

  @Test
  void rejectsSolutionsThatDoNotFit() {
    ProxyProblem p = ProxyProblem.of(Benchmarks.sphere(2));
    DoubleSolution three = ProxyProblem.of(Benchmarks.sphere(3)).createSolution();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.evaluate(three));
    assertEquals("solution must have 2 variables, but had 3", e.getMessage());
    DoubleSolution nan = p.createSolution();
    nan.variables().set(1, Double.NaN);
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> p.evaluate(nan));
    assertEquals("solution variable 1 must be finite, but was NaN", e2.getMessage());
    assertEquals(0, p.evaluations());
  }

  @Test
  void reportsNaNFromTheModel() {
    ProxyProblem p = ProxyProblem.of(ForwardModel.of(Domain.cube(2, 0, 1), x -> Double.NaN));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.evaluate(p.createSolution()));
    assertTrue(e.getMessage().startsWith("the model returned NaN at ["), e.getMessage());
  }
}
