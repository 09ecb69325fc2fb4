package io.github.nnproxy.proxy;

import io.github.nnproxy.EvaluationOutcome;
import io.github.nnproxy.FailureKind;

/**
 * How many forward-model calls failed while sampling a proxy's training data, by kind. Failed
 * points are dropped from the training data; {@link #total()} equals {@link
 * ProxyQuality#samplesDropped()}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * SampleFailures f = proxy.quality().failures();
 * if (f.timedOut() > 0) { ... the simulation hangs somewhere: look at its logs ... }
 * }</pre>
 *
 * @param thrown calls that threw an exception
 * @param nan calls that returned NaN
 * @param infinite calls that returned an infinity
 * @param timedOut calls that did not return within the trainer's evaluation timeout, or within an
 *     external program's own timeout
 * @param exitStatus external programs that exited with a non-zero status or were killed
 * @param garbledOutput external programs whose output could not be read as a value
 */
public record SampleFailures(int thrown, int nan, int infinite, int timedOut, int exitStatus,
    int garbledOutput) {

  /** No failure at all. */
  public static final SampleFailures NONE = new SampleFailures(0, 0, 0, 0, 0, 0);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public SampleFailures {
    if (thrown < 0 || nan < 0 || infinite < 0 || timedOut < 0 || exitStatus < 0
        || garbledOutput < 0) {
      throw new IllegalArgumentException("failure counts must be >= 0, but were thrown=" + thrown
          + ", nan=" + nan + ", infinite=" + infinite + ", timedOut=" + timedOut
          + ", exitStatus=" + exitStatus + ", garbledOutput=" + garbledOutput);
    }
  }

  /**
   * The counts of nnproxy 0.1's four kinds, without external-program failures.
   *
   * @param thrown calls that threw an exception
   * @param nan calls that returned NaN
   * @param infinite calls that returned an infinity
   * @param timedOut calls that timed out
   * @throws IllegalArgumentException if a count is negative
   */
  public SampleFailures(int thrown, int nan, int infinite, int timedOut) {
    this(thrown, nan, infinite, timedOut, 0, 0);
  }

  /**
   * Counts the failed outcomes by kind.
   *
   * @param outcomes the outcomes, successes included (they are not counted)
   * @return the counts
   * @throws NullPointerException if {@code outcomes} or one of them is null
   */
  public static SampleFailures count(EvaluationOutcome... outcomes) {
    int[] c = new int[FailureKind.values().length];
    for (EvaluationOutcome o : outcomes) {
      if (!o.succeeded()) {
        c[o.failure().ordinal()]++;
      }
    }
    return new SampleFailures(c[FailureKind.THROWN.ordinal()], c[FailureKind.NAN.ordinal()],
        c[FailureKind.INFINITE.ordinal()], c[FailureKind.TIMED_OUT.ordinal()],
        c[FailureKind.EXIT_STATUS.ordinal()], c[FailureKind.GARBLED_OUTPUT.ordinal()]);
  }

  /**
   * Returns the count of one kind.
   *
   * @param kind the kind
   * @return how many calls failed that way
   * @throws NullPointerException if {@code kind} is null
   */
  public int count(FailureKind kind) {
    return switch (kind) {
      case THROWN -> thrown;
      case NAN -> nan;
      case INFINITE -> infinite;
      case TIMED_OUT -> timedOut;
      case EXIT_STATUS -> exitStatus;
      case GARBLED_OUTPUT -> garbledOutput;
    };
  }

  /**
   * Returns the number of failed calls of every kind.
   *
   * @return the total
   */
  public int total() {
    return thrown + nan + infinite + timedOut + exitStatus + garbledOutput;
  }

  @Override
  public String toString() {
    return total() == 0 ? "no failures"
        : thrown + " threw, " + nan + " NaN, " + infinite + " infinite, " + timedOut + " timed out"
            + (exitStatus + garbledOutput == 0 ? ""
                : ", " + exitStatus + " exited with an error, " + garbledOutput
                    + " gave garbled output");
  }
}
