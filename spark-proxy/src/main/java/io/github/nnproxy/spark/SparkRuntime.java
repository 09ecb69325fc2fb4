package io.github.nnproxy.spark;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.spi.EvaluationBackend;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A Spark context that nnproxy creates and owns: embedded in the JVM ({@code local[*]}, no cluster
 * needed) when no master is given, or connected to a cluster's master. Closing it stops the
 * context. It is the {@code spark} {@link EvaluationBackend.Session} of the command line's {@code
 * --spark [MASTER]}.
 *
 * <p>Spark allows one running context per JVM: close a runtime before opening another. The JVM
 * must be started with the {@code --add-opens} options Spark needs on Java 17 ({@code
 * docs/spark.md}; the launcher {@code spark-proxy/bin/nnproxy-spark} sets them). Users who manage
 * their own {@link JavaSparkContext} do not need this class: they call {@link
 * SparkForwardModel#of(JavaSparkContext, ForwardModel)} directly.
 *
 * <p>Thread-safe: models from {@link #distribute(ForwardModel)} may run batches from several
 * threads at once.
 *
 * <pre>{@code
 * try (SparkRuntime spark = SparkRuntime.embedded()) {
 *   ForwardModel sim = spark.distribute(mySerializableSimulation);
 *   double[] ys = sim.evaluateAll(points);
 * }
 * try (SparkRuntime spark = SparkRuntime.builder().master("spark://head:7077")
 *     .conf("spark.jars", "my-simulation.jar").build()) { ... }
 * }</pre>
 */
public final class SparkRuntime implements EvaluationBackend.Session {
  /** The master used when none is given: all the JVM's processors, in the JVM. */
  public static final String EMBEDDED_MASTER = "local[*]";

  private final JavaSparkContext context;
  private final int pointsPerTask;

  private SparkRuntime(JavaSparkContext context, int pointsPerTask) {
    this.context = context;
    this.pointsPerTask = pointsPerTask;
  }

  /**
   * Starts an embedded Spark context on {@code local[*]}.
   *
   * @return the runtime; close it to stop Spark
   * @throws IllegalStateException if Spark cannot start (another context runs in this JVM)
   */
  public static SparkRuntime embedded() {
    return builder().build();
  }

  /**
   * Starts a Spark context on {@code master}, or an embedded one when it is null.
   *
   * @param master a Spark master URL ({@code spark://host:7077}, {@code local[2]}, {@code yarn}),
   *     or null for {@link #EMBEDDED_MASTER}
   * @return the runtime; close it to stop Spark
   * @throws IllegalArgumentException if {@code master} is blank
   * @throws IllegalStateException if Spark cannot start
   */
  public static SparkRuntime connect(String master) {
    Builder b = builder();
    if (master != null) {
      b.master(master);
    }
    return b.build();
  }

  /**
   * Returns a builder: master {@code local[*]}, application name {@code nnproxy}, one point per
   * task, Spark's own settings and the JVM's {@code spark.*} system properties otherwise (the web
   * UI off on local masters unless {@code spark.ui.enabled} is set).
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the Spark context, to run other jobs or to build a {@link SparkForwardModel} with
   * other settings.
   *
   * @return the context, owned by this runtime
   */
  public JavaSparkContext context() {
    return context;
  }

  /**
   * Returns a model that runs batches of {@code model} as Spark jobs on this runtime, with the
   * builder's points per task.
   *
   * @param model the model, serializable
   * @return the Spark-backed model, usable until this runtime is closed
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException if {@code model} cannot be serialized, naming its class
   */
  @Override
  public SparkForwardModel distribute(ForwardModel model) {
    return SparkForwardModel.builder(context, model).pointsPerTask(pointsPerTask).build();
  }

  /**
   * Describes the runtime: Spark's version, master, application name and task slots, e.g.
   * {@code "Spark 4.1.3 on local[2] (nnproxy, 2 task slots)"}.
   *
   * @return the description
   */
  @Override
  public String description() {
    return "Spark " + context.version() + " on " + context.master() + " (" + context.appName()
        + ", " + context.defaultParallelism() + " task slots)";
  }

  /** Stops the Spark context; models from {@link #distribute(ForwardModel)} stop working. */
  @Override
  public void close() {
    context.stop();
  }

  @Override
  public String toString() {
    return "SparkRuntime[" + context.master() + "]";
  }

  /**
   * Builds a {@link SparkRuntime}. Not thread-safe.
   *
   * <pre>{@code
   * SparkRuntime spark = SparkRuntime.builder().master("local[2]").pointsPerTask(5)
   *     .conf("spark.task.maxFailures", "1").build();
   * }</pre>
   */
  public static final class Builder {
    private String master = EMBEDDED_MASTER;
    private String appName = "nnproxy";
    private int pointsPerTask = 1;
    private final Map<String, String> conf = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the Spark master URL (default {@code local[*]}).
     *
     * @param master the URL, e.g. {@code spark://host:7077} or {@code local[2]}
     * @return this builder
     * @throws NullPointerException if {@code master} is null
     * @throws IllegalArgumentException if {@code master} is blank
     */
    public Builder master(String master) {
      nonNull(master, "master");
      if (master.isBlank()) {
        throw new IllegalArgumentException("master must be a Spark master URL, but was blank");
      }
      this.master = master.strip();
      return this;
    }

    /**
     * Sets the application name shown by the cluster manager (default {@code nnproxy}).
     *
     * @param appName the name, not blank
     * @return this builder
     * @throws NullPointerException if {@code appName} is null
     * @throws IllegalArgumentException if {@code appName} is blank
     */
    public Builder appName(String appName) {
      nonNull(appName, "appName");
      if (appName.isBlank()) {
        throw new IllegalArgumentException("appName must not be blank");
      }
      this.appName = appName;
      return this;
    }

    /**
     * Sets the points per task of the models from {@link SparkRuntime#distribute(ForwardModel)}
     * (default 1); see {@link SparkForwardModel.Builder#pointsPerTask(int)}.
     *
     * @param points the points per task, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code points <= 0}
     */
    public Builder pointsPerTask(int points) {
      this.pointsPerTask = io.github.nnproxy.internal.Requires.positive(points, "pointsPerTask");
      return this;
    }

    /**
     * Sets a Spark property, e.g. {@code spark.jars}, {@code spark.task.maxFailures} or {@code
     * spark.executor.cores}; it overrides the builder's own choices.
     *
     * @param key the property's name
     * @param value its value
     * @return this builder
     * @throws NullPointerException if an argument is null
     */
    public Builder conf(String key, String value) {
      conf.put(nonNull(key, "key"), nonNull(value, "value"));
      return this;
    }

    /**
     * Starts the Spark context. Its settings are Spark's defaults, then the JVM's {@code
     * spark.*} system properties (e.g. {@code -Dspark.jars=...}), then this builder's: the
     * master, the application name and {@link #conf(String, String)}.
     *
     * @return the runtime; close it to stop Spark
     * @throws IllegalStateException if Spark cannot start, with Spark's reason
     */
    public SparkRuntime build() {
      SparkConf c = new SparkConf(true).setMaster(master).setAppName(appName); // + spark.* -D
      if (master.startsWith("local") && !c.contains("spark.ui.enabled")) {
        c.set("spark.ui.enabled", "false"); // nobody watches an embedded run's UI
      }
      conf.forEach(c::set);
      try {
        return new SparkRuntime(new JavaSparkContext(c), pointsPerTask);
      } catch (Exception e) { // SparkException is checked but undeclared
        throw new IllegalStateException("cannot start Spark on master " + master + ": "
            + e.getMessage(), e);
      }
    }
  }
}
