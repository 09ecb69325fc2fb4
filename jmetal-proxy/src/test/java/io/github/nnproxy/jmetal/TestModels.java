package io.github.nnproxy.jmetal;

import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.util.List;
import org.uma.jmetal.problem.doubleproblem.impl.AbstractDoubleProblem;
import org.uma.jmetal.problem.singleobjective.Sphere;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;

/** A proxy of a jMetal problem, trained once per test JVM, and small jMetal problems. */
final class TestModels {
  private TestModels() {}

  private static Proxy jmetalSphereProxy;

  /** A small proxy of jMetal's own 2-D Sphere on [-5.12, 5.12]^2, trained via ProblemModels. */
  static synchronized Proxy jmetalSphereProxy() {
    if (jmetalSphereProxy == null) {
      jmetalSphereProxy =
          ProxyTrainer.builder()
              .hiddenLayers(64, 64)
              .epochs(100)
              .batchSize(32)
              .patience(40)
              .build()
              .train(ProblemModels.of(new Sphere(2)), Samplers.uniform(), 2_000, 7L);
    }
    return jmetalSphereProxy;
  }

  /** A user-style jMetal problem with configurable objectives, constraints and bounds. */
  static final class UserProblem extends AbstractDoubleProblem {
    private static final long serialVersionUID = 1L;

    UserProblem(String name, int objectives, int constraints, List<Double> lo, List<Double> hi) {
      numberOfObjectives(objectives);
      numberOfConstraints(constraints);
      name(name);
      variableBounds(lo, hi);
    }

    /** 2-D, one objective: (x0 - 1)^2 + (x1 + 2)^2 on [-5, 5]^2. */
    static UserProblem shiftedSphere() {
      return new UserProblem("Shifted", 1, 0, List.of(-5.0, -5.0), List.of(5.0, 5.0));
    }

    @Override
    public DoubleSolution evaluate(DoubleSolution s) {
      double a = s.variables().get(0) - 1;
      double b = s.variables().get(1) + 2;
      for (int i = 0; i < numberOfObjectives(); i++) {
        s.objectives()[i] = a * a + b * b + i;
      }
      return s;
    }
  }
}
