package io.github.nnproxy.proxy;

import io.github.nnproxy.paper.SeedRecipes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.sampling.Samplers;
import io.github.nnproxy.sampling.SamplingScheme;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProxyTrainerTest {
  private static final ProxyTrainer SMALL =
      ProxyTrainer.builder().hiddenLayers(16, 16).epochs(15).batchSize(16).build();

  @Test
  void shortenedPaperTrainingReachesR2OnTwoDimensionalAckleyDense() {
    BenchmarkFunction ackley = Benchmarks.ackley(2);
    // the paper preset, shortened to 30 epochs to keep the suite fast
    Proxy p = ProxyTestSupport.ackleyProxy();
    ProxyQuality q = p.quality();
    assertTrue(q.validationR2() >= 0.95, q.toString());
    assertEquals(SamplingScheme.DENSE_UNIFORM.sampleSize(10_000), q.samplesUsed());
    assertEquals(0, q.samplesDropped());
    assertTrue(q.bestEpoch() >= 1 && q.bestEpoch() <= q.epochsRun());
    assertEquals(ackley.domain(), p.domain());
  }

  @Test
  void sameSeedGivesTheSameNetworkBitForBit() {
    BenchmarkFunction f = Benchmarks.rastrigin(2);
    Proxy a = SMALL.train(f, Samplers.uniform(), 400, 9L);
    Proxy b = SMALL.train(f, Samplers.uniform(), 400, 9L);
    Proxy c = SMALL.train(f, Samplers.uniform(), 400, 10L);
    double[][] xs = Samplers.uniform().sample(f.domain(), 50, 1L);
    assertArrayEquals(a.evaluateAll(xs), b.evaluateAll(xs));
    assertNotEquals(a.evaluate(xs[0]), c.evaluate(xs[0]));
    assertEquals(a.quality().validationRmse(), b.quality().validationRmse());
  }

  @Test
  void trainingOnTwoThreadsGivesTheSameNetworkAsOnOne() {
    BenchmarkFunction f = Benchmarks.sphere(3);
    Proxy one = SMALL.train(f, Samplers.latinHypercube(), 300, 4L);
    Proxy two = SMALL.toBuilder().threads(2).build().train(f, Samplers.latinHypercube(), 300, 4L);
    double[][] xs = Samplers.uniform().sample(f.domain(), 30, 2L);
    assertArrayEquals(one.evaluateAll(xs), two.evaluateAll(xs));
  }

  /** The defaults themselves, whole, on 1, 2 and 3 threads: the same network bit for bit. */
  @Test
  void defaultsGiveTheSameNetworkOnAnyThreadCount() {
    BenchmarkFunction f = Benchmarks.styblinskiTang(3);
    ProxyTrainer d = ProxyTrainer.defaults();
    Proxy one = d.train(f, Samplers.latinHypercube(), 400, 6L);
    double[][] xs = Samplers.uniform().sample(f.domain(), 64, 3L);
    for (int threads : new int[] {2, 3}) {
      Proxy more = d.toBuilder().threads(threads).build().train(f, Samplers.latinHypercube(), 400,
          6L);
      assertArrayEquals(one.evaluateAll(xs), more.evaluateAll(xs), threads + " threads");
      assertEquals(one.quality().validationRmse(), more.quality().validationRmse());
    }
  }

  @Test
  void nonFiniteTargetsAndFailuresAreDroppedAndCounted() {
    Domain box = Domain.cube(2, 0, 1);
    ForwardModel flaky = ForwardModel.of(box, x -> {
      if (x[0] < 0.1) {
        return Double.NaN;
      }
      if (x[0] > 0.95) {
        throw new IllegalStateException("solver diverged");
      }
      return x[0] + x[1];
    });
    Proxy p = SMALL.train(flaky, Samplers.uniform(), 500, 3L);
    int dropped = p.quality().samplesDropped();
    assertTrue(dropped > 40 && dropped < 110, "dropped " + dropped);
    assertEquals(500 - dropped, p.quality().samplesUsed());
    assertTrue(Double.isFinite(p.evaluate(new double[] {0.5, 0.5})));
  }

  @Test
  void failuresAreCountedByKindAndHangsTimeOut() {
    Domain box = Domain.cube(1, 0, 1);
    ForwardModel faulty = ForwardModel.of(box, x -> {
      double v = x[0];
      if (v < 0.05) {
        throw new IllegalArgumentException("mesh failure");
      } else if (v < 0.10) {
        return Double.NaN;
      } else if (v < 0.15) {
        return Double.NEGATIVE_INFINITY;
      } else if (v > 0.99) {
        try {
          Thread.sleep(60_000); // hangs until interrupted
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 0;
      }
      return v * v;
    });
    double[][] xs = Samplers.uniform().sample(box, 300, 8L);
    int[] expected = new int[4];
    for (double[] x : xs) {
      double v = x[0];
      if (v < 0.05) {
        expected[0]++;
      } else if (v < 0.10) {
        expected[1]++;
      } else if (v < 0.15) {
        expected[2]++;
      } else if (v > 0.99) {
        expected[3]++;
      }
    }
    Proxy p = SMALL.toBuilder().threads(4).evaluationTimeout(java.time.Duration.ofMillis(200))
        .build().train(faulty, Samplers.uniform(), 300, 8L);
    SampleFailures f = p.quality().failures();
    assertEquals(new SampleFailures(expected[0], expected[1], expected[2], expected[3]), f);
    assertTrue(f.timedOut() > 0 && f.thrown() > 0 && f.nan() > 0 && f.infinite() > 0, f.toString());
    assertEquals(f.total(), p.quality().samplesDropped());
  }

  @Test
  void batchedModelGetsTheWholeSampleInOneCallAndItsFailuresCountByKind() {
    Domain box = Domain.cube(1, 0, 1);
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    ForwardModel batched =
        new ForwardModel() {
          @Override
          public Domain domain() {
            return box;
          }

          @Override
          public double evaluate(double[] x) {
            throw new AssertionError("a batched model must get whole batches");
          }

          @Override
          public io.github.nnproxy.EvaluationOutcome[] evaluateOutcomes(double[][] xs) {
            calls.incrementAndGet();
            io.github.nnproxy.EvaluationOutcome[] os =
                new io.github.nnproxy.EvaluationOutcome[xs.length];
            for (int i = 0; i < xs.length; i++) {
              double v = xs[i][0];
              os[i] =
                  v < 0.05
                      ? io.github.nnproxy.EvaluationOutcome.failed(
                          io.github.nnproxy.FailureKind.EXIT_STATUS, "exit 2")
                      : v < 0.1
                          ? io.github.nnproxy.EvaluationOutcome.failed(
                              io.github.nnproxy.FailureKind.GARBLED_OUTPUT, "oops")
                          : io.github.nnproxy.EvaluationOutcome.of(v * v);
            }
            return os;
          }

          @Override
          public boolean batched() {
            return true;
          }
        };
    Proxy p = SMALL.toBuilder().threads(4).build().train(batched, Samplers.uniform(), 200, 3L);
    assertEquals(1, calls.get());
    SampleFailures f = p.quality().failures();
    assertTrue(f.exitStatus() > 0 && f.garbledOutput() > 0, f.toString());
    assertEquals(f.exitStatus() + f.garbledOutput(), f.total());
    assertEquals(f.total(), p.quality().samplesDropped());
  }

  @Test
  void failsClearlyWhenTooManyPointsFail() {
    ForwardModel mostlyBroken = ForwardModel.of(Domain.cube(1, 0, 1), x -> {
      if (x[0] < 0.7) {
        throw new IllegalStateException("license server down");
      }
      return x[0];
    });
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SMALL.train(mostlyBroken, Samplers.uniform(), 200, 1L));
    assertTrue(e.getMessage().contains("too few usable samples")
        && e.getMessage().contains("threw"), e.getMessage());
    // a lower threshold lets training go on with the good 30%
    Proxy p = SMALL.toBuilder().minValidFraction(0.2).build()
        .train(mostlyBroken, Samplers.uniform(), 200, 1L);
    assertTrue(p.quality().failures().thrown() > 100);
  }

  @Test
  void fitOnCallerDataDropsNonFiniteTargets() {
    double[][] x = Samplers.uniform().sample(Domain.cube(1, 0, 1), 100, 1L);
    double[] y = new double[100];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 10 == 0 ? Double.POSITIVE_INFINITY : 2 * x[i][0];
    }
    Proxy p = SMALL.fit(x, y, Domain.cube(1, 0, 1));
    assertEquals(10, p.quality().samplesDropped());
    assertEquals(90, p.quality().samplesUsed());
  }

  @Test
  void constantTargetsGiveAFiniteProxyThatReturnsTheConstant() {
    double[][] x = Samplers.uniform().sample(Domain.cube(2, 0, 1), 50, 1L);
    double[] y = new double[50];
    java.util.Arrays.fill(y, 3.25);
    Proxy p = SMALL.fit(x, y, Domain.cube(2, 0, 1));
    assertEquals(3.25, p.evaluate(new double[] {0.3, 0.3}), 1e-12);
    assertTrue(Double.isNaN(p.quality().validationR2()));
    assertEquals(0.0, p.quality().validationRmse(), 1e-12);
  }

  @Test
  void rejectsTooFewUsableSamples() {
    double[][] x = Samplers.uniform().sample(Domain.cube(2, 0, 1), 12, 1L);
    double[] y = new double[12];
    y[0] = Double.NaN;
    y[1] = Double.NaN;
    y[2] = Double.NaN;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SMALL.fit(x, y, Domain.cube(2, 0, 1)));
    assertTrue(e.getMessage().contains("9 of 12"), e.getMessage());
  }

  @Test
  void rejectsBadData() {
    Domain box = Domain.cube(2, 0, 1);
    assertThrows(IllegalArgumentException.class,
        () -> SMALL.fit(new double[20][2], new double[19], box));
    double[][] x = new double[20][2];
    x[4] = new double[] {Double.NaN, 0};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SMALL.fit(x, new double[20], box));
    assertTrue(e.getMessage().contains("x[4][0]"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SMALL.fit(new double[20][3], new double[20], box));
    assertThrows(IllegalArgumentException.class,
        () -> SMALL.train(Benchmarks.sphere(2), Samplers.uniform(), 0, 1L));
    assertThrows(NullPointerException.class, () -> SMALL.train(null, Samplers.uniform(), 10, 1L));
  }

  @Test
  void rpropTrainsToo() {
    ProxyTrainer rprop = ProxyTrainer.builder().algorithm(TrainingAlgorithm.RPROP)
        .hiddenLayers(16, 16).epochs(100).build();
    Proxy p = rprop.train(Benchmarks.sphere(2), Samplers.uniform(), 500, 1L);
    assertTrue(p.quality().validationR2() > 0.95, p.quality().toString());
  }

  @Test
  void trainingLeavesNoThreadThatKeepsTheJvmAlive() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    SMALL.toBuilder().threads(3).build().train(Benchmarks.sphere(2), Samplers.uniform(), 200, 1L);
    ProxyTrainer.builder().algorithm(TrainingAlgorithm.RPROP).hiddenLayers(8).epochs(5).build()
        .train(Benchmarks.sphere(2), Samplers.uniform(), 200, 1L);
    Set<String> lingering = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
        .map(Thread::getName).collect(Collectors.toSet());
    assertEquals(Set.of(), lingering);
  }

  @Test
  void paperPresetMatchesTheSeed() {
    ProxyTrainer a = SeedRecipes.trainer(Benchmarks.ackley(4));
    assertArrayEquals(new int[] {20, 50, 120, 70, 20, 10}, a.hiddenLayers());
    assertEquals(500, a.epochs());
    assertEquals(8, a.batchSize());
    assertEquals(1e-3, a.learningRate());
    assertEquals(0.2, a.validationFraction());
    assertEquals(0, a.patience());
    assertEquals(TrainingAlgorithm.BATCHED_ADAM, a.algorithm());
    assertArrayEquals(new int[] {15, 50, 15}, SeedRecipes.trainer(Benchmarks.rosenbrock(2))
        .hiddenLayers());
    assertEquals(100, SeedRecipes.trainer(Benchmarks.rosenbrock(2)).epochs());
    assertArrayEquals(new int[] {15, 50, 15, 10}, SeedRecipes.trainer(Benchmarks.rosenbrock(4))
        .hiddenLayers());
    assertEquals(100, SeedRecipes.trainer(Benchmarks.rosenbrock(4)).epochs());
    assertEquals(500, SeedRecipes.trainer(Benchmarks.rosenbrock(10)).epochs());
  }

  @Test
  @SuppressWarnings("deprecation")
  void deprecatedPaperFactoryIsTheSeedRecipe() {
    for (var f :
        List.of(Benchmarks.ackley(2), Benchmarks.rosenbrock(2), Benchmarks.rosenbrock(10))) {
      assertEquals(SeedRecipes.trainer(f), ProxyTrainer.paper(f));
    }
  }

  static Stream<UnaryOperator<ProxyTrainer.Builder>> setters() {
    return Stream.of(
        b -> b.hiddenLayers(3),
        b -> b.algorithm(TrainingAlgorithm.RPROP),
        b -> b.epochs(7),
        b -> b.batchSize(5),
        b -> b.learningRate(0.5),
        b -> b.validationFraction(0.5),
        b -> b.patience(3),
        b -> b.seed(99),
        b -> b.threads(4),
        b -> b.evaluationTimeout(java.time.Duration.ofSeconds(3)),
        b -> b.minValidFraction(0.9),
        b -> b.targetR2(0.9),
        b -> b.algorithm(TrainingAlgorithm.ADAM),
        b -> b.progress(e -> { }),
        b -> b.activation(Activation.TANH),
        b -> b.schedule(ProxyTrainer.defaults().schedule() == LearningRateSchedule.COSINE
            ? LearningRateSchedule.CONSTANT : LearningRateSchedule.COSINE));
  }

  @ParameterizedTest
  @MethodSource("setters")
  void everySetterChangesTheBuiltTrainer(UnaryOperator<ProxyTrainer.Builder> setter) {
    ProxyTrainer base = ProxyTrainer.defaults();
    ProxyTrainer changed = setter.apply(base.toBuilder()).build();
    assertNotEquals(base, changed);
    assertEquals(changed, changed.toBuilder().build());
  }

  @Test
  void settersRejectBadValuesNamingThem() {
    ProxyTrainer.Builder b = ProxyTrainer.builder();
    assertMessage(() -> b.epochs(0), "epochs must be > 0, but was 0");
    assertMessage(() -> b.batchSize(-1), "batchSize must be > 0, but was -1");
    assertMessage(() -> b.learningRate(Double.NaN), "learningRate");
    assertMessage(() -> b.validationFraction(1.0), "validationFraction must be in (0, 1)");
    assertMessage(() -> b.validationFraction(0.0), "validationFraction must be in (0, 1)");
    assertMessage(() -> b.hiddenLayers(), "hiddenLayers must not be empty");
    assertMessage(() -> b.hiddenLayers(4, 0), "hiddenLayers[1] must be > 0");
    assertMessage(() -> b.patience(-2), "patience must be >= 0");
    assertMessage(() -> b.threads(0), "threads must be > 0");
    assertMessage(() -> b.evaluationTimeout(java.time.Duration.ZERO), "evaluationTimeout");
    assertMessage(() -> b.minValidFraction(1.5), "minValidFraction must be in [0, 1]");
    assertMessage(() -> b.targetR2(1.01), "targetR2 must be at most 1");
    assertMessage(() -> b.targetR2(Double.NEGATIVE_INFINITY), "targetR2 must be at most 1");
  }

  @Test
  void progressReportsEveryEpochAndTargetR2StopsEarly() {
    java.util.List<TrainingEpoch> all = new java.util.ArrayList<>();
    ProxyTrainer full = SMALL.toBuilder().epochs(12).patience(0).progress(all::add).build();
    Proxy p = full.train(Benchmarks.sphere(2), Samplers.uniform(), 400, 6L);
    assertEquals(12, all.size());
    for (int i = 0; i < all.size(); i++) {
      TrainingEpoch e = all.get(i);
      assertEquals(i + 1, e.epoch());
      assertTrue(e.bestEpoch() <= e.epoch() && e.bestEpoch() >= 1, e.toString());
      assertTrue(i == 0 || e.elapsed().compareTo(all.get(i - 1).elapsed()) >= 0);
    }
    TrainingEpoch best = all.get(all.get(11).bestEpoch() - 1);
    assertEquals(p.quality().validationR2(), best.validationR2(), 1e-9);
    assertEquals(p.quality().validationRmse(), best.validationRmse(), 1e-9);

    double target = all.stream().mapToDouble(TrainingEpoch::validationR2).max().orElseThrow()
        - 1e-9;
    int firstAbove = all.stream().filter(e -> e.validationR2() >= target).findFirst()
        .orElseThrow().epoch();
    Proxy early = full.toBuilder().progress(null).targetR2(target).build()
        .train(Benchmarks.sphere(2), Samplers.uniform(), 400, 6L);
    assertEquals(firstAbove, early.quality().epochsRun());
    assertTrue(early.quality().validationR2() >= target);
  }

  /**
   * A warm start re-expresses the start's output layer in the new data's target scaling: with a
   * vanishing learning rate the warm network predicts what the start predicts, although the new
   * data have another mean and spread; a cold one does not.
   */
  @Test
  void aWarmStartBeginsFromTheStartsPredictionsInTheNewScaling() {
    BenchmarkFunction f = Benchmarks.rastrigin(2);
    Domain box = f.domain();
    double[][] x0 = Samplers.latinHypercube().sample(box, 120, 1L);
    Proxy start = SMALL.fit(x0, f.evaluateAll(x0), box);
    double[][] x1 = Samplers.latinHypercube().sample(box, 200, 2L);
    double[] y1 = f.evaluateAll(x1);
    for (int i = 0; i < y1.length; i++) {
      y1[i] = 3 * y1[i] + 50; // other mean, other spread
    }
    ProxyTrainer still = SMALL.toBuilder().learningRate(1e-15).epochs(1).seed(5L).build();
    Proxy warm = still.fit(x1, y1, box, start);
    Proxy cold = still.fit(x1, y1, box);
    double[][] q = Samplers.uniform().sample(box, 40, 3L);
    double[] expected = start.evaluateAll(q);
    double[] got = warm.evaluateAll(q);
    double off = 0;
    for (int i = 0; i < q.length; i++) {
      assertEquals(expected[i], got[i], 1e-9 * (1 + Math.abs(expected[i])));
      off = Math.max(off, Math.abs(cold.evaluate(q[i]) - expected[i]));
    }
    assertTrue(off > 1, "a cold start should not predict as the start does: " + off);
    assertTrue(warm.description().contains("warm start"), warm.description());
  }

  /** On grown data, a few warm epochs fit better than as many from scratch, reproducibly. */
  @Test
  void aFewWarmEpochsFitGrownDataBetterThanAsManyFromScratch() {
    BenchmarkFunction f = Benchmarks.rosenbrock(3);
    Domain box = f.domain();
    double[][] x0 = Samplers.latinHypercube().sample(box, 300, 1L);
    Proxy start = SMALL.toBuilder().epochs(40).build().fit(x0, f.evaluateAll(x0), box);
    double[][] extra = Samplers.latinHypercube().sample(box, 30, 2L);
    double[][] x1 = Stream.concat(Stream.of(x0), Stream.of(extra)).toArray(double[][]::new);
    double[] y1 = f.evaluateAll(x1);
    ProxyTrainer few = SMALL.toBuilder().epochs(3).seed(8L).build();
    Proxy warm = few.fit(x1, y1, box, start);
    Proxy again = few.fit(x1, y1, box, start);
    Proxy cold = few.fit(x1, y1, box);
    assertTrue(warm.quality().validationRmse() < 0.8 * cold.quality().validationRmse(),
        warm.quality() + " vs " + cold.quality());
    double[][] q = Samplers.uniform().sample(box, 20, 3L);
    assertArrayEquals(warm.evaluateAll(q), again.evaluateAll(q));
  }

  /** A proxy of constant targets has zero weights; a warm start from it starts from random ones. */
  @Test
  void aWarmStartFromAConstantProxyFitsLikeAColdStart() {
    Domain box = Domain.cube(2, 0, 1);
    double[][] x = Samplers.uniform().sample(box, 200, 1L);
    double[] flat = new double[200];
    java.util.Arrays.fill(flat, 2.0);
    Proxy constant = SMALL.fit(x, flat, box);
    double[] y = new double[200];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i][0] + 2 * x[i][1] * x[i][1];
    }
    ProxyTrainer t = SMALL.toBuilder().seed(4L).build();
    double[][] q = Samplers.uniform().sample(box, 20, 2L);
    assertArrayEquals(t.fit(x, y, box).evaluateAll(q), t.fit(x, y, box, constant).evaluateAll(q));
  }

  @Test
  void aWarmStartRefusesAnotherDomainOrNetworkNamingIt() {
    Domain box = Domain.cube(2, 0, 1);
    double[][] x = Samplers.uniform().sample(box, 40, 1L);
    double[] y = new double[40];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i][0] + 2 * x[i][1];
    }
    Proxy start = SMALL.fit(x, y, box);
    assertMessage(() -> SMALL.fit(x, y, Domain.cube(2, 0, 2), start), "start is on");
    assertMessage(() -> SMALL.toBuilder().hiddenLayers(8).build().fit(x, y, box, start),
        "[2, 8, 1]");
    assertMessage(() -> SMALL.toBuilder().activation(Activation.TANH).build().fit(x, y, box,
        start), "tanh");
    assertThrows(NullPointerException.class, () -> SMALL.fit(x, y, box, null));
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }
}
