package io.github.nnproxy;

import static io.github.nnproxy.internal.Requires.nonNull;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A forward model that counts the calls made to another one: points evaluated, single calls and
 * batched calls. Wrap the truth in it to check how many simulations an optimizer, a study or the
 * managed loop really ran, or wrap a proxy to check that an adapter batches.
 *
 * <pre>{@code
 * CountingModel truth = CountingModel.of(simulation);
 * Optimum best = optimizer.minimize(truth, 1L);
 * long simulations = truth.points();
 * }</pre>
 *
 * <p>Every call goes to the wrapped model unchanged, batches whole: {@link #evaluateAll} and both
 * {@code evaluateOutcomes} methods count one batched call and one point per row, {@link
 * #evaluate} one single call and one point. The wrapper keeps {@link #batched()} of the model it
 * wraps. Thread-safe: the counters are atomic, and the wrapper is as thread-safe as the model.
 */
public final class CountingModel implements ForwardModel {
  private final ForwardModel model;
  private final AtomicLong points = new AtomicLong();
  private final AtomicLong singleCalls = new AtomicLong();
  private final AtomicLong batchCalls = new AtomicLong();

  private CountingModel(ForwardModel model) {
    this.model = model;
  }

  /**
   * Wraps a model with counters at zero.
   *
   * @param model the model whose calls to count
   * @return the counting wrapper
   * @throws NullPointerException if {@code model} is null
   */
  public static CountingModel of(ForwardModel model) {
    return new CountingModel(nonNull(model, "model"));
  }

  /**
   * Returns the wrapped model.
   *
   * @return the model whose calls are counted
   */
  public ForwardModel model() {
    return model;
  }

  /**
   * Returns the number of points evaluated so far, by single and batched calls together.
   *
   * @return the points evaluated since creation or the last {@link #reset()}
   */
  public long points() {
    return points.get();
  }

  /**
   * Returns the number of {@link #evaluate(double[])} calls.
   *
   * @return the single calls since creation or the last {@link #reset()}
   */
  public long singleCalls() {
    return singleCalls.get();
  }

  /**
   * Returns the number of batched calls: {@link #evaluateAll(double[][])} and both {@code
   * evaluateOutcomes} methods.
   *
   * @return the batched calls since creation or the last {@link #reset()}
   */
  public long batchCalls() {
    return batchCalls.get();
  }

  /**
   * Sets every counter back to zero, e.g. between two runs on the same wrapper. Calls running
   * while it resets may be counted on either side.
   */
  public void reset() {
    points.set(0);
    singleCalls.set(0);
    batchCalls.set(0);
  }

  @Override
  public Domain domain() {
    return model.domain();
  }

  @Override
  public double evaluate(double[] x) {
    singleCalls.incrementAndGet();
    points.incrementAndGet();
    return model.evaluate(x);
  }

  @Override
  public double[] evaluateAll(double[][] xs) {
    countBatch(xs);
    return model.evaluateAll(xs);
  }

  @Override
  public EvaluationOutcome[] evaluateOutcomes(double[][] xs) {
    countBatch(xs);
    return model.evaluateOutcomes(xs);
  }

  @Override
  public EvaluationOutcome[] evaluateOutcomes(double[][] xs, OutcomeListener listener) {
    countBatch(xs);
    return model.evaluateOutcomes(xs, listener);
  }

  private void countBatch(double[][] xs) {
    nonNull(xs, "xs");
    batchCalls.incrementAndGet();
    points.addAndGet(xs.length);
  }

  @Override
  public boolean batched() {
    return model.batched();
  }

  /**
   * Returns the wrapped model's description with the counters.
   *
   * @return for example {@code counting(ackley(2-D), 1200 points)}
   */
  @Override
  public String toString() {
    return "counting(" + model + ", " + points.get() + " points)";
  }
}
