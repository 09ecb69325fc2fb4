package io.github.nnproxy;

import java.util.Objects;

/**
 * An evaluation of a forward model failed for a reason the model can name: a timeout, a program
 * that exited with an error, output that is not a number. Callers that batch-evaluate the truth
 * (the trainer's sampling, the managed loop) catch it and count the failure by its {@link #kind()};
 * any other exception counts as {@link FailureKind#THROWN}.
 *
 * <pre>{@code
 * try {
 *   y = model.evaluate(x);
 * } catch (EvaluationException e) {
 *   log.warn("{} at {}: {}", e.kind(), Arrays.toString(x), e.getMessage());
 * }
 * }</pre>
 */
public class EvaluationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the evaluation failed. */
  private final FailureKind kind;

  /**
   * Creates the exception.
   *
   * @param kind why the evaluation failed; not {@link FailureKind#NAN} or {@link
   *     FailureKind#INFINITE} (a model returns those as values)
   * @param message what happened, for a person (the program, its exit status, its error output)
   * @param cause the underlying exception, or null
   * @throws NullPointerException if {@code kind} is null
   * @throws IllegalArgumentException if {@code kind} is NAN or INFINITE
   */
  public EvaluationException(FailureKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    if (kind == FailureKind.NAN || kind == FailureKind.INFINITE) {
      throw new IllegalArgumentException(
          "kind must name a failure a model cannot return as a value, but was " + kind);
    }
  }

  /**
   * Creates the exception without a cause.
   *
   * @param kind why the evaluation failed, as for {@link #EvaluationException(FailureKind, String,
   *     Throwable)}
   * @param message what happened
   */
  public EvaluationException(FailureKind kind, String message) {
    this(kind, message, null);
  }

  /**
   * Returns why the evaluation failed.
   *
   * @return the kind
   */
  public FailureKind kind() {
    return kind;
  }
}
