package io.github.nnproxy.manage;

/**
 * The manage package's numbered seed streams, through {@link io.github.nnproxy.internal.Seeds};
 * not API.
 */
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
    return io.github.nnproxy.internal.Seeds.stream(seed, stream);
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
