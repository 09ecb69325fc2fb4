package io.github.nnproxy;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.internal.Requires;
import java.util.function.ToDoubleFunction;

/**
 * A scalar function on a {@link Domain}: the expensive simulation ("the truth"), a benchmark
 * function, or a trained {@link io.github.nnproxy.proxy.Proxy} that stands in for it.
 *
 * <p>Optimizers see only this interface, so a proxy replaces the truth without any other change.
 * Implementations must reject points of the wrong length and non-finite coordinates with an
 * {@link IllegalArgumentException}; points outside the domain are allowed (an optimizer may step
 * out of bounds) unless an implementation documents otherwise.
 *
 * <p>Implementations provided by nnproxy are thread-safe; a user function wrapped with {@link
 * #of(Domain, ToDoubleFunction)} is as thread-safe as that function.
 *
 * <pre>{@code
 * ForwardModel sim = ForwardModel.of(Domain.cube(3, 0, 1), x -> runSimulation(x));
 * double y = sim.evaluate(new double[] {0.1, 0.2, 0.3});
 * double[] ys = sim.evaluateAll(points);   // batched; a proxy does one network pass
 * }</pre>
 */
public interface ForwardModel {

  /**
   * Returns the domain this model is defined on.
   *
   * @return the domain
   */
  Domain domain();

  /**
   * Evaluates the model at one point.
   *
   * @param x a point of length {@code domain().dimension()} with finite coordinates
   * @return the model's value at {@code x}
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException if {@code x} has the wrong length or a non-finite coordinate
   */
  double evaluate(double[] x);

  /**
   * Evaluates the model at many points. The default calls {@link #evaluate(double[])} once per
   * point; a proxy overrides it with one batched network pass. The result is the same either way.
   *
   * @param xs the points, each as for {@link #evaluate(double[])}
   * @return the values, {@code result[i] = evaluate(xs[i])}
   * @throws NullPointerException if {@code xs} or one of its rows is null
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite coordinate
   */
  default double[] evaluateAll(double[][] xs) {
    nonNull(xs, "xs");
    double[] ys = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      ys[i] = evaluate(xs[i]);
    }
    return ys;
  }

  /**
   * Evaluates the model at many points where each evaluation may fail on its own: a failure
   * becomes that point's outcome instead of an exception, so one failed simulation does not lose
   * the batch. Callers that batch-evaluate the truth (the trainer's sampling, the managed loop)
   * use this on models that are {@link #batched()}.
   *
   * <p>The default checks every point first, then calls {@link #evaluate(double[])} once per point
   * and captures failures as {@link EvaluationOutcome#capture} does. Models that run batches
   * themselves (an external program's batch protocol, a cluster) override it.
   *
   * @param xs the points, each as for {@link #evaluate(double[])}
   * @return one outcome per point, in order
   * @throws NullPointerException if {@code xs} or one of its rows is null
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite coordinate
   */
  default EvaluationOutcome[] evaluateOutcomes(double[][] xs) {
    Requires.points(xs, domain().dimension(), "xs");
    EvaluationOutcome[] out = new EvaluationOutcome[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = EvaluationOutcome.capture(this, xs[i]);
    }
    return out;
  }

  /**
   * Evaluates the model at many points as {@link #evaluateOutcomes(double[][])} does, and tells
   * {@code listener} each outcome as soon as it is known. A model that runs long batches (external
   * programs, a cluster) overrides it to report every point when it finishes, so that a caller
   * that records evaluations durably loses none of a batch that is killed half way. The default
   * evaluates the whole batch with {@link #evaluateOutcomes(double[][])}, then reports every point
   * in order, without a duration.
   *
   * @param xs the points, each as for {@link #evaluate(double[])}
   * @param listener hears each point's outcome once, possibly from several threads
   * @return one outcome per point, in order; the same outcomes the listener heard
   * @throws NullPointerException if an argument or a row is null
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite coordinate
   */
  default EvaluationOutcome[] evaluateOutcomes(double[][] xs, OutcomeListener listener) {
    nonNull(listener, "listener");
    EvaluationOutcome[] out = evaluateOutcomes(xs);
    for (int i = 0; i < out.length; i++) {
      listener.finished(i, out[i], null);
    }
    return out;
  }

  /**
   * Tells whether this model evaluates a batch better as a whole than as single calls spread over
   * the caller's threads: it runs its own processes, a batch protocol or a cluster, with its own
   * concurrency and timeouts. Callers that batch-evaluate the truth hand such a model whole batches
   * through {@link #evaluateOutcomes(double[][])} and do not add threads or timeouts of their own.
   *
   * <p>The default is false: the caller may call {@link #evaluate(double[])} from several threads.
   *
   * @return true if batches should go to the model whole
   */
  default boolean batched() {
    return false;
  }

  /**
   * Wraps a user function as a forward model. The wrapper checks every point before it calls
   * {@code f}, so {@code f} only ever sees points of the right length with finite coordinates.
   *
   * @param domain the function's domain
   * @param f the function; it receives a copy of the point, so it may modify it
   * @return the forward model
   * @throws NullPointerException if an argument is null
   */
  static ForwardModel of(Domain domain, ToDoubleFunction<double[]> f) {
    nonNull(domain, "domain");
    nonNull(f, "f");
    return new ForwardModel() {
      @Override
      public Domain domain() {
        return domain;
      }

      @Override
      public double evaluate(double[] x) {
        Requires.point(x, domain.dimension(), "x");
        return f.applyAsDouble(x.clone());
      }

      @Override
      public String toString() {
        return "ForwardModel[" + domain + "]";
      }
    };
  }
}
