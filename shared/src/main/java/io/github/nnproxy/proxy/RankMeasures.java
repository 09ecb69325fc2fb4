package io.github.nnproxy.proxy;

import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/** The measures of {@link ProxyQuality} that ask whether a proxy ranks points as the truth does. */
final class RankMeasures {
  private RankMeasures() {}

  /**
   * Spearman's rank correlation of {@code predicted} and {@code truth} (average ranks for ties);
   * NaN when either is constant.
   */
  static double spearman(double[] predicted, double[] truth) {
    if (predicted.length < 2) {
      return Double.NaN;
    }
    return new SpearmansCorrelation().correlation(predicted, truth);
  }

  /**
   * The root-mean-square error over the points whose true values are the lowest 10% (at least
   * one point; ties at the cut go by index, so the set is deterministic), in the units of the
   * arguments.
   */
  static double lowDecileRmse(double[] predicted, double[] truth) {
    int n = truth.length;
    if (n == 0) {
      return Double.NaN;
    }
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> {
      int c = Double.compare(truth[a], truth[b]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    int k = Math.max(1, (int) Math.ceil(n * 0.1));
    double sq = 0;
    for (int q = 0; q < k; q++) {
      double e = predicted[idx[q]] - truth[idx[q]];
      sq += e * e;
    }
    return Math.sqrt(sq / k);
  }
}
