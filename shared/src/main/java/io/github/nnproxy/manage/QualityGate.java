package io.github.nnproxy.manage;

import static io.github.nnproxy.internal.Requires.nonNull;

import io.github.nnproxy.internal.Requires;
import java.util.Arrays;

/**
 * Checks that a proxy still ranks points as the truth does: Spearman's rank correlation between
 * proxy predictions and true values on the latest {@code window} true evaluations, against a
 * threshold.
 *
 * <p>An optimizer only needs the proxy to rank points correctly, so the gate watches ranks, not
 * errors. Feed it predictions made before the true values were known (out of sample): on the
 * training data a network always looks good. Ties get average ranks; pairs with a non-finite
 * value are skipped; with fewer than {@link #MIN_PAIRS} pairs the gate does not judge and does not
 * trip.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * QualityGate gate = QualityGate.of(0.3, 10);
 * GateAssessment a = gate.assess(predictedBeforeEvaluating, trueValues);
 * if (a.tripped()) { log.warn("proxy drift: rank correlation {}", a.correlation()); }
 * }</pre>
 */
public final class QualityGate {
  /** The fewest finite pairs the gate judges. */
  public static final int MIN_PAIRS = 4;

  private final double threshold;
  private final int window;

  private QualityGate(double threshold, int window) {
    this.threshold = threshold;
    this.window = window;
  }

  /**
   * Creates a gate.
   *
   * @param threshold the lowest acceptable rank correlation, in [-1, 1]
   * @param window how many of the latest pairs to judge, {@code >= MIN_PAIRS}
   * @return the gate
   * @throws IllegalArgumentException if {@code threshold} is outside [-1, 1] or NaN, or {@code
   *     window < MIN_PAIRS}
   */
  public static QualityGate of(double threshold, int window) {
    if (!(threshold >= -1 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [-1, 1], but was " + threshold);
    }
    if (window < MIN_PAIRS) {
      throw new IllegalArgumentException(
          "window must be >= " + MIN_PAIRS + ", but was " + window);
    }
    return new QualityGate(threshold, window);
  }

  /**
   * Judges the latest pairs: the last {@code window} pairs in which both values are finite.
   *
   * @param proxyValues the proxy's predictions, oldest first
   * @param trueValues the true values at the same points, in the same order
   * @return the assessment
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public GateAssessment assess(double[] proxyValues, double[] trueValues) {
    nonNull(proxyValues, "proxyValues");
    nonNull(trueValues, "trueValues");
    if (proxyValues.length != trueValues.length) {
      throw new IllegalArgumentException("proxyValues and trueValues must have the same length,"
          + " but had " + proxyValues.length + " and " + trueValues.length);
    }
    double[] p = new double[window];
    double[] t = new double[window];
    int n = 0;
    for (int i = proxyValues.length - 1; i >= 0 && n < window; i--) {
      if (Double.isFinite(proxyValues[i]) && Double.isFinite(trueValues[i])) {
        p[n] = proxyValues[i];
        t[n] = trueValues[i];
        n++;
      }
    }
    if (n < MIN_PAIRS) {
      return new GateAssessment(Double.NaN, n, threshold, false);
    }
    double rho = spearman(Arrays.copyOf(p, n), Arrays.copyOf(t, n));
    return new GateAssessment(rho, n, threshold, rho < threshold);
  }

  /**
   * Returns Spearman's rank correlation, the Pearson correlation of the average ranks.
   *
   * @param a the first sample, finite values
   * @param b the second sample, of the same length
   * @return the correlation in [-1, 1]; 0 if one sample is constant
   * @throws NullPointerException if an array is null
   * @throws IllegalArgumentException if the lengths differ, are below 2, or a value is not finite
   */
  public static double spearman(double[] a, double[] b) {
    nonNull(a, "a");
    nonNull(b, "b");
    if (a.length != b.length || a.length < 2) {
      throw new IllegalArgumentException("a and b must have the same length >= 2, but had "
          + a.length + " and " + b.length);
    }
    for (int i = 0; i < a.length; i++) {
      Requires.finite(a[i], "a[" + i + "]");
      Requires.finite(b[i], "b[" + i + "]");
    }
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double mean = (a.length + 1) / 2.0;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      double da = ra[i] - mean;
      double db = rb[i] - mean;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
    if (saa == 0 || sbb == 0) {
      return 0;
    }
    return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
  }

  /** Ranks 1..n, ties sharing their average rank. */
  private static double[] ranks(double[] v) {
    int n = v.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (i, j) -> Double.compare(v[i], v[j]));
    double[] r = new double[n];
    for (int i = 0; i < n;) {
      int j = i;
      while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double avg = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[order[k]] = avg;
      }
      i = j + 1;
    }
    return r;
  }

  /**
   * Returns the lowest acceptable rank correlation.
   *
   * @return the threshold
   */
  public double threshold() {
    return threshold;
  }

  /**
   * Returns how many of the latest pairs the gate judges.
   *
   * @return the window
   */
  public int window() {
    return window;
  }

  @Override
  public String toString() {
    return "QualityGate[rank correlation >= " + threshold + " on the last " + window + "]";
  }
}
