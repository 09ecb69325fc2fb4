package io.github.nnproxy.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalQuadraticTest {
  private static final Domain CUBE = Domain.cube(3, -2, 2);

  /** A quadratic with cross terms, minimum 0.5 at (0.3, -0.7, 1.1). */
  private static double bowl(double[] x) {
    double a = x[0] - 0.3;
    double b = x[1] + 0.7;
    double c = x[2] - 1.1;
    return 0.5 + 2 * a * a + b * b + 3 * c * c + 0.8 * a * b - 0.5 * b * c;
  }

  private static List<TrueEvaluation> sample(int n, long seed) {
    List<TrueEvaluation> out = new ArrayList<>();
    for (double[] x : Samplers.uniform().sample(CUBE, n, seed)) {
      out.add(new TrueEvaluation(x, bowl(x), 0, EvaluationReason.INITIAL_SAMPLE, Double.NaN));
    }
    return out;
  }

  @Test
  void aQuadraticIsFittedExactly() {
    double[] centre = {0.0, 0.0, 0.0};
    Domain box = Domain.cube(3, -0.5, 0.5);
    LocalQuadratic q = LocalQuadratic.fit(sample(40, 5L), CUBE, centre, box);
    assertNotNull(q);
    assertEquals(box, q.domain());
    for (double[] x : Samplers.uniform().sample(CUBE, 20, 6L)) {
      assertEquals(bowl(x), q.evaluate(x), 1e-9 * Math.max(1, Math.abs(bowl(x))));
    }
  }

  @Test
  void tooFewFinitePointsGiveNoModel() {
    int needed = LocalQuadratic.terms(3) + 2;
    assertEquals(12, needed);
    List<TrueEvaluation> few = new ArrayList<>(sample(needed - 1, 7L));
    few.add(new TrueEvaluation(new double[] {1, 1, 1}, Double.NaN, 0,
        EvaluationReason.INITIAL_SAMPLE, Double.NaN));
    assertNull(LocalQuadratic.fit(few, CUBE, new double[3], Domain.cube(3, -1, 1)));
    assertNotNull(LocalQuadratic.fit(sample(needed, 7L), CUBE, new double[3],
        Domain.cube(3, -1, 1)));
  }

  @Test
  void pointsOnALineDoNotDetermineAQuadratic() {
    List<TrueEvaluation> line = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      double t = -1 + i / 15.0;
      double[] x = {t, t, t};
      line.add(new TrueEvaluation(x, bowl(x), 0, EvaluationReason.INITIAL_SAMPLE, Double.NaN));
    }
    assertNull(LocalQuadratic.fit(line, CUBE, new double[3], Domain.cube(3, -1, 1)));
  }

  @Test
  void theLocalModelProposesInsideTheTrustRegionAndPolishesTheBestPoint() {
    ManagedOptimization.Builder b = ManagedOptimization.builder()
        .trainer(ProxyTrainer.builder().hiddenLayers(16, 16).epochs(40).batchSize(16).build())
        .initialSamples(20).budget(80).candidatesPerRound(4).maxRounds(40).ensembleSize(2)
        .seed(11L);
    var truth = Benchmarks.rosenbrock(2);
    ManagedResult on = b.localModel(true).build().run(truth, TestPso.standard());
    ManagedResult off = b.localModel(false).build().run(truth, TestPso.standard());
    assertTrue(on.trueEvaluations(EvaluationReason.LOCAL_MODEL) > 0);
    assertEquals(0, off.trueEvaluations(EvaluationReason.LOCAL_MODEL));
    double width = truth.domain().upper(0) - truth.domain().lower(0);
    for (TrueEvaluation e : on.evaluations()) {
      if (e.reason() == EvaluationReason.LOCAL_MODEL) {
        double[] best = ManagedOptimizationTest.bestBefore(on, e);
        for (int j = 0; j < best.length; j++) {
          assertTrue(Math.abs(e.x()[j] - best[j]) <= 0.5 * width * 1.0001, e.toString());
        }
      }
    }
    Optimum a = on.best();
    assertTrue(a.value() < off.best().value(), a + " against " + off.best());
    // same seed, same run
    assertEquals(on.evaluations(), b.localModel(true).build()
        .run(truth, TestPso.standard()).evaluations());
  }

  @Test
  void subsetPerturbationIsDeterministicAndChangesThePool() {
    ManagedOptimization.Builder b = ManagedOptimization.builder()
        .trainer(ProxyTrainer.builder().hiddenLayers(16, 16).epochs(20).batchSize(16).build())
        .initialSamples(20).budget(50).candidatesPerRound(5).restarts(0).maxRounds(10)
        .ensembleSize(2).seed(4L);
    var truth = Benchmarks.rastrigin(4);
    ManagedResult subsets = b.perturbSubsets(true).build().run(truth, TestPso.standard());
    assertEquals(subsets.evaluations(),
        b.perturbSubsets(true).build().run(truth, TestPso.standard()).evaluations());
    ManagedResult all = b.perturbSubsets(false).build().run(truth, TestPso.standard());
    assertTrue(subsets.trueEvaluations(EvaluationReason.ACQUISITION_MINIMUM) > 0);
    assertTrue(!subsets.evaluations().equals(all.evaluations()));
    assertTrue(b.perturbSubsets(true).build().toString().contains("subset perturbation"));
    assertTrue(b.localModel(true).build().toBuilder().build().localModel());
  }
}
