package io.github.nnproxy;

/**
 * Why one forward-model evaluation gave no usable value. nnproxy counts failures by kind
 * ({@link io.github.nnproxy.proxy.SampleFailures}), stores them ({@link
 * io.github.nnproxy.store.EvaluationStore}) and never trains on a failed point.
 *
 * <pre>{@code
 * EvaluationOutcome o = model.evaluateOutcomes(points)[0];
 * if (o.failure() == FailureKind.TIMED_OUT) { ... the simulation hangs: look at its logs ... }
 * }</pre>
 */
public enum FailureKind {
  /** The model threw an exception (any exception but an {@link EvaluationException}). */
  THROWN,
  /** The model returned NaN. */
  NAN,
  /** The model returned an infinity. */
  INFINITE,
  /** The evaluation did not finish within its timeout and was abandoned. */
  TIMED_OUT,
  /** An external program exited with a non-zero status (or was killed by a signal). */
  EXIT_STATUS,
  /** An external program's output could not be read as a value. */
  GARBLED_OUTPUT
}
