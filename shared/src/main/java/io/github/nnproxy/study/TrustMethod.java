package io.github.nnproxy.study;

import java.util.Locale;

/**
 * The four ways a {@link TrustStudy} reaches an answer in each cell, from the seed study's method
 * to the optimizer's full run on the truth.
 *
 * <p>Immutable and thread-safe, as every enum.
 *
 * <pre>{@code
 * for (TrustRun r : result.runs()) {
 *   if (r.method() == TrustMethod.MANAGED) { ... }
 * }
 * }</pre>
 */
public enum TrustMethod {
  /** (a) The seed's method: train a proxy on the scheme's sample, minimize the proxy. */
  OFFLINE_PROXY("a"),
  /** (b) The managed loop: a small true sample, then proxy-proposed true evaluations. */
  MANAGED("b"),
  /** (c) The optimizer on the truth with as many true evaluations as (b) used. */
  TRUTH_EQUAL_BUDGET("c"),
  /** (d) The optimizer on the truth with its full budget. */
  TRUTH_FULL("d");

  private final String letter;

  TrustMethod(String letter) {
    this.letter = letter;
  }

  /**
   * Returns the method's letter in reports: {@code a}, {@code b}, {@code c} or {@code d}.
   *
   * @return the letter
   */
  public String letter() {
    return letter;
  }

  /**
   * Returns the method's name in files: lower case with dashes, e.g. {@code "offline-proxy"}.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
