package io.github.nnproxy.study;

/**
 * The study's seeds by cell identity, through {@link io.github.nnproxy.internal.Seeds#derive}, for
 * the budget benchmark and the plots, which call it by this name; not API. Stateless.
 */
public final class Seeds {
  private Seeds() {}

  /**
   * Derives a seed.
   *
   * @param seed the user's seed
   * @param parts the cell's identity, e.g. {@code "run", "ackley", 2, "pso"}
   * @return the derived seed
   */
  static long derive(long seed, Object... parts) {
    return io.github.nnproxy.internal.Seeds.derive(seed, parts);
  }
}
