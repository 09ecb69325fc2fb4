package io.github.nnproxy.spark;

import io.github.nnproxy.spi.EvaluationBackend;

/**
 * The {@code spark} {@link EvaluationBackend}: found by {@link EvaluationBackend#find(String)}
 * when {@code nnproxy-spark} is on the classpath (its {@code META-INF/services} file names this
 * class), so the command line can offer {@code --spark [MASTER]} without depending on Spark.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * try (EvaluationBackend.Session s = EvaluationBackend.find("spark").orElseThrow().open(null)) {
 *   ForwardModel sim = s.distribute(simulation);   // batches run on local[*]
 * }
 * }</pre>
 */
public final class SparkEvaluationBackend implements EvaluationBackend {

  /** Creates the backend; {@link java.util.ServiceLoader} calls this. */
  public SparkEvaluationBackend() {}

  /**
   * Returns {@code "spark"}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return "spark";
  }

  /**
   * Starts a {@link SparkRuntime} on {@code target}, or on {@code local[*]} when it is null.
   *
   * @param target a Spark master URL, or null for the embedded default
   * @return the runtime
   * @throws IllegalArgumentException if {@code target} is blank
   * @throws IllegalStateException if Spark cannot start
   */
  @Override
  public SparkRuntime open(String target) {
    return SparkRuntime.connect(target);
  }
}
