package io.github.nnproxy.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.EvaluationException;
import io.github.nnproxy.EvaluationOutcome;
import io.github.nnproxy.FailureKind;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.proxy.SampleFailures;
import io.github.nnproxy.sampling.Samplers;
import io.github.nnproxy.optimize.Optimizer;
import io.github.nnproxy.optimize.Optimum;
import io.github.nnproxy.sampling.SamplingScheme;
import io.github.nnproxy.study.StabilityStudy;
import io.github.nnproxy.study.StudyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkForwardModelTest {
  private static SparkRuntime spark;
  private static JavaSparkContext jsc;

  @BeforeAll
  static void start() {
    spark = SparkRuntime.builder().master("local[2]").build();
    jsc = spark.context();
  }

  @AfterAll
  static void stop() {
    spark.close();
  }

  @Test
  void benchmarkValuesEqualSequentialEvaluationInOrder() {
    BenchmarkFunction f = Benchmarks.rastrigin(3);
    double[][] xs = Samplers.latinHypercube().sample(f.domain(), 40, 7L);
    SparkForwardModel m = SparkForwardModel.of(jsc, f);
    assertArrayEquals(f.evaluateAll(xs), m.evaluateAll(xs), 0.0);
  }

  @Test
  @org.junit.jupiter.api.condition.DisabledOnOs(org.junit.jupiter.api.condition.OS.WINDOWS)
  void anExternalModelRunsOnTheWorkersWithItsFailuresCounted(@TempDir Path dir) throws Exception {
    Path sim = dir.resolve("bowl.sh");
    Files.writeString(sim, """
        #!/bin/sh
        case "$1" in -*) echo "negative input" >&2; exit 3 ;; esac
        awk 'BEGIN { s = 0; for (i = 1; i < ARGC; i++) s += ARGV[i] * ARGV[i]; printf "%.17g\\n", s }' "$@"
        """);
    Files.setPosixFilePermissions(sim,
        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Domain box = Domain.cube(2, -1, 1);
    var external = io.github.nnproxy.external.ExternalModel.builder(box, sim.toString()).build();
    double[][] xs = Samplers.latinHypercube().sample(box, 24, 5L);
    EvaluationOutcome[] local = external.evaluateOutcomes(xs);
    EvaluationOutcome[] remote = SparkForwardModel.of(jsc, external).evaluateOutcomes(xs);
    assertEquals(local.length, remote.length);
    int failed = 0;
    for (int i = 0; i < xs.length; i++) {
      assertEquals(local[i].failure(), remote[i].failure(), "point " + i);
      assertEquals(local[i].value(), remote[i].value(), 0.0, "point " + i);
      if (!remote[i].succeeded()) {
        failed++;
        assertEquals(FailureKind.EXIT_STATUS, remote[i].failure());
      }
    }
    assertTrue(failed > 0 && failed < xs.length, "failed " + failed);
  }

  @Test
  void everyBenchmarkShipsAndMatches() {
    for (String name : Benchmarks.NAMES) {
      BenchmarkFunction f = Benchmarks.byName(name, 2);
      double[][] xs = Samplers.uniform().sample(f.domain(), 6, 3L);
      assertArrayEquals(f.evaluateAll(xs), SparkForwardModel.of(jsc, f).evaluateAll(xs), 0.0,
          name);
    }
  }

  @Test
  void failingModelGivesTheSequentialOutcomesCountedByKind() {
    ForwardModel f = new TestModels.Failing(2);
    double[][] xs = Samplers.uniform().sample(f.domain(), 60, 11L);
    EvaluationOutcome[] seq = f.evaluateOutcomes(xs);
    EvaluationOutcome[] got = SparkForwardModel.of(jsc, f).evaluateOutcomes(xs);
    assertArrayEquals(seq, got);
    SampleFailures counted = SampleFailures.count(got);
    for (FailureKind k : new FailureKind[] {FailureKind.THROWN, FailureKind.NAN,
        FailureKind.INFINITE, FailureKind.EXIT_STATUS}) {
      assertTrue(counted.count(k) > 0, k + " in " + counted);
    }
    assertEquals(SampleFailures.count(seq), counted);
  }

  @Test
  void trainerSampleThroughSparkEqualsSequential() {
    ForwardModel f = new TestModels.Failing(2);
    ProxyTrainer t = ProxyTrainer.builder().hiddenLayers(8).epochs(5).threads(1).build();
    Proxy local = t.train(f, Samplers.uniform(), 200, 5L);
    Proxy viaSpark = t.train(SparkForwardModel.of(jsc, f), Samplers.uniform(), 200, 5L);
    assertEquals(local.quality().failures(), viaSpark.quality().failures());
    assertEquals(local.quality().samplesDropped(), viaSpark.quality().samplesDropped());
    double[][] probe = Samplers.uniform().sample(f.domain(), 20, 9L);
    assertArrayEquals(local.evaluateAll(probe), viaSpark.evaluateAll(probe), 0.0);
  }

  @Test
  void studySampledOnSparkGivesTheSameResults(@TempDir Path dir) throws Exception {
    AtomicInteger distributed = new AtomicInteger();
    StudyResult viaSpark = study(dir.resolve("spark"), m -> {
      distributed.incrementAndGet();
      return spark.distribute(m);
    }).run();
    StudyResult local = study(dir.resolve("local"), UnaryOperator.identity()).run();
    assertEquals(1, distributed.get()); // one proxy: one sample through Spark
    for (String file : new String[] {"summary.csv", "runs.csv"}) {
      assertEquals(Files.readString(local.output().resolve(file)),
          Files.readString(viaSpark.output().resolve(file)), file);
    }
  }

  private static StabilityStudy study(Path out, UnaryOperator<ForwardModel> truth) {
    return StabilityStudy.builder().functions("sphere").dimensions(2)
        .schemes(SamplingScheme.DENSE_UNIFORM).seeds(1, 2).baseSize(200).threads(1)
        .trainer(f -> ProxyTrainer.builder().hiddenLayers(8).epochs(10).threads(1).build())
        .optimizer(new RandomSearch()).plots(false).output(out).sampledTruth(truth).build();
  }

  /** Best of 50 uniform points: a deterministic optimizer for the study test. */
  private static final class RandomSearch implements Optimizer {
    @Override
    public String name() {
      return "random-search";
    }

    @Override
    public Optimum minimize(ForwardModel objective, long seed) {
      double[][] xs = Samplers.uniform().sample(objective.domain(), 50, seed);
      double[] ys = objective.evaluateAll(xs);
      int best = 0;
      for (int i = 1; i < ys.length; i++) {
        if (ys[i] < ys[best]) {
          best = i;
        }
      }
      return Optimum.of(xs[best], ys[best], xs.length);
    }
  }

  @Test
  void evaluateAllReturnsNonFiniteValuesAndThrowsForAFailureWithoutValue() {
    ForwardModel f = new TestModels.Failing(1);
    SparkForwardModel m = SparkForwardModel.of(jsc, f);
    double[] ys = m.evaluateAll(new double[][] {{0.15}, {0.25}, {0.5}});
    assertTrue(Double.isNaN(ys[0]));
    assertEquals(Double.POSITIVE_INFINITY, ys[1]);
    assertEquals(0.25, ys[2]);
    EvaluationException e = assertThrows(EvaluationException.class,
        () -> m.evaluateAll(new double[][] {{0.5}, {0.05}}));
    assertEquals(FailureKind.THROWN, e.kind());
    assertTrue(e.getMessage().contains("diverged at 0.05"), e.getMessage());
  }

  @Test
  void isBatchedAndEvaluatesSinglePointsOnTheDriver() {
    SparkForwardModel m = SparkForwardModel.of(jsc, new TestModels.PartitionId());
    assertTrue(m.batched());
    assertEquals(-1.0, m.evaluate(new double[] {0.5}));
    assertEquals(0.0, m.evaluateAll(new double[][] {{0.5}})[0]);
  }

  @Test
  void onePointPerTaskByDefault() {
    SparkForwardModel m = SparkForwardModel.of(jsc, new TestModels.PartitionId());
    assertEquals(1, m.pointsPerTask());
    assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, m.evaluateAll(points(6)), 0.0);
  }

  @Test
  void pointsPerTaskGroupsConsecutivePoints() {
    SparkForwardModel m = SparkForwardModel.builder(jsc, new TestModels.PartitionId())
        .pointsPerTask(3).build();
    assertEquals(3, m.pointsPerTask());
    assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1}, m.evaluateAll(points(6)), 0.0);
    SparkForwardModel four = m.toBuilder().pointsPerTask(4).build();
    assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1, 1}, four.evaluateAll(points(7)), 0.0);
  }

  @Test
  void timeoutTurnsAHangingCallIntoTimedOut() {
    SparkForwardModel m = SparkForwardModel.builder(jsc, new TestModels.Hanging())
        .timeout(Duration.ofMillis(300)).build();
    assertEquals(Duration.ofMillis(300), m.timeout().orElseThrow());
    EvaluationOutcome[] os = m.evaluateOutcomes(new double[][] {{0.2}, {0.9}});
    assertEquals(EvaluationOutcome.of(0.2), os[0]);
    assertEquals(FailureKind.TIMED_OUT, os[1].failure());
    assertEquals(SparkForwardModel.of(jsc, new TestModels.Hanging()).timeout(),
        java.util.Optional.empty());
  }

  @Test
  void toBuilderKeepsTheSettings() {
    SparkForwardModel m = SparkForwardModel.builder(jsc, Benchmarks.sphere(2)).pointsPerTask(2)
        .timeout(Duration.ofSeconds(5)).build();
    SparkForwardModel copy = m.toBuilder().build();
    assertEquals(2, copy.pointsPerTask());
    assertEquals(m.timeout(), copy.timeout());
    assertSame(m.model(), copy.model());
    assertSame(jsc, copy.context());
    assertEquals(m.domain(), copy.domain());
  }

  @Test
  void concurrentBatchesEqualSequential() {
    BenchmarkFunction f = Benchmarks.ackley(2);
    SparkForwardModel m = SparkForwardModel.builder(jsc, f).pointsPerTask(5).build();
    double[][] a = Samplers.uniform().sample(f.domain(), 30, 1L);
    double[][] b = Samplers.uniform().sample(f.domain(), 30, 2L);
    CompletableFuture<double[]> fa = CompletableFuture.supplyAsync(() -> m.evaluateAll(a));
    CompletableFuture<double[]> fb = CompletableFuture.supplyAsync(() -> m.evaluateAll(b));
    assertArrayEquals(f.evaluateAll(a), fa.join(), 0.0);
    assertArrayEquals(f.evaluateAll(b), fb.join(), 0.0);
  }

  @Test
  void emptyBatchRunsNoJob() {
    assertEquals(0, SparkForwardModel.of(jsc, Benchmarks.sphere(2)).evaluateAll(new double[0][])
        .length);
  }

  @Test
  void refusesAModelThatIsNotSerializableNamingIt() {
    ForwardModel lambda = ForwardModel.of(Domain.cube(1, 0, 1), x -> x[0]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparkForwardModel.of(jsc, lambda));
    assertTrue(e.getMessage().contains(lambda.getClass().getName()), e.getMessage());
    assertTrue(e.getMessage().contains("serializable"), e.getMessage());
  }

  @Test
  void refusesAModelHoldingSomethingNotSerializableNamingBoth() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparkForwardModel.of(jsc, new TestModels.HoldsThread()));
    assertTrue(e.getMessage().contains(TestModels.HoldsThread.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
  }

  @Test
  void rejectsBadPointsBeforeRunningAJob() {
    SparkForwardModel m = SparkForwardModel.of(jsc, Benchmarks.sphere(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.evaluateOutcomes(new double[][] {{0, 0}, {1}}));
    assertTrue(e.getMessage().contains("xs[1]"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> m.evaluateAll(new double[][] {{0, Double.NaN}}));
    assertThrows(NullPointerException.class, () -> m.evaluateAll(null));
    assertThrows(IllegalArgumentException.class, () -> m.evaluate(new double[3]));
  }

  @Test
  void rejectsBadSettings() {
    SparkForwardModel.Builder b = SparkForwardModel.builder(jsc, Benchmarks.sphere(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.pointsPerTask(0));
    assertTrue(e.getMessage().contains("pointsPerTask"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ZERO));
    assertThrows(NullPointerException.class, () -> SparkForwardModel.of(null,
        Benchmarks.sphere(2)));
    assertThrows(NullPointerException.class, () -> SparkForwardModel.of(jsc, null));
  }

  private static double[][] points(int n) {
    double[][] xs = new double[n][];
    for (int i = 0; i < n; i++) {
      xs[i] = new double[] {(i + 0.5) / n};
    }
    return xs;
  }
}
