package io.github.nnproxy.study;

/**
 * The mean and the population standard deviation (numpy's default, {@code ddof = 0}, as in the
 * seed study's table) of a metric over the seeds of a cell.
 *
 * <p>Immutable. NaN stands for "no value" (e.g. the proxy error of a truth run).
 *
 * <pre>{@code
 * MeanStd d = MeanStd.of(new double[] {0.1, 0.3});   // mean 0.2, std 0.1
 * }</pre>
 *
 * @param mean the arithmetic mean, NaN if there is no value
 * @param std the population standard deviation {@code sqrt(sum (v - mean)^2 / n)}, NaN if there
 *     is no value
 */
public record MeanStd(double mean, double std) {

  /** No value. */
  public static final MeanStd NONE = new MeanStd(Double.NaN, Double.NaN);

  /**
   * Computes the mean and population standard deviation of the values, in array order (so the
   * result is the same bits for the same array). Returns {@link #NONE} if any value is NaN or
   * the array is empty.
   *
   * @param values the values
   * @return the statistics
   */
  public static MeanStd of(double[] values) {
    if (values.length == 0) {
      return NONE;
    }
    double sum = 0;
    for (double v : values) {
      if (Double.isNaN(v)) {
        return NONE;
      }
      sum += v;
    }
    double mean = sum / values.length;
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return new MeanStd(mean, Math.sqrt(ss / values.length));
  }

  /**
   * Tells whether this holds a value.
   *
   * @return false for {@link #NONE}
   */
  public boolean present() {
    return !Double.isNaN(mean);
  }
}
