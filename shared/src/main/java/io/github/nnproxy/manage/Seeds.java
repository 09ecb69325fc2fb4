package io.github.nnproxy.manage;

/** Derives independent seeds from a master seed (SplitMix64 finalizer); not API. */
final class Seeds {
  private Seeds() {}

  /**
   * Returns a seed for one stream of random choices, e.g. member {@code i} of an ensemble.
   *
   * @param seed the master seed
   * @param stream the stream's number
   * @return a well-mixed seed, different for different streams
   */
  static long derive(long seed, long stream) {
    long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Returns a seed for one stream of one purpose, e.g. the fit of round {@code r}.
   *
   * @param seed the master seed
   * @param purpose a small constant per purpose
   * @param stream the stream's number within the purpose
   * @return a well-mixed seed
   */
  static long derive(long seed, int purpose, long stream) {
    return derive(derive(seed, purpose), stream);
  }
}
