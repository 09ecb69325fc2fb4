package io.github.nnproxy.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnproxy.Domain;
import io.github.nnproxy.EvaluationOutcome;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.benchmark.BenchmarkFunction;
import io.github.nnproxy.benchmark.Benchmarks;
import io.github.nnproxy.proxy.Proxy;
import io.github.nnproxy.proxy.ProxyTrainer;
import io.github.nnproxy.sampling.Samplers;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.SparkEnv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs batches on a real standalone cluster on the loopback interface: a master and two workers,
 * each in its own JVM, and the two executors they start.
 */
class LoopbackClusterTest {
  private static LoopbackCluster cluster;
  private static SparkRuntime spark;

  @BeforeAll
  static void start() {
    cluster = LoopbackCluster.start(LoopbackCluster.folder(), 2);
    try {
      spark = cluster.runtime().conf("spark.task.maxFailures", "1").build();
      LoopbackCluster.awaitExecutors(spark.context(), 2, Duration.ofSeconds(90));
    } catch (RuntimeException | Error e) {
      stop();
      throw e;
    }
  }

  @AfterAll
  static void stop() {
    try {
      if (spark != null) {
        spark.close();
      }
    } finally {
      cluster.close();
    }
  }

  @Test
  void tasksRunOnBothWorkersExecutors() {
    SparkForwardModel m = spark.distribute(new ExecutorId());
    double[][] xs = new double[40][];
    Arrays.setAll(xs, i -> new double[] {i / 40.0});
    Set<Double> executors = Arrays.stream(m.evaluateAll(xs)).boxed().collect(Collectors.toSet());
    assertEquals(Set.of(0.0, 1.0), executors);
  }

  @Test
  void benchmarkValuesEqualSequential() {
    BenchmarkFunction f = Benchmarks.rosenbrock(4);
    double[][] xs = Samplers.sobol().sample(f.domain(), 64, 3L);
    assertArrayEquals(f.evaluateAll(xs), spark.distribute(f).evaluateAll(xs), 0.0);
  }

  @Test
  void failuresAreCapturedPerTaskAsSequentially() {
    ForwardModel f = new TestModels.Failing(2);
    double[][] xs = Samplers.uniform().sample(f.domain(), 50, 17L);
    EvaluationOutcome[] got = spark.distribute(f).evaluateOutcomes(xs);
    assertArrayEquals(f.evaluateOutcomes(xs), got);
  }

  @Test
  void trainerSampleOnTheClusterEqualsSequential() {
    BenchmarkFunction f = Benchmarks.ackley(2);
    ProxyTrainer t = ProxyTrainer.builder().hiddenLayers(16).epochs(20).threads(1).build();
    Proxy local = t.train(f, Samplers.latinHypercube(), 300, 21L);
    Proxy onCluster = t.train(spark.distribute(f), Samplers.latinHypercube(), 300, 21L);
    double[][] probe = Samplers.uniform().sample(f.domain(), 50, 4L);
    assertArrayEquals(local.evaluateAll(probe), onCluster.evaluateAll(probe), 0.0);
    assertEquals(local.quality().validationRmse(), onCluster.quality().validationRmse());
    assertTrue(spark.context().master().startsWith("spark://127.0.0.1:"));
  }

  /** Returns the id of the executor that evaluates the point ("0", "1", ...) as a number. */
  static final class ExecutorId implements ForwardModel, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Domain domain() {
      return Domain.cube(1, 0, 1);
    }

    @Override
    public double evaluate(double[] x) {
      try {
        Thread.sleep(50); // long enough that both executors take tasks
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Double.parseDouble(SparkEnv.get().executorId());
    }
  }
}
