package io.github.nnproxy.jmetal;

import io.github.nnproxy.proxy.ProxyTestSupport;
import io.github.nnproxy.CountingModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uma.jmetal.component.catalogue.common.evaluation.impl.SequentialEvaluation;
import org.uma.jmetal.problem.singleobjective.Rastrigin;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.util.evaluator.impl.SequentialSolutionListEvaluator;
import org.uma.jmetal.util.pseudorandom.JMetalRandom;

class BatchEvaluationTest {

  private static List<DoubleSolution> swarm(ProxyProblem p, int n) {
    JMetalRandom.getInstance().setSeed(17);
    List<DoubleSolution> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DoubleSolution s = p.createSolution();
      // push a few particles outside the bounds, where the proxy extrapolates
      if (i % 10 == 0) {
        s.variables().set(0, 7.5);
      }
      list.add(s);
    }
    return list;
  }

  private static List<DoubleSolution> copies(List<DoubleSolution> list) {
    List<DoubleSolution> c = new ArrayList<>();
    for (DoubleSolution s : list) {
      c.add((DoubleSolution) s.copy());
    }
    return c;
  }

  @Test
  void batchedListEvaluatorEqualsOneByOne() {
    CountingModel proxy = CountingModel.of(ProxyTestSupport.smallAckleyProxy());
    ProxyProblem p = ProxyProblem.of(proxy);
    List<DoubleSolution> batched = swarm(p, 100);
    List<DoubleSolution> single = copies(batched);
    List<DoubleSolution> sequential = copies(batched);

    assertSame(batched, BatchSolutionListEvaluator.of().evaluate(batched, p));
    assertEquals(1, proxy.batchCalls(), "one evaluateAll call for the whole swarm");
    assertEquals(0, proxy.singleCalls());
    for (DoubleSolution s : single) {
      p.evaluate(s);
    }
    new SequentialSolutionListEvaluator<DoubleSolution>().evaluate(sequential, p);
    for (int i = 0; i < batched.size(); i++) {
      assertEquals(single.get(i).objectives()[0], batched.get(i).objectives()[0], "solution " + i);
      assertEquals(sequential.get(i).objectives()[0], batched.get(i).objectives()[0], "solution " + i);
    }
    assertEquals(300, p.evaluations());
  }

  @Test
  void batchedComponentEvaluationEqualsSequentialEvaluation() {
    CountingModel proxy = CountingModel.of(ProxyTestSupport.smallAckleyProxy());
    ProxyProblem p = ProxyProblem.of(proxy);
    List<DoubleSolution> batched = swarm(p, 64);
    List<DoubleSolution> sequential = copies(batched);

    BatchEvaluation evaluation = BatchEvaluation.of(p);
    assertSame(p, evaluation.problem());
    assertEquals(0, evaluation.computedEvaluations());
    evaluation.evaluate(batched);
    evaluation.evaluate(batched.subList(0, 10));
    assertEquals(74, evaluation.computedEvaluations());
    assertEquals(2, proxy.batchCalls());

    SequentialEvaluation<DoubleSolution> reference = new SequentialEvaluation<>(p);
    reference.evaluate(sequential);
    for (int i = 0; i < batched.size(); i++) {
      assertEquals(sequential.get(i).objectives()[0], batched.get(i).objectives()[0], "solution " + i);
    }
    assertEquals(74 + 64, p.evaluations());
  }

  @Test
  void otherProblemsAreEvaluatedOneByOne() {
    Rastrigin rastrigin = new Rastrigin(2);
    List<DoubleSolution> list = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      list.add(rastrigin.createSolution());
    }
    List<DoubleSolution> reference = copies(list);
    BatchSolutionListEvaluator.of().evaluate(list, rastrigin);
    new SequentialSolutionListEvaluator<DoubleSolution>().evaluate(reference, rastrigin);
    for (int i = 0; i < list.size(); i++) {
      assertEquals(reference.get(i).objectives()[0], list.get(i).objectives()[0]);
    }
  }

  @Test
  void aModelReturningTheWrongNumberOfValuesIsReported() {
    ForwardModel broken =
        new ForwardModel() {
          @Override
          public Domain domain() {
            return Domain.cube(2, 0, 1);
          }

          @Override
          public double evaluate(double[] x) {
            return 0;
          }

          @Override
          public double[] evaluateAll(double[][] xs) {
            return new double[xs.length - 1];
          }
        };
    ProxyProblem p = ProxyProblem.of(broken);
    List<DoubleSolution> list = List.of(p.createSolution(), p.createSolution());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> BatchSolutionListEvaluator.of().evaluate(list, p));
    assertEquals("Expected 2 values from model.evaluateAll, but got 1. Check the model's evaluateAll.",
        e.getMessage());
    assertEquals(0, p.evaluations());
  }

  @Test
  void rejectsNullArguments() {
    ProxyProblem p = ProxyProblem.of(ForwardModel.of(Domain.cube(1, 0, 1), x -> x[0]));
    assertThrows(NullPointerException.class, () -> BatchSolutionListEvaluator.of().evaluate(null, p));
    assertThrows(NullPointerException.class, () -> BatchSolutionListEvaluator.of().evaluate(List.of(), null));
    assertThrows(NullPointerException.class, () -> BatchEvaluation.of(null));
    assertThrows(NullPointerException.class, () -> BatchEvaluation.of(p).evaluate(null));
    List<DoubleSolution> withNull = new ArrayList<>();
    withNull.add(null);
    NullPointerException e = assertThrows(NullPointerException.class, () -> p.evaluateAll(withNull));
    assertEquals("solutions.get(0) must not be null", e.getMessage());
    assertTrue(BatchSolutionListEvaluator.of().toString().contains("Batch"));
  }
}
