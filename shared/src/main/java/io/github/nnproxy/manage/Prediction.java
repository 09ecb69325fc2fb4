package io.github.nnproxy.manage;

/**
 * What a {@link ProxyEnsemble} says about one point: the members' mean and their spread.
 *
 * <p>The spread is the population standard deviation of the members' predictions. It is 0 for a
 * single proxy; for an ensemble it grows where the members disagree, typically far from the
 * training data, and so marks places where the mean should not be trusted. Immutable.
 *
 * <pre>{@code
 * Prediction p = ensemble.predict(x);
 * double optimistic = p.mean() - 2 * p.spread();   // a lower confidence bound
 * }</pre>
 *
 * @param mean the mean of the members' predictions
 * @param spread the standard deviation of the members' predictions, {@code >= 0}
 */
public record Prediction(double mean, double spread) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if {@code spread} is negative (NaN is allowed: a member
   *     returned NaN)
   */
  public Prediction {
    if (spread < 0) {
      throw new IllegalArgumentException("spread must be >= 0, but was " + spread);
    }
  }
}
