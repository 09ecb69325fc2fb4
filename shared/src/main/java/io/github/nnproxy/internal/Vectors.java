package io.github.nnproxy.internal;

/**
 * Arithmetic on points given as {@code double[]}, written once so that every distance nnproxy
 * reports (to the optimum, between candidates, between rounds) is computed the same way, to the
 * last bit. Not API: the package {@code io.github.nnproxy.internal} may change without notice.
 */
public final class Vectors {
  private Vectors() {}

  /**
   * Returns the Euclidean distance between two points of the same length, summing the squared
   * differences in coordinate order. The caller checks the lengths.
   *
   * @param a a point
   * @param b a point at least as long as {@code a}
   * @return {@code sqrt(sum (a[i] - b[i])^2)}
   */
  public static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
