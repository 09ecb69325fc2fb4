package io.github.nnproxy.proxy;

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
 * @param timedOut calls that did not return within the trainer's evaluation timeout
 */
public record SampleFailures(int thrown, int nan, int infinite, int timedOut) {

  /** No failure at all. */
  public static final SampleFailures NONE = new SampleFailures(0, 0, 0, 0);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public SampleFailures {
    if (thrown < 0 || nan < 0 || infinite < 0 || timedOut < 0) {
      throw new IllegalArgumentException("failure counts must be >= 0, but were thrown=" + thrown
          + ", nan=" + nan + ", infinite=" + infinite + ", timedOut=" + timedOut);
    }
  }

  /**
   * Returns the number of failed calls of every kind.
   *
   * @return the total
   */
  public int total() {
    return thrown + nan + infinite + timedOut;
  }

  @Override
  public String toString() {
    return total() == 0 ? "no failures"
        : thrown + " threw, " + nan + " NaN, " + infinite + " infinite, " + timedOut + " timed out";
  }
}
