package io.github.nnproxy.spark;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.Domain;
import io.github.nnproxy.EvaluationException;
import io.github.nnproxy.EvaluationOutcome;
import io.github.nnproxy.ForwardModel;
import io.github.nnproxy.internal.Requires;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A forward model whose batches run on Apache Spark: {@link #evaluateAll(double[][])} and {@link
 * #evaluateOutcomes(double[][])} run the whole batch as one Spark job, one point per task by
 * default, and return the values in the order of the points, equal to evaluating them one by one
 * on the driver. Meant for expensive simulations (seconds to hours per call), where Spark's fixed
 * cost per job and per task is small beside one call; see {@code docs/spark.md}.
 *
 * <p>Because it is a {@link ForwardModel} and {@link #batched()}, it serves everything that
 * batch-evaluates the truth: {@code ProxyTrainer}'s sampling, the managed loop, the Jenetics and
 * jMetal batch evaluators. Those callers hand it whole batches through {@link
 * #evaluateOutcomes(double[][])} and add no threads of their own.
 *
 * <p><b>The model must be {@link java.io.Serializable}</b>, with everything it holds: Spark ships
 * it to the executors. {@link #of} serializes it once to check, and refuses a model that cannot
 * be shipped, naming its class and the part that is not serializable. The model runs in other
 * JVMs (on a cluster, on other machines): it must not rely on state of the driver, and the
 * classes it needs must be on the executors' classpath ({@code spark.jars}).
 *
 * <p><b>Single evaluations run locally:</b> {@link #evaluate(double[])} calls the model on the
 * caller's thread, in the driver JVM, without a Spark job; a one-point job would only add Spark's
 * fixed overhead. Use {@link #evaluateAll(double[][])} with one point to run it on the cluster.
 *
 * <p><b>Failures</b> are captured by each task on its own, as {@link
 * EvaluationOutcome#capture(ForwardModel, double[])} does: an exception, NaN or an infinity becomes
 * that point's outcome and the other points of the batch are kept. A per-point {@link
 * Builder#timeout(Duration) timeout} turns a hanging call into {@link
 * io.github.nnproxy.FailureKind#TIMED_OUT}. What is not captured (an {@link Error} such as
 * running out of memory, a lost executor) fails the Spark task, which Spark retries up to {@code
 * spark.task.maxFailures} times (1 in local mode, 4 by default on a cluster): each retry runs the
 * simulations of that task again, at their full cost. When a task fails for good, the job and the
 * whole batch fail with an {@link IllegalStateException}.
 *
 * <p>Immutable and thread-safe: several threads may submit batches at once, and Spark runs their
 * jobs side by side. It works while its {@link JavaSparkContext} runs.
 *
 * <pre>{@code
 * try (SparkRuntime spark = SparkRuntime.embedded()) {            // local[*]
 *   ForwardModel sim = SparkForwardModel.of(spark.context(), mySerializableSimulation);
 *   Proxy proxy = ProxyTrainer.defaults().train(sim, Samplers.latinHypercube(), 2_000, 42L);
 * }
 * }</pre>
 */
public final class SparkForwardModel implements ForwardModel {
  private final JavaSparkContext context;
  private final ForwardModel model;
  private final int pointsPerTask;
  private final Duration timeout;

  private SparkForwardModel(Builder b) {
    this.context = b.context;
    this.model = b.model;
    this.pointsPerTask = b.pointsPerTask;
    this.timeout = b.timeout;
  }

  /**
   * Returns a model that runs batches of {@code model} on {@code context}, one point per task,
   * without a timeout.
   *
   * @param context the Spark context the jobs run on; the caller owns it
   * @param model the model, serializable
   * @return the Spark-backed model
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code model} cannot be serialized, naming its class
   */
  public static SparkForwardModel of(JavaSparkContext context, ForwardModel model) {
    return builder(context, model).build();
  }

  /**
   * Returns a builder for a model that runs batches of {@code model} on {@code context}: one point
   * per task and no timeout unless changed.
   *
   * @param context the Spark context the jobs run on; the caller owns it
   * @param model the model, serializable (checked by {@link Builder#build()})
   * @return the builder
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(JavaSparkContext context, ForwardModel model) {
    return new Builder(nonNull(context, "context"), nonNull(model, "model"));
  }

  /**
   * Returns a builder with this model's settings, to change some of them.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(context, model);
    b.pointsPerTask = pointsPerTask;
    b.timeout = timeout;
    return b;
  }

  @Override
  public Domain domain() {
    return model.domain();
  }

  /**
   * Evaluates the wrapped model at one point on the caller's thread, in the driver JVM; no Spark
   * job is run.
   *
   * @param x a point of the domain's dimension with finite coordinates
   * @return the wrapped model's value
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if {@code x} has the wrong length or a non-finite coordinate
   */
  @Override
  public double evaluate(double[] x) {
    Requires.point(x, domain().dimension(), "x");
    return model.evaluate(x);
  }

  /**
   * Evaluates the batch as one Spark job. NaN and infinite values are returned as values, as the
   * wrapped model returned them.
   *
   * @param xs the points
   * @return the values, {@code result[i]} for {@code xs[i]}
   * @throws NullPointerException if {@code xs} or a row is null
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite coordinate
   * @throws EvaluationException for the first point whose evaluation failed without a value (the
   *     model threw or timed out; the model's own exception stayed on the executor, its text is
   *     the message)
   * @throws IllegalStateException if the Spark job failed
   */
  @Override
  public double[] evaluateAll(double[][] xs) {
    return EvaluationOutcome.values(evaluateOutcomes(xs));
  }

  /**
   * Evaluates the batch as one Spark job in which every task captures its own failures: each
   * point gets its outcome, in order.
   *
   * @param xs the points
   * @return one outcome per point, in order
   * @throws NullPointerException if {@code xs} or a row is null
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite coordinate
   * @throws IllegalStateException if the Spark job failed (a task failed {@code
   *     spark.task.maxFailures} times, the context was stopped)
   */
  @Override
  public EvaluationOutcome[] evaluateOutcomes(double[][] xs) {
    nonNull(xs, "xs");
    int d = domain().dimension();
    List<double[]> points = new ArrayList<>(xs.length);
    for (int i = 0; i < xs.length; i++) {
      points.add(Requires.point(xs[i], d, "xs[" + i + "]").clone());
    }
    if (points.isEmpty()) {
      return new EvaluationOutcome[0];
    }
    int tasks = (int) ((points.size() + (long) pointsPerTask - 1) / pointsPerTask);
    List<EvaluationOutcome> out;
    try {
      JavaRDD<double[]> rdd = context.parallelize(points, tasks);
      rdd.setName("nnproxy: " + points.size() + " points of " + model);
      out = rdd.map(new PointTask(model, timeout)).collect();
    } catch (Exception e) { // Spark throws SparkException, a checked exception Java cannot name
      throw new IllegalStateException("the Spark job evaluating " + points.size() + " points of "
          + model + " failed: " + e.getMessage(), e);
    }
    if (out.size() != points.size()) {
      throw new IllegalStateException("the Spark job returned " + out.size() + " outcomes for "
          + points.size() + " points; check the Spark setup");
    }
    return out.toArray(EvaluationOutcome[]::new);
  }

  /**
   * Returns true: callers that batch-evaluate the truth hand this model whole batches.
   *
   * @return true
   */
  @Override
  public boolean batched() {
    return true;
  }

  /**
   * Returns the wrapped model.
   *
   * @return the model the tasks evaluate
   */
  public ForwardModel model() {
    return model;
  }

  /**
   * Returns the Spark context the jobs run on.
   *
   * @return the context
   */
  public JavaSparkContext context() {
    return context;
  }

  /**
   * Returns the most points one Spark task evaluates; a batch of {@code n} points runs as {@code
   * ceil(n / pointsPerTask)} tasks of nearly equal size.
   *
   * @return the points per task, {@code >= 1}
   */
  public int pointsPerTask() {
    return pointsPerTask;
  }

  /**
   * Returns the time one evaluation may take before it is abandoned as timed out, if set.
   *
   * @return the timeout, or empty for none
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Returns the wrapped model's own text: the values are the model's, so a proxy trained through
   * Spark has the description (and the same benchmark name for {@code nnproxy optimize}) that a
   * local run gives. {@link #description()} says where it runs.
   *
   * @return the wrapped model's {@code toString()}
   */
  @Override
  public String toString() {
    return model.toString();
  }

  /**
   * Describes the model, its cluster and its partitioning, for logs.
   *
   * @return e.g. {@code SparkForwardModel[ackley(2-D) on local[2], 1 point per task]}
   */
  public String description() {
    return "SparkForwardModel[" + model + " on " + context.master() + ", " + pointsPerTask
        + (pointsPerTask == 1 ? " point" : " points") + " per task"
        + (timeout == null ? "" : ", timeout " + timeout) + "]";
  }

  /**
   * Builds a {@link SparkForwardModel}. Not thread-safe; the built model is immutable.
   *
   * <pre>{@code
   * SparkForwardModel m = SparkForwardModel.builder(jsc, simulation)
   *     .pointsPerTask(4).timeout(Duration.ofMinutes(10)).build();
   * }</pre>
   */
  public static final class Builder {
    private final JavaSparkContext context;
    private final ForwardModel model;
    private int pointsPerTask = 1;
    private Duration timeout;

    private Builder(JavaSparkContext context, ForwardModel model) {
      this.context = context;
      this.model = model;
    }

    /**
     * Sets the most points one task evaluates (default 1). One point per task lets Spark spread
     * expensive calls evenly and retry only one call when a task fails; more points per task
     * cut Spark's per-task overhead when calls are cheap.
     *
     * @param points the points per task, {@code > 0}
     * @return this builder
     * @throws IllegalArgumentException if {@code points <= 0}
     */
    public Builder pointsPerTask(int points) {
      this.pointsPerTask = Requires.positive(points, "pointsPerTask");
      return this;
    }

    /**
     * Sets the time one evaluation may take on an executor; a call that takes longer is
     * interrupted and abandoned, and its point gets {@link io.github.nnproxy.FailureKind#TIMED_OUT}.
     * Default: none.
     *
     * @param timeout the timeout, positive, or null for none
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Requires.positiveOrNull(timeout, "timeout");
      return this;
    }

    /**
     * Builds the model after checking, by serializing it, that the wrapped model can be shipped
     * to the executors.
     *
     * @return the model
     * @throws IllegalArgumentException if the wrapped model cannot be serialized, naming its class
     *     and the part that is not serializable
     */
    public SparkForwardModel build() {
      Shipping.check(model);
      return new SparkForwardModel(this);
    }
  }
}
