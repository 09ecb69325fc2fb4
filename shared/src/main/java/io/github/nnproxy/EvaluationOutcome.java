package io.github.nnproxy;

import java.io.Serializable;
import java.util.Objects;

/**
 * The result of one forward-model evaluation that may have failed: a value, or the kind of failure
 * and what is known about it. {@link ForwardModel#evaluateOutcomes(double[][])} returns one per
 * point, so one failed simulation does not lose a whole batch.
 *
 * <p>NaN and infinite values are failures ({@link FailureKind#NAN}, {@link FailureKind#INFINITE})
 * and keep the value the model returned; every other failure has the value NaN. Immutable,
 * thread-safe and serializable (cluster tasks send outcomes back to the driver).
 *
 * <pre>{@code
 * EvaluationOutcome[] os = model.evaluateOutcomes(points);
 * long failed = Arrays.stream(os).filter(o -> !o.succeeded()).count();
 * }</pre>
 *
 * @param value the model's value; NaN when the evaluation failed without a value
 * @param failure why the evaluation failed, or null when it succeeded
 * @param detail what is known about a failure (an exception, an exit status, error output), or
 *     null; always null on success
 */
public record EvaluationOutcome(double value, FailureKind failure, String detail)
    implements Serializable {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a success has a non-finite value or a detail, or a NAN or
   *     INFINITE failure's value disagrees with its kind
   */
  public EvaluationOutcome {
    if (failure == null) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            "a successful evaluation must have a finite value, but had " + value);
      }
      if (detail != null) {
        throw new IllegalArgumentException("a successful evaluation has no detail, but had "
            + detail);
      }
    } else if (failure == FailureKind.NAN && !Double.isNaN(value)
        || failure == FailureKind.INFINITE && !Double.isInfinite(value)
        || failure != FailureKind.NAN && failure != FailureKind.INFINITE
            && !Double.isNaN(value)) {
      throw new IllegalArgumentException("failure " + failure + " cannot have the value " + value);
    }
  }

  /**
   * Returns the outcome of a model that returned {@code value}: a success if it is finite, a NAN
   * or INFINITE failure otherwise.
   *
   * @param value the value the model returned
   * @return the outcome
   */
  public static EvaluationOutcome of(double value) {
    if (Double.isNaN(value)) {
      return new EvaluationOutcome(value, FailureKind.NAN, null);
    }
    if (Double.isInfinite(value)) {
      return new EvaluationOutcome(value, FailureKind.INFINITE, null);
    }
    return new EvaluationOutcome(value, null, null);
  }

  /**
   * Returns a failure without a value.
   *
   * @param kind why the evaluation failed; not NAN or INFINITE (use {@link #of(double)})
   * @param detail what is known about it, or null
   * @return the outcome
   * @throws NullPointerException if {@code kind} is null
   * @throws IllegalArgumentException if {@code kind} is NAN or INFINITE
   */
  public static EvaluationOutcome failed(FailureKind kind, String detail) {
    Objects.requireNonNull(kind, "kind");
    if (kind == FailureKind.NAN || kind == FailureKind.INFINITE) {
      throw new IllegalArgumentException("use of(value) for " + kind + " failures");
    }
    return new EvaluationOutcome(Double.NaN, kind, detail);
  }

  /**
   * Evaluates {@code model} at {@code x} and captures a failure instead of throwing it: an {@link
   * EvaluationException} becomes its kind, any other {@link RuntimeException} {@link
   * FailureKind#THROWN} with the exception as detail.
   *
   * @param model the model
   * @param x the point, checked by the model as for {@link ForwardModel#evaluate(double[])}
   * @return the outcome
   */
  public static EvaluationOutcome capture(ForwardModel model, double[] x) {
    try {
      return of(model.evaluate(x));
    } catch (EvaluationException e) {
      return failed(e.kind(), e.getMessage());
    } catch (RuntimeException e) {
      return failed(FailureKind.THROWN, e.toString());
    }
  }

  /**
   * Returns the value as {@link ForwardModel#evaluate(double[])} would: the value for a success
   * and for NaN and infinite results, an exception for every other failure.
   *
   * @return the value
   * @throws EvaluationException for a failure without a value, with its kind and detail
   */
  public double valueOrThrow() {
    if (failure == null || failure == FailureKind.NAN || failure == FailureKind.INFINITE) {
      return value;
    }
    throw new EvaluationException(failure, detail == null ? failure.toString() : detail);
  }

  /**
   * Returns the values of many outcomes as {@link ForwardModel#evaluateAll(double[][])} would.
   *
   * @param outcomes the outcomes
   * @return their values, in order
   * @throws EvaluationException for the first failure without a value
   */
  public static double[] values(EvaluationOutcome[] outcomes) {
    double[] ys = new double[outcomes.length];
    for (int i = 0; i < ys.length; i++) {
      ys[i] = outcomes[i].valueOrThrow();
    }
    return ys;
  }

  /**
   * Tells whether the evaluation gave a finite value.
   *
   * @return true on success
   */
  public boolean succeeded() {
    return failure == null;
  }

  @Override
  public String toString() {
    return failure == null ? Double.toString(value)
        : failure + (detail == null ? "" : " (" + detail + ")");
  }
}
