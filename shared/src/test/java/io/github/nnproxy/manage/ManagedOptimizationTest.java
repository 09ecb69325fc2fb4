package io.github.nnproxy.manage;

import static io.github.nnproxy.manage.ProxyEnsembleTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.internal.Vectors;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.proxy.Activation;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.proxy.TrainingAlgorithm;
import io.github.nnproxy.sampling.Samplers;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManagedOptimizationTest {
  /**
   * Encog's Adam, with which these seeds were chosen: with {@code BATCHED_ADAM} the managed loop
   * still ends closer than the offline proxy on 5 of 8 seeds (1 to 8), but not on seed 1.
   */
  private static final ProxyTrainer RASTRIGIN_TRAINER =
      ProxyTrainer.builder().algorithm(TrainingAlgorithm.ADAM).activation(Activation.RELU)
          .hiddenLayers(32, 32).epochs(150).patience(30).batchSize(16).learningRate(2e-3).build();
  private static final ProxyTrainer TINY =
      ProxyTrainer.builder().hiddenLayers(16, 16).epochs(20).batchSize(16).patience(0).build();
  private static final BenchmarkFunction SPHERE = Benchmarks.sphere(2);

  /** A run that dies half way resumes from the store: same result, no point simulated twice. */
  @Test
  void aRunKilledHalfWayResumesFromTheStore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    ManagedOptimization m = small().build();
    ManagedResult plain = m.run(SPHERE, TestPso.standard());
    AtomicInteger calls = new AtomicInteger();
    ForwardModel dying = ForwardModel.of(SPHERE.domain(), x -> {
      if (calls.incrementAndGet() > 35) {
        throw new OutOfMemoryError("the process dies here");
      }
      return SPHERE.evaluate(x);
    });
    java.nio.file.Path file = dir.resolve("managed.db");
    try (io.github.nnproxy.store.EvaluationStore store =
        io.github.nnproxy.store.EvaluationStore.open(file, SPHERE.domain())) {
      assertThrows(OutOfMemoryError.class, () -> m.run(dying, TestPso.standard(), store));
      assertEquals(35, store.size());
    }
    AtomicInteger resumed = new AtomicInteger();
    ForwardModel counted = ForwardModel.of(SPHERE.domain(), x -> {
      resumed.incrementAndGet();
      return SPHERE.evaluate(x);
    });
    try (io.github.nnproxy.store.EvaluationStore store =
        io.github.nnproxy.store.EvaluationStore.open(file, SPHERE.domain())) {
      ManagedResult r = m.run(counted, TestPso.standard(), store);
      assertArrayEquals(plain.best().x(), r.best().x());
      assertEquals(plain.trueEvaluations(), r.trueEvaluations());
      assertEquals(plain.trueEvaluations() - 35, resumed.get());
      assertEquals(resumed.get(), store.simulations());
    }
  }

  /** A cheap setting for the properties that do not need a good proxy. */
  private static ManagedOptimization.Builder small() {
    return ManagedOptimization.builder().trainer(TINY).initialSamples(30).budget(45)
        .candidatesPerRound(3).maxRounds(6).seed(3L);
  }

  /**
   * The loop as it was first calibrated: the proxy's mean, no trust region, spread and merit
   * candidates, a stop once the optimum stops moving, every round trained from scratch.
   */
  private static ManagedOptimization.Builder firstScheme(ManagedOptimization.Builder b) {
    return b.acquisition(Acquisition.MEAN).trustRegion(false).warmStart(false)
        .batchSelection(BatchSelection.SPREAD_AND_MERIT).stopOnConvergence(true);
  }

  /**
   * The seed's failure and its remedy: 100 uniform points of 2-D Rastrigin give a proxy whose
   * optimum is far from the true one. Managed with the same initial sample and 60 more true
   * evaluations (a 3-member ensemble), the best true point ends much closer. Measured over seeds
   * 1 to 12: closer in 9 of 12, mean distance 0.55 against 0.94 offline, within 0.3 of the optimum
   * in 7 of 12 (offline: 1 of 12). The three seeds checked here have clear margins. Measured with
   * ReLU networks (nnproxy 0.1's), which the trainer keeps: a smooth offline proxy of the same 100
   * points lands nearer (seed 1: 0.20), so the comparison would then need other seeds.
   */
  @Test
  void managedLoopEndsCloserToTheRastriginOptimumThanTheOfflineProxy() {
    BenchmarkFunction f = Benchmarks.rastrigin(2);
    double offlineSum = 0;
    double managedSum = 0;
    for (long seed : new long[] {1, 2, 5}) {
      ManagedResult r = firstScheme(ManagedOptimization.builder()).trainer(RASTRIGIN_TRAINER)
          .initialSampler(Samplers.uniform()).initialSamples(100).budget(160)
          .candidatesPerRound(3).restarts(1).ensembleSize(3).seed(seed).build()
          .run(f, TestPso.standard());
      double[][] x0 = new double[100][];
      double[] y0 = new double[100];
      for (int i = 0; i < 100; i++) {
        assertEquals(EvaluationReason.INITIAL_SAMPLE, r.evaluations().get(i).reason());
        x0[i] = r.evaluations().get(i).x();
        y0[i] = r.evaluations().get(i).value();
      }
      Proxy offline = RASTRIGIN_TRAINER.toBuilder().seed(seed).build().fit(x0, y0, f.domain());
      double offlineDistance = TestPso.standard().minimize(offline, seed).distanceTo(f.optimum());
      double managedDistance = r.best().distanceTo(f.optimum());
      System.out.printf("rastrigin-2d seed %d: offline proxy optimum %.4f from x*, managed best"
          + " %.4f (true value %.4f) after %d true evaluations, %d rounds, %s%n", seed,
          offlineDistance, managedDistance, r.best().value(), r.trueEvaluations(),
          r.rounds().size(), r.stopReason());
      assertTrue(managedDistance < offlineDistance,
          "seed " + seed + ": managed " + managedDistance + ", offline " + offlineDistance);
      assertTrue(r.trueEvaluations() <= 160);
      offlineSum += offlineDistance;
      managedSum += managedDistance;
    }
    assertTrue(managedSum < 0.5 * offlineSum, "managed " + managedSum + ", offline " + offlineSum);
  }

  @Test
  void theBudgetIsNeverExceededAndEveryTrueEvaluationIsRecorded() {
    for (int budget : new int[] {30, 31, 37, 44}) {
      AtomicInteger calls = new AtomicInteger();
      ForwardModel counted = ForwardModel.of(SPHERE.domain(), x -> {
        calls.incrementAndGet();
        return SPHERE.evaluate(x);
      });
      ManagedResult r = small().budget(budget).maxRounds(50).tolerance(1e-9).build()
          .run(counted, TestPso.standard());
      assertTrue(r.trueEvaluations() <= budget, budget + ": " + r.trueEvaluations());
      assertEquals(calls.get(), r.trueEvaluations());
      assertEquals(r.trueEvaluations(), r.best().evaluations());
      int perRound = 0;
      for (ManagedRound round : r.rounds()) {
        perRound += round.trueEvaluations();
      }
      assertEquals(r.trueEvaluations() - 30, perRound);
    }
  }

  @Test
  void bestIsTheLowestTrueValueSeen() {
    ManagedResult r = small().build().run(SPHERE, TestPso.standard());
    double min = Double.POSITIVE_INFINITY;
    for (TrueEvaluation e : r.evaluations()) {
      min = Math.min(min, e.value());
      assertEquals(SPHERE.evaluate(e.x()), e.value());
      assertEquals(e.round() == 0, Double.isNaN(e.predicted()));
    }
    assertEquals(min, r.best().value());
    assertEquals(SPHERE.evaluate(r.best().x()), r.best().value());
    ManagedRound first = r.rounds().get(0);
    assertEquals(Double.POSITIVE_INFINITY, first.moved());
    assertEquals(first.proxyOptimum().value() - first.trueValueAtOptimum(), first.proxyError());
    assertEquals(SPHERE.evaluate(first.proxyOptimum().x()), first.trueValueAtOptimum());
  }

  @Test
  void sameSeedGivesTheSameResultAndOtherSeedsDiffer() {
    ManagedOptimization m = small().ensembleSize(2).build();
    ManagedResult a = m.run(SPHERE, TestPso.standard());
    ManagedResult b = m.run(SPHERE, TestPso.standard());
    assertEquals(a.evaluations(), b.evaluations());
    assertEquals(a.rounds(), b.rounds());
    assertEquals(a.best(), b.best());
    ManagedResult c = small().ensembleSize(2).seed(4L).build().run(SPHERE, TestPso.standard());
    assertNotEquals(a.evaluations(), c.evaluations());
  }

  @Test
  void oneAndTwoThreadsGiveTheSameResult() {
    ManagedResult one = small().ensembleSize(2).build().run(SPHERE, TestPso.standard());
    ManagedResult two = small().ensembleSize(2).threads(2).build().run(SPHERE, TestPso.standard());
    assertEquals(one.evaluations(), two.evaluations());
    assertEquals(one.rounds(), two.rounds());
    double[][] q = Samplers.uniform().sample(SPHERE.domain(), 20, 1L);
    assertArrayEquals(one.finalProxy().evaluateAll(q), two.finalProxy().evaluateAll(q));
  }

  @Test
  void anEnsembleSpendsFreeSlotsOnHighSpreadPoints() {
    ManagedResult r = small().ensembleSize(3).restarts(0)
        .batchSelection(BatchSelection.SPREAD_AND_MERIT).build().run(SPHERE, TestPso.standard());
    assertTrue(r.trueEvaluations(EvaluationReason.HIGH_SPREAD) > 0);
    assertEquals(0, r.trueEvaluations(EvaluationReason.ACQUISITION_MINIMUM));
    assertTrue(r.trueEvaluations(EvaluationReason.PROXY_OPTIMUM) > 0);
    assertEquals(0, r.trueEvaluations(EvaluationReason.RESTART_OPTIMUM));
    assertEquals(3, r.finalProxy().size());
  }

  @Test
  void aTrippedGateSendsTheNextRoundToTheFallback() {
    // threshold 1: only a perfect ranking passes, so the gate trips once it can judge
    for (Fallback fb : Fallback.values()) {
      ManagedResult r = small().gate(QualityGate.of(1.0, 4)).fallback(fb).budget(60)
          .maxRounds(12).build().run(Benchmarks.rastrigin(2), TestPso.standard());
      EvaluationReason expected = fb == Fallback.LOCAL_SEARCH
          ? EvaluationReason.LOCAL_SEARCH : EvaluationReason.SPACE_FILLING;
      assertTrue(r.gateTrips() > 0);
      for (int i = 1; i < r.rounds().size(); i++) {
        ManagedRound prev = r.rounds().get(i - 1);
        ManagedRound now = r.rounds().get(i);
        assertEquals(prev.gate().tripped(), now.fallback(), "round " + now.round());
        if (now.fallback()) {
          assertTrue(Double.isNaN(now.trueValueAtOptimum()));
        }
      }
      assertTrue(r.trueEvaluations(expected) > 0, fb.toString());
    }
  }

  @Test
  void stopsWhenTheCandidatesStopMoving() {
    // a gate that never trips (threshold -1), to see the stopping rule alone
    ManagedResult r = small().trainer(ProxyEnsembleTest.SMALL).gate(QualityGate.of(-1, 4))
        .budget(200).maxRounds(40).tolerance(0.3).stopOnConvergence(true).build()
        .run(SPHERE, TestPso.standard());
    assertEquals(StopReason.CONVERGED, r.stopReason());
    ManagedRound last = r.rounds().get(r.rounds().size() - 1);
    assertTrue(last.moved() <= 0.3 || last.trueEvaluations() == 0, last.toString());
    assertTrue(r.rounds().size() < 40);
    ManagedResult capped = small().budget(200).maxRounds(2).tolerance(1e-12).build()
        .run(SPHERE, TestPso.standard());
    assertEquals(StopReason.MAX_ROUNDS, capped.stopReason());
    assertEquals(2, capped.rounds().size());
  }

  /** By default the loop spends its budget, even where the stopping rule would have ended it. */
  @Test
  void withoutTheStoppingRuleTheWholeBudgetIsSpent() {
    ManagedResult r = small().trainer(ProxyEnsembleTest.SMALL).gate(QualityGate.of(-1, 4))
        .budget(90).maxRounds(40).tolerance(0.3).build().run(SPHERE, TestPso.standard());
    assertEquals(StopReason.BUDGET_SPENT, r.stopReason());
    assertEquals(90, r.trueEvaluations());
    assertTrue(r.rounds().stream().anyMatch(x -> x.moved() <= 0.3), "no round would have stopped");
  }

  @Test
  void theAcquisitionChoosesOtherPointsAndStaysReproducible() {
    BenchmarkFunction f = Benchmarks.rastrigin(2);
    ManagedOptimization.Builder b = small().trainer(ProxyEnsembleTest.SMALL).ensembleSize(3)
        .trustRegion(false);
    ManagedResult mean = b.acquisition(Acquisition.MEAN).build().run(f, TestPso.standard());
    for (Acquisition a : new Acquisition[] {Acquisition.LOWER_CONFIDENCE_BOUND,
        Acquisition.EXPECTED_IMPROVEMENT}) {
      ManagedOptimization m = b.acquisition(a).explorationWeight(5).build();
      ManagedResult one = m.run(f, TestPso.standard());
      assertEquals(one.evaluations(), m.run(f, TestPso.standard()).evaluations(), a.name());
      assertNotEquals(mean.evaluations(), one.evaluations(), a.name());
      // the round's record holds the ensemble's mean at the proposal, not the acquisition
      ManagedRound first = one.rounds().get(0);
      assertEquals(f.domain(), one.finalProxy().domain());
      assertTrue(Double.isFinite(first.proxyOptimum().value()));
    }
    // one member has no spread: every acquisition is the mean
    ManagedResult plainMean = small().acquisition(Acquisition.MEAN).trustRegion(false).build()
        .run(SPHERE, TestPso.standard());
    ManagedResult plainLcb = small().acquisition(Acquisition.LOWER_CONFIDENCE_BOUND)
        .explorationWeight(5).trustRegion(false).build().run(SPHERE, TestPso.standard());
    assertEquals(plainMean.evaluations(), plainLcb.evaluations());
  }

  @Test
  void expectedImprovementAndTheNormalDistributionHaveTheirKnownValues() {
    assertEquals(0.5, AcquisitionModel.normalCdf(0), 1e-7);
    assertEquals(0.975002, AcquisitionModel.normalCdf(1.96), 1e-6);
    assertEquals(0.024998, AcquisitionModel.normalCdf(-1.96), 1e-6);
    // best = mean: EI = spread * phi(0)
    assertEquals(2 * 0.3989423, AcquisitionModel.expectedImprovement(1, 1, 2), 1e-6);
    // no spread: the plain improvement, or 0
    assertEquals(0.5, AcquisitionModel.expectedImprovement(1, 0.5, 0), 0);
    assertEquals(0, AcquisitionModel.expectedImprovement(1, 1.5, 0), 0);
    // more spread, more expected improvement for a point predicted worse than the best
    assertTrue(AcquisitionModel.expectedImprovement(0, 1, 2)
        > AcquisitionModel.expectedImprovement(0, 1, 1));
  }

  @Test
  void theTrustRegionProposesPointsNearTheBestTruePoint() {
    ManagedResult on = small().ensembleSize(2).trustRadius(0.1).build()
        .run(Benchmarks.rastrigin(2), TestPso.standard());
    assertTrue(on.trueEvaluations(EvaluationReason.TRUST_REGION) > 0);
    double width = SPHERE.domain().upper(0) - SPHERE.domain().lower(0);
    for (TrueEvaluation e : on.evaluations()) {
      if (e.reason() == EvaluationReason.TRUST_REGION) {
        double[] best = bestBefore(on, e);
        for (int j = 0; j < best.length; j++) {
          // at most 0.5 of the width: the largest the region grows to
          assertTrue(Math.abs(e.x()[j] - best[j]) <= 0.5 * width * 1.0001, e.toString());
        }
      }
    }
    ManagedResult off = small().ensembleSize(2).trustRegion(false).build()
        .run(Benchmarks.rastrigin(2), TestPso.standard());
    assertEquals(0, off.trueEvaluations(EvaluationReason.TRUST_REGION));
    assertNotEquals(on.evaluations(), off.evaluations());
  }

  /** The best true point of the rounds before {@code e}'s. */
  static double[] bestBefore(ManagedResult r, TrueEvaluation e) {
    TrueEvaluation best = null;
    for (TrueEvaluation x : r.evaluations()) {
      if (x.round() >= e.round()) {
        break;
      }
      if (best == null || x.value() < best.value()) {
        best = x;
      }
    }
    return best.x();
  }

  @Test
  void distinctMinimaSpreadARoundOverTheDomain() {
    ManagedResult r = small().ensembleSize(2).candidatesPerRound(6).restarts(0).budget(48)
        .build().run(Benchmarks.rastrigin(2), TestPso.standard());
    assertTrue(r.trueEvaluations(EvaluationReason.ACQUISITION_MINIMUM) > 0);
    assertEquals(0, r.trueEvaluations(EvaluationReason.HIGH_SPREAD));
    assertEquals(0, r.trueEvaluations(EvaluationReason.DISTANCE_MERIT));
    double width = 10.24;
    for (ManagedRound round : r.rounds()) {
      java.util.List<double[]> minima = new java.util.ArrayList<>();
      for (TrueEvaluation e : r.evaluations()) {
        if (e.round() == round.round() && e.reason() == EvaluationReason.ACQUISITION_MINIMUM) {
          minima.add(e.x());
        }
      }
      for (int i = 0; i < minima.size(); i++) {
        for (int j = i + 1; j < minima.size(); j++) {
          // exclusion balls of half the trust radius (0.2 at most 0.5), in the unit square
          assertTrue(Vectors.distance(minima.get(i), minima.get(j)) / width >= 0.49 * 0.2 / 64,
              "round " + round.round());
        }
      }
    }
  }

  /**
   * A warm-started loop continues the previous round's members: reproducible, another run than
   * the cold loop's, within budget, and its ensembles are refits of the same network.
   */
  @Test
  void aWarmStartedLoopIsReproducibleAndDiffersFromTheColdOne() {
    ManagedOptimization warm = small().ensembleSize(2).warmStart(true).warmStartEpochs(5).build();
    ManagedResult a = warm.run(SPHERE, TestPso.standard());
    ManagedResult b = warm.run(SPHERE, TestPso.standard());
    ManagedResult cold = small().ensembleSize(2).warmStart(false).build()
        .run(SPHERE, TestPso.standard());
    assertEquals(a.evaluations(), b.evaluations());
    assertEquals(a.best(), b.best());
    assertNotEquals(cold.evaluations(), a.evaluations());
    assertTrue(a.trueEvaluations() <= 45);
    assertTrue(a.finalProxy().members().get(0).description().contains("warm start"));
    assertEquals(5, warm.warmStartEpochs());
    assertTrue(warm.warmStart());
    assertTrue(warm.toString().contains("warm start 5 epochs"), warm.toString());
    assertEquals(warm.toString(), warm.toBuilder().build().toString());
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().warmStartEpochs(-1)), "warmStartEpochs");
  }

  @Test
  void rejectsBadArgumentsNamingThem() {
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().initialSamples(100).budget(99).build()), "budget");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().ensembleSize(0)), "ensembleSize");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().budget(0)), "budget");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().initialSamples(5)), "initialSamples");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().candidatesPerRound(2).restarts(2).build()),
        "restarts");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().tolerance(Double.NaN)), "tolerance");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().localRadius(1)), "localRadius");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().threads(0)), "threads");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().maxRounds(0)), "maxRounds");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().restarts(-1)), "restarts");
    assertMessage(assertThrows(NullPointerException.class,
        () -> ManagedOptimization.builder().trainer(null)), "trainer");
    assertMessage(assertThrows(NullPointerException.class,
        () -> ManagedOptimization.builder().gate(null)), "gate");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().explorationWeight(-0.5)), "-0.5");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().explorationWeight(Double.POSITIVE_INFINITY)),
        "explorationWeight");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> ManagedOptimization.builder().trustRadius(1.5)), "trustRadius");
    assertMessage(assertThrows(NullPointerException.class,
        () -> ManagedOptimization.builder().acquisition(null)), "acquisition");
    assertMessage(assertThrows(NullPointerException.class,
        () -> ManagedOptimization.builder().batchSelection(null)), "batchSelection");
    ManagedOptimization m = small().build();
    assertMessage(assertThrows(NullPointerException.class,
        () -> m.run(null, TestPso.standard())), "truth");
    assertMessage(assertThrows(NullPointerException.class, () -> m.run(SPHERE, null)),
        "optimizer");
  }

  @Test
  void aTruthWithoutFiniteValuesIsRefusedWithAClearMessage() {
    ForwardModel broken = ForwardModel.of(SPHERE.domain(), x -> Double.NaN);
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> small().build().run(broken, TestPso.standard())), "too few usable samples");
  }

  @Test
  void recordsRejectBadValues() {
    Optimum o = Optimum.of(new double[] {0, 0}, 1, 10);
    GateAssessment g = new GateAssessment(Double.NaN, 0, 0.3, false);
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> new ManagedRound(0, o, 1, 0, 0, false, 1, g)), "round");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> new ManagedRound(1, o, 1, 0, 0, false, -1, g)), "trueEvaluations");
    assertMessage(assertThrows(NullPointerException.class,
        () -> new ManagedRound(1, null, 1, 0, 0, false, 1, g)), "proxyOptimum");
    assertMessage(assertThrows(IllegalArgumentException.class, () -> new TrueEvaluation(
        new double[] {0}, 1, -1, EvaluationReason.PROXY_OPTIMUM, 0)), "round");
    assertMessage(assertThrows(NullPointerException.class,
        () -> new TrueEvaluation(new double[] {0}, 1, 1, null, 0)), "reason");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> new Prediction(1, -0.5)), "spread");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> new GateAssessment(0.5, -1, 0.3, false)), "pairs");
  }

  @Test
  void everyBuilderSettingChangesTheBuiltObject() {
    String base = ManagedOptimization.builder().build().toString();
    java.util.List<ManagedOptimization> variants = java.util.List.of(
        ManagedOptimization.builder().trainer(TINY).build(),
        ManagedOptimization.builder().initialSampler(Samplers.sobol()).build(),
        ManagedOptimization.builder().initialSamples(50).build(),
        ManagedOptimization.builder().budget(300).build(),
        ManagedOptimization.builder().candidatesPerRound(4).build(),
        ManagedOptimization.builder().restarts(0).build(),
        ManagedOptimization.builder().maxRounds(7).build(),
        ManagedOptimization.builder().tolerance(0.1).build(),
        ManagedOptimization.builder().ensembleSize(4).build(),
        ManagedOptimization.builder().gate(QualityGate.of(0.5, 10)).build(),
        ManagedOptimization.builder().fallback(Fallback.SPACE_FILLING).build(),
        ManagedOptimization.builder().localRadius(0.2).build(),
        ManagedOptimization.builder().seed(99L).build(),
        ManagedOptimization.builder().threads(2).build(),
        ManagedOptimization.builder().acquisition(Acquisition.EXPECTED_IMPROVEMENT).build(),
        ManagedOptimization.builder().explorationWeight(3).build(),
        ManagedOptimization.builder().trustRegion(false).build(),
        ManagedOptimization.builder().trustRadius(0.3).build(),
        ManagedOptimization.builder().batchSelection(BatchSelection.SPREAD_AND_MERIT).build(),
        ManagedOptimization.builder().stopOnConvergence(true).build(),
        ManagedOptimization.builder().warmStart(false).build(),
        ManagedOptimization.builder().warmStartEpochs(7).build());
    for (ManagedOptimization v : variants) {
      assertNotEquals(base, v.toString());
    }
    assertEquals(300, ManagedOptimization.builder().budget(300).build().budget());
    assertEquals(4, ManagedOptimization.builder().ensembleSize(4).build().ensembleSize());
    assertEquals(99L, ManagedOptimization.builder().seed(99L).build().seed());
    ManagedOptimization m = ManagedOptimization.builder().acquisition(Acquisition.MEAN)
        .explorationWeight(0.5).trustRegion(false).trustRadius(0.3)
        .batchSelection(BatchSelection.SPREAD_AND_MERIT).stopOnConvergence(true).build();
    assertEquals(Acquisition.MEAN, m.acquisition());
    assertEquals(0.5, m.explorationWeight());
    assertEquals(false, m.trustRegion());
    assertEquals(0.3, m.trustRadius());
    assertEquals(BatchSelection.SPREAD_AND_MERIT, m.batchSelection());
    assertEquals(true, m.stopOnConvergence());
  }

  @Test
  void resultsAreImmutable() {
    ManagedResult r = small().maxRounds(1).build().run(SPHERE, TestPso.standard());
    assertThrows(UnsupportedOperationException.class, () -> r.evaluations().clear());
    assertThrows(UnsupportedOperationException.class, () -> r.rounds().clear());
    TrueEvaluation e = r.evaluations().get(0);
    double x0 = e.x()[0];
    e.x()[0] = 1e9;
    assertEquals(x0, e.x()[0]);
    Optimum best = r.best();
    assertEquals(3L, r.seed());
    assertEquals(r.trueEvaluations(), best.evaluations());
  }

  @Test
  void toBuilderKeepsEverySettingAndChangesOnlyWhatIsSet() {
    ManagedOptimization m = ManagedOptimization.builder().trainer(TINY).initialSamples(40)
        .budget(90).candidatesPerRound(4).restarts(2).maxRounds(9).tolerance(0.01)
        .ensembleSize(3).gate(QualityGate.of(0.2, 8)).fallback(Fallback.SPACE_FILLING)
        .localRadius(0.1).seed(5L).threads(2).acquisition(Acquisition.EXPECTED_IMPROVEMENT)
        .explorationWeight(0.25).trustRegion(false).trustRadius(0.35)
        .batchSelection(BatchSelection.SPREAD_AND_MERIT).stopOnConvergence(true).warmStart(false)
        .warmStartEpochs(4).build();
    assertEquals(m.toString(), m.toBuilder().build().toString());
    assertEquals(false, m.toBuilder().build().warmStart());
    assertEquals(4, m.toBuilder().build().warmStartEpochs());
    assertTrue(ManagedOptimization.builder().build().warmStart());
    assertEquals(Acquisition.EXPECTED_IMPROVEMENT, m.toBuilder().build().acquisition());
    assertEquals(0.35, m.toBuilder().build().trustRadius());
    ManagedOptimization other = m.toBuilder().seed(6L).budget(100).build();
    assertEquals(6L, other.seed());
    assertEquals(100, other.budget());
    assertEquals(40, other.initialSamples());
    assertEquals(0.01, other.tolerance());
    assertEquals(5L, m.seed());
  }
}
