package io.github.nnproxy.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.sampling.Samplers;
import io.github.nnproxy.spi.EvaluationBackend;
import org.junit.jupiter.api.Test;

/** Each test starts and stops its own context: Spark allows one per JVM at a time. */
class SparkRuntimeTest {

  @Test
  void embeddedRunsOnAllProcessorsInTheJvm() {
    try (SparkRuntime spark = SparkRuntime.embedded()) {
      assertEquals("local[*]", spark.context().master());
      assertEquals("nnproxy", spark.context().appName());
      assertEquals("false", spark.context().getConf().get("spark.ui.enabled"));
      assertTrue(spark.description().startsWith("Spark 4."), spark.description());
      BenchmarkFunction f = Benchmarks.griewank(3);
      double[][] xs = Samplers.uniform().sample(f.domain(), 10, 8L);
      assertArrayEquals(f.evaluateAll(xs), spark.distribute(f).evaluateAll(xs), 0.0);
    }
  }

  @Test
  void builderSettingsReachTheContextAndTheModels() {
    try (SparkRuntime spark = SparkRuntime.builder().master("local[2]").appName("study-7")
        .pointsPerTask(4).conf("spark.task.maxFailures", "2").build()) {
      assertEquals("local[2]", spark.context().master());
      assertEquals("study-7", spark.context().appName());
      assertEquals("2", spark.context().getConf().get("spark.task.maxFailures"));
      assertEquals(4, spark.distribute(Benchmarks.sphere(2)).pointsPerTask());
    }
  }

  @Test
  void confOverridesTheBuildersChoices() {
    try (SparkRuntime spark = SparkRuntime.builder().master("local[1]")
        .conf("spark.ui.enabled", "true").conf("spark.ui.port", "0").build()) {
      assertEquals("true", spark.context().getConf().get("spark.ui.enabled"));
    }
  }

  @Test
  void connectWithoutMasterIsEmbedded() {
    try (SparkRuntime spark = SparkRuntime.connect(null)) {
      assertEquals(SparkRuntime.EMBEDDED_MASTER, spark.context().master());
    }
  }

  @Test
  void closedRuntimeFailsItsModelsClearly() {
    ForwardModel m;
    try (SparkRuntime spark = SparkRuntime.builder().master("local[1]").build()) {
      m = spark.distribute(Benchmarks.sphere(2));
    }
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> m.evaluateAll(new double[][] {{0, 0}}));
    assertTrue(e.getMessage().contains("Spark job"), e.getMessage());
  }

  @Test
  void unknownMasterIsRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SparkRuntime.connect("nowhere://x"));
    assertTrue(e.getMessage().contains("nowhere://x"), e.getMessage());
  }

  @Test
  void rejectsBadSettings() {
    SparkRuntime.Builder b = SparkRuntime.builder();
    assertThrows(IllegalArgumentException.class, () -> b.master(" "));
    assertThrows(IllegalArgumentException.class, () -> b.appName(""));
    assertThrows(IllegalArgumentException.class, () -> b.pointsPerTask(0));
    assertThrows(NullPointerException.class, () -> b.conf("spark.jars", null));
    assertThrows(IllegalArgumentException.class, () -> SparkRuntime.connect(""));
  }

  @Test
  void serviceLoaderFindsTheSparkBackend() {
    EvaluationBackend b = EvaluationBackend.find("spark").orElseThrow();
    assertInstanceOf(SparkEvaluationBackend.class, b);
    assertEquals("spark", b.name());
    assertTrue(EvaluationBackend.find("no-such-engine").isEmpty());
    try (EvaluationBackend.Session s = b.open("local[1]")) {
      ForwardModel m = s.distribute(Benchmarks.levy(2));
      assertTrue(m.batched());
      assertTrue(s.description().contains("local[1]"), s.description());
      double[][] xs = {{1, 1}, {0.5, -2}};
      assertArrayEquals(Benchmarks.levy(2).evaluateAll(xs), m.evaluateAll(xs), 0.0);
    }
  }
}
